"""A WaitGroup by the storage it names: a local variable (`wg`), or a field path from one (`p.wg`, `s.pool.wg`).

Add, Done and Wait act on one WaitGroup only when they name the same storage. A local variable is
that storage by its go/types object. A field path is too when

- its base is a local variable that nothing reassigns: no write in its function (nor in a func
  literal), no address taken but by a WaitGroup method's call on a field path from it (`s.wg.Add(1)`
  takes `&s.wg`; `s.Reset()`, `&s.inner` take an address a write through could zero the WaitGroup
  with), not a for or range clause's variable (one variable for every iteration before go1.22): a
  receiver, a parameter, a variable of a block;
- each selection names a field of the package declared in the operand's own type, not promoted
  through an embedded field (which may be a pointer, reassigned), and every selection after the
  first selects from a struct value, not through a pointer field (reassigned between the Add and
  the Done, it would name another WaitGroup);
- the last field is a `sync.WaitGroup` or `errgroup.Group` value (a pointer field may be reassigned).

Its key joins the base's object and the fields' objects: equal keys, the same WaitGroup, as long
as no one copies a struct over it (sync: a WaitGroup must not be copied after first use). Whether
the package may signal the field otherwise is group_uses.py. Objects from go/types, never names.
"""

from __future__ import annotations

from dataclasses import dataclass

from gorewrite.rulekit import FUNCTIONS
from gorewrite.syntax import Node, ancestors, text, walk
from gorewrite.trips import field_links, local
from gorewrite.typeinfo import Kind, TypeInfo, Use

SEP = "|"  # joins a field path's objects into its key (an object is "<file>:<offset>")
WAITGROUP = "sync.WaitGroup"
ERRGROUP = "golang.org/x/sync/errgroup.Group"  # Go counts, then starts f; only Go's wrapper takes a count back
GROUP_TYPES = (("sync", "WaitGroup"), ("golang.org/x/sync/errgroup", "Group"))  # (package, type) of their methods


@dataclass(frozen=True)
class Held:
    """A WaitGroup's storage: its key (a local's object, or base|field|…) and its name as written."""

    obj: str
    name: str


def group(types: TypeInfo, path: str, node: Node | None) -> Held | None:
    """The storage node names, when it is proven the same each time it is evaluated; else None."""
    found = held(types, path, node)
    return found if isinstance(found, Held) else None


def held(types: TypeInfo, path: str, node: Node | None) -> Held | str:
    """The storage node names, or why it is not proven the same wherever it is evaluated."""
    if node is None:
        return "no operand"
    name = text(node).decode()
    if node.type == "identifier":
        variable = local(types, path, node)
        return Held(variable.obj, variable.name) if variable is not None else f"{name} is not a local variable"
    found = field_links(types, path, node)
    if isinstance(found, str):
        return found
    node, links = found
    base = local(types, path, node) if node.type == "identifier" and links else None
    if base is None:
        return f"{name} is not a local variable's field path (an index, a call or a package variable on the way)"
    pointer = next((outer for outer, f in zip(links, links[1:], strict=False) if f.indirect), None)
    if pointer is not None:
        return (
            f"{name} goes through the pointer field {pointer.name}: a write to it between the Add and the Done "
            "would name another WaitGroup"
        )
    if links[-1].named not in (WAITGROUP, ERRGROUP):
        return f"{name} is not a sync.WaitGroup or errgroup.Group value ({links[-1].named or 'another type'})"
    moved = _reassigned(types, path, node, base.obj)
    if moved:
        return f"{name}: {moved}"
    return Held(SEP.join((base.obj, *(f.obj for f in links))), name)


def _reassigned(types: TypeInfo, path: str, node: Node, obj: str) -> str | None:
    """Why the base variable may name other storage at another evaluation."""
    root = next((a for a in ancestors(node) if a.parent is None), node)
    for ident in types.idents.get(path, ()):
        if ident.obj != obj:
            continue
        use = root.named_descendant_for_byte_range(ident.start, ident.end)
        line = use.start_point.row + 1
        if ident.use == Use.DECL and _loop_variable(use):
            return f"{ident.name} is a for or range clause's variable (line {line})"
        if ident.use == Use.WRITE:
            return f"{ident.name} is assigned (line {line})"
        if ident.use == Use.ADDR and not _waitgroup_call(types, path, use):
            return (
                f"the address of {ident.name} is taken (line {line}), not only by a WaitGroup method's call: a "
                "write through it (`&s.inner`, a method of a pointer receiver) could write over the WaitGroup"
            )
    return None


def _waitgroup_call(types: TypeInfo, path: str, use: Node) -> bool:
    """Is the use's address taken only for a sync.WaitGroup or errgroup.Group method called on a field path from it
    (`s.wg.Add(1)`, `s.pool.wg.Wait()`: `&s.wg`)? Not `s.Reset()`, `s.pool.Reset()`, `&s.inner` (adv31b)."""
    node = use
    while node.parent.type == "selector_expression" and node.parent.named_children[0] == node:
        node = node.parent
        field = types.at(path, node.child_by_field_name("field").start_byte)
        if field is None or field.kind not in (Kind.FIELD, Kind.METHOD):
            return False
        if field.kind == Kind.METHOD:
            return (field.pkg, field.recv) in GROUP_TYPES and node.parent.type == "call_expression"
    return False


def _loop_variable(decl: Node) -> bool:
    for node in ancestors(decl):
        if node.type in ("for_clause", "range_clause"):
            return True
        if node.type in FUNCTIONS or node.type == "block":
            return False
    return False


def declared(types: TypeInfo | None, path: str, spec: Node) -> bool:
    """Does the type declaration declare a field go/types says is a WaitGroup or errgroup.Group value,
    however spelled (`g inner.EG` of `type EG = errgroup.Group` in another package)? Embedded too."""
    for field in (n for n in walk(spec) if n.type == "field_declaration") if types is not None else ():
        names = [n for n in field.named_children if n.type == "field_identifier"]
        kind = field.child_by_field_name("type")
        embedded = [kind.named_children[-1] if kind.type == "qualified_type" else kind] if not names else []
        for node in names or embedded:
            ident = types.at(path, node.start_byte)
            if ident is not None and ident.kind == Kind.FIELD and ident.named in (WAITGROUP, ERRGROUP):
                return True
    return False


def is_path(key: str) -> bool:
    """Is the key a field path's (base|field|…), not a local variable's object?"""
    return SEP in key


def base(key: str) -> str:
    """The object of the variable the key starts from (the key itself for a local)."""
    return key.split(SEP)[0]


def last_field(key: str) -> str | None:
    """The object of the field a path's key ends in; None for a local."""
    return key.split(SEP)[-1] if is_path(key) else None


def nodes(types: TypeInfo, path: str, function: Node, key: str) -> list[Node]:
    """Every expression in function naming the key's storage: a local's identifiers, or the selections
    `p.wg` (`s.pool.wg`) of the path's fields from its base, not its declaration."""
    fields = key.split(SEP)[1:]
    found = []
    for ident in types.idents.get(path, ()):
        if ident.obj != base(key) or ident.use == Use.DECL:
            continue
        node = function.named_descendant_for_byte_range(ident.start, ident.end)
        for field in fields if node is not None else ():
            selector = node.parent
            if selector.type != "selector_expression" or selector.named_children[0] != node:
                node = None
                break
            named = types.at(path, selector.child_by_field_name("field").start_byte)
            node = selector if named is not None and named.obj == field else None
            if node is None:
                break
        if node is not None:
            found.append(node)
    return found
