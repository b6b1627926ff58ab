"""A scratch array: `var scratch [2048]byte` handed to io as `scratch[:]`, which the compiler moves to the
heap for that call alone, is pooled as a make([]byte, 2048) handed to io is: the pool holds `*[2048]byte`,
`scratch` becomes that pointer and is zeroed after Get, as `var` gave it. Slicing, indexing, len and cap
mean the same on a pointer to an array, and a whole-array assignment (`scratch = h.Marshal()`) becomes one
through it (`*scratch = …`); every other use (a copy, a comparison, a range, which copies the array it
ranges over, `&scratch`) needs the array's value and is declined. An array a `:=` declares from what its
right side gives (`blk, err := Marshal(h)`) is pooled the same way, the declaration becoming such an
assignment, which writes every byte: it needs no zeroing."""

from __future__ import annotations

import re

from gorewrite import builtins
from gorewrite.proposals import PackageView
from gorewrite.rules.sync_pool.sites import Site
from gorewrite.syntax import Node, items, text, walk
from gorewrite.typeinfo import Kind, Use

BYTES = re.compile(r"\[(\d+)\](?:byte|uint8)")


def array_type(view: PackageView, site: Site) -> str | None:
    """The site's `[N]byte` as go/types writes it, the length folded (`[2048]byte` for `[2 << 10]byte`),
    when the element is Go's own byte (or uint8); None for any other array."""
    declared = view.types.at(site.path, site.name.start_byte) if view.types is not None else None
    if site.kind == "result":  # no element written: N elements of N bytes are Go's byte (or uint8)
        shown = BYTES.fullmatch(declared.type) if declared is not None and declared.type else None
        return declared.type if shown and declared.size == int(shown[1]) else None
    element = site.value.child_by_field_name("element")
    ident = view.types.at(site.path, element.start_byte) if element.type == "type_identifier" else None
    if declared is None or declared.type is None or not BYTES.fullmatch(declared.type):
        return None
    if ident is None or ident.kind != Kind.TYPE or ident.obj is not None or ident.named is not None:
        return None
    return declared.type


def array_size(view: PackageView, site: Site) -> int | None:
    """The array's size in bytes, None unless it is a `[N]byte`."""
    written = array_type(view, site)
    return int(BYTES.fullmatch(written)[1]) if written else None


def array_use(view: PackageView, path: str, node: Node) -> str | None:
    """Why a use of the array needs its value, which a pooled pointer to it cannot stand for; None
    for a slice of it, an element, and the universe's len or cap, which mean the same on the pointer (a
    `func len(any) int` of the package is given the pointer instead: it may tell them apart, adv41b)."""
    parent = node.parent
    if parent.type in ("slice_expression", "index_expression") and parent.child_by_field_name("operand") == node:
        return None
    call = parent.parent if parent.type == "argument_list" else None
    if builtins.called(view.types, path, call) in ("len", "cap") and len(parent.named_children) == 1:
        return None
    return "is used as an array value, which a pooled pointer to it cannot stand for"


def whole(node: Node) -> Node | None:
    """The assignment `a = …` (or `a, err = …`) that writes the whole array `node` names, or None."""
    parent = node.parent
    statement = parent.parent if parent.type == "expression_list" else None
    if statement is None or statement.type != "assignment_statement":
        return None
    if statement.child_by_field_name("left") != parent or text(statement.child_by_field_name("operator")) != b"=":
        return None
    return statement


def written_next(site: Site) -> bool:
    """Does the statement right after `var a [N]byte` write the whole array (`a = h.Marshal()`) from a right
    side that does not name it? Then nothing can read the array before, and the pooled one needs no zeroing."""
    statement = site.statement.next_named_sibling
    while statement is not None and statement.type == "comment":
        statement = statement.next_named_sibling
    name = text(site.name)
    if statement is None or statement.type != "assignment_statement":
        return False
    targets = [n for n in items(statement.child_by_field_name("left")) if n.type == "identifier" and text(n) == name]
    right = statement.child_by_field_name("right")
    return bool(targets) and whole(targets[0]) is not None and not any(_names(right, {name}))


def result_init(view: PackageView, site: Site) -> tuple[str, ...] | str:
    """What replaces `blk, err := Marshal(h)` after the pool's Get and deferred Put: `var err error` for each
    other name it declares, then `*blk, err = Marshal(h)`, the whole array written through the pointer; or
    why the statement cannot be split so."""
    left = items(site.statement.child_by_field_name("left"))
    right = site.statement.child_by_field_name("right")
    declared, fresh = [], {text(site.name)}
    for name in left:
        if name.start_byte == site.name.start_byte or text(name) == b"_":
            continue
        ident = view.types.at(site.path, name.start_byte)
        if ident is None:
            return f"go/types does not know {text(name).decode()} here"
        if ident.use == Use.DECL and not ident.type:
            return f"go/types cannot write the type of {text(name).decode()}, which the rewrite declares on its own"
        if ident.use == Use.DECL:
            declared.append(f"var {text(name).decode()} {ident.type}")
            fresh.add(text(name))
    clash = next(_names(right, fresh), None)
    if clash is not None:
        return f"the right side names {clash.decode()}, which the rewrite declares before it"
    targets = ", ".join(("*" if n.start_byte == site.name.start_byte else "") + text(n).decode() for n in left)
    return (*declared, f"{targets} = {text(right).decode()}")


def result_length_steady(view: PackageView, site: Site) -> bool:
    """Does go/types give the array's length for every build (gotypes/steady.go), at a use of the variable?
    The `:=` writes no type: the pool's `[N]byte` must be what every build's right side gives."""
    declared = view.types.at(site.path, site.name.start_byte)
    for use in view.types.idents.get(site.path, ()):
        if declared is not None and use.obj == declared.obj and use.start != declared.start:
            return view.types.length(site.path, use.start, use.end) is not None
    return False


def _names(node: Node, names: set[bytes]):
    """The identifiers under node whose text is one of names, in order."""
    return (text(n) for n in walk(node) if n.type == "identifier" and text(n) in names)
