"""The values an unexported struct field can hold, from every write of it in its package (shapes.py asks):
`hist := make([]float32, f.taps)` in a method, where the constructor checked `taps <= maxTaps` before
`return &FIR{taps: taps}` and `Reset` stores `min(n, maxTaps)`, is at most maxTaps for every FIR.

No other package can name the field, so only its own sets it: `x.f = v`, a keyed literal `T{f: v}`, a literal
without keys; every other way copies a whole struct value (a conversion from a type defined from T shares T's
field objects), which carries what one of those writes stored, or the zero value. So the field holds the join of
0 and each write's value at its statement (bounds.py, its guards before it), whoever holds the struct and
whenever the make reads it. Occurrences are matched by go/types' object, and the join holds only where all are
seen: no bound where a mention or a literal without keys that may build a struct was not type-checked, or sits
in a file the build does not compile (an in-package test, another GOOS's: they compile the rewrite too, or
tree-sitter-go cannot parse it); where a write is not a plain `=` or a literal in a statement that runs it once
(`x.f += k`, `x.f++`, `&x.f`, a pointer method of f, a for or if header, a go or defer statement) or stores what
nothing bounds; where another struct type lists the same field names (its values assign or convert to T; an
embedded field's name is its type's, `G` of `G[word]`), T is generic, the field is embedded (its type's pointer
method, promoted, writes it unnamed: `f.set(n)`), or a file of the package, compiled or not, imports unsafe or C,
or it holds assembly (each writes a field by its offset). Reflection
cannot set an unexported field; another package's unsafe code could, which gorewrite trusts none to do.
"""

from __future__ import annotations

import bisect
import os
from collections.abc import Callable, Iterator

from tree_sitter import Query, QueryCursor

from gorewrite import build_files, callees
from gorewrite.intervals import UNKNOWN, Interval, exactly, join
from gorewrite.proposals import PackageView
from gorewrite.returns import DEPTH
from gorewrite.rulekit import memo
from gorewrite.struct_literals import field_names, foreign_struct, maybe_struct
from gorewrite.syntax import GO, Node, items, statement_of, text, walk
from gorewrite.terms import value_of
from gorewrite.type_bounds import int_type
from gorewrite.typeinfo import Kind, Use

At = Callable[[str, Node, Node], Interval]  # an expression's interval at a statement of the package
ONCE = ("assignment_statement", "short_var_declaration", "var_declaration", "return_statement", "expression_statement")
BLOCKS = ("statement_list", "block")
# where a field is named: `x.f` and a key `T{f: v}`; and the literals with an element without a key
INDEX = Query(
    GO,
    "(field_identifier) @name (keyed_element . (literal_element (identifier) @name))"
    " (literal_value (literal_element)) @literal",
)


def scopes(view: PackageView, make: Node, function: Node) -> tuple[tuple[str, int, int], ...]:
    """The declarations whose types a field's bound reads: those that mention an unexported field the make's
    sizes select (themselves, through a variable the function assigns from one, or in a function they call), or
    that hold a literal without keys that may build a struct."""
    named = {text(n) for n in walk(make) if n.type == "identifier"}
    reads = [make] + [
        a.child_by_field_name("right")
        for a in walk(function)
        if a.type in ("assignment_statement", "short_var_declaration")
        and named & {text(n) for n in walk(a.child_by_field_name("left")) if n.type == "identifier"}
    ]
    calling = [r for r in reads if any(n.type == "call_expression" for n in walk(r))]
    tops = [(view.tree(p).root_node, s) for r in calling for p, s, _ in callees.scopes(view, r, DEPTH)]
    called = [next(d for d in root.named_children if d.start_byte == s) for root, s in tops]
    names = {
        text(n.child_by_field_name("field")).decode()
        for f in reads + called
        for n in walk(f)
        if n.type == "selector_expression" and not text(n.child_by_field_name("field"))[:1].isupper()
    }
    if not names:
        return ()
    spelled = {n.encode() for n in names}
    foreign = foreign_struct(view, [], spelled)  # the build's files name only their own types
    return tuple(
        (path, decl.start_byte, decl.end_byte)
        for path in view.package.files
        for decl, mentions, literals in _index(view, path)
        if spelled & mentions or any(maybe_struct(n, foreign) for n in literals)
    )


def field_range(view: PackageView, path: str, node: Node, at: At, typed: bool, length: bool = False) -> Interval:
    """The interval of `x.f` for an unexported integer field f of the package, from every write of f; else UNKNOWN.
    `typed`: whether `at` counts what a small integer type alone bounds, which only make-const's budget admits.
    With length, of `len(x.f)` for a slice or string field, `at` giving each stored value's length: a slice or
    string value never changes its length, so only a write of the field does (`x.f[i] = v`, `copy(x.f, b)` and
    `x.f[:n]` read it; `&x.f` and a pointer method of f are writes no bound covers)."""
    field = node.child_by_field_name("field") if node.type == "selector_expression" else None
    ident = view.types.at(path, field.start_byte) if field is not None else None
    if ident is None or ident.kind != Kind.FIELD or ident.obj is None or ident.name[:1].isupper():
        return UNKNOWN
    typed_ok = ident.shape in ("slice", "string") if length else int_type(view, path, node) is not None
    if not typed_ok or {"unsafe", "C"} & set(view.package.imports):
        return UNKNOWN
    key = ("field_writes", ident.obj, typed, length)
    if key not in view.memo:
        view.memo[key] = _invariant(view, key, ident.obj, ident.name, at, length)
    return view.memo[key]


def _invariant(view: PackageView, key: tuple, obj: str, name: str, at: At, length: bool) -> Interval:
    """The join of the writes; where one stores what the field held (`if n < f.taps { f.taps = n }`), by
    induction: the bound of the writes that do not, if every write keeps it once the field's reads are taken
    to keep it (the zero value does, and each write then stores within it). The facts derived from that
    assumption are kept only where it holds."""
    kept = dict(view.memo)
    view.memo[key] = UNKNOWN  # while its writes are judged, the field's own reads have no bound
    values = _written(view, obj, name, at, length)
    if values is None or join(values).hi is not None:
        return join(values) if values is not None else UNKNOWN
    assumed = Interval(None, join(v for v in values if v.hi is not None).hi)
    view.memo.clear()
    view.memo.update(kept)
    view.memo[key] = assumed
    again = _written(view, obj, name, at, length)
    if again is not None and join(again).hi is not None and join(again).hi <= assumed.hi:
        return join(again)
    view.memo.clear()
    view.memo.update(kept)
    return UNKNOWN


def _written(view: PackageView, obj: str, name: str, at: At, length: bool) -> list[Interval] | None:
    """The intervals of 0 and of what each write of the field stores; None where a write is not seen or stores
    what no interval covers, or where nothing in the package writes it (a header cast from bytes by another
    package's unsafe code: its type's range still bounds it, its zero value would not)."""
    struct = struct_of(view, obj)
    if struct is None or _elsewhere(view, name, field_names(struct)):
        return None
    if any(view.tree(p).root_node.has_error for p in view.package.files):
        return None  # tree-sitter-go could not parse some syntax: a write may hide in it
    found = [exactly(0)]  # a zero value (nil, ""): `var f FIR`, `new(FIR)`, a keyed literal without f
    foreign = foreign_struct(view, _other_files(view) or [], {name.encode()})
    for path in view.package.files:
        for decl, mentions, literals in _index(view, path):
            twins = (s for s in walk(decl) if s.type == "struct_type" and s != struct)
            if any(field_names(s) == field_names(struct) for s in twins):
                return None  # an identical struct type: its values assign or convert to T
            literals = [n for n in literals if maybe_struct(n, foreign)]
            for value in _writes(view, path, decl, mentions, literals, obj, name, at, length):
                if value is None:
                    return None
                found.append(value)
    return found if len(found) > 1 else None  # written nowhere here: code this cannot see may be its writer


def _writes(
    view: PackageView,
    path: str,
    decl: Node,
    mentions: frozenset[bytes],
    literals: list[Node],
    obj: str,
    name: str,
    at: At,
    length: bool,
) -> Iterator[Interval | None]:
    """What each write of the field in the declaration stores (None: something no bound covers)."""
    if name.encode() in mentions:
        for node in walk(decl):
            if not _naming(node) or text(node) != name.encode():
                continue
            ident = view.types.at(path, node.start_byte)
            if ident is None:
                yield None  # not type-checked: it may be the field
            elif ident.obj == obj and ident.use != Use.DECL:
                yield from _stored(view, path, node, ident.use, at, length)
    for literal in literals:
        yield from _positional(view, path, literal, name, at, length)


def _stored(view: PackageView, path: str, node: Node, use: Use, at: At, length: bool) -> Iterator[Interval | None]:
    """What one occurrence of the field stores: nothing for a read, the value of `x.f = v` or `T{f: v}`."""
    parent = node.parent
    if parent.type == "selector_expression" and use == Use.READ:
        return
    if parent.type == "selector_expression" and use == Use.WRITE:
        left, stmt = parent.parent, parent.parent.parent
        assigned = stmt.type == "assignment_statement" and stmt.child_by_field_name("left") == left
        if left.type == "expression_list" and assigned:
            right = items(stmt.child_by_field_name("right"))
            if text(stmt.child_by_field_name("operator")) == b"=" and len(right) == len(items(left)):
                yield _at(view, path, right[items(left).index(parent)], stmt, at, length)
                return
        yield None  # `x.f += k`, `x.f++`, `for x.f = range …`
        return
    element = parent.parent if parent.type == "literal_element" else None
    if element is not None and element.type == "keyed_element" and element.named_children[0] == parent:
        yield _at(view, path, element.named_children[-1].named_children[0], element, at, length)
        return
    yield None  # `&x.f`, a pointer method of f, a key no literal element holds


def _naming(node: Node) -> bool:
    """Is the node where a field may be named: a field identifier, or the key of a keyed element?"""
    if node.type == "field_identifier":
        return True
    key = node.parent if node.type == "identifier" and node.parent.type == "literal_element" else None
    return key is not None and key.parent.type == "keyed_element" and key.parent.named_children[0] == key


def _positional(
    view: PackageView, path: str, literal: Node, name: str, at: At, length: bool
) -> Iterator[Interval | None]:
    """What a literal without keys stores in the field: its element for a field so named (any struct's: a superset)."""
    elements = [e for e in literal.named_children if e.type == "literal_element"]
    fields = [view.types.field(path, e.start_byte, e.end_byte) for e in elements]
    if None in fields:
        built = view.types.literal(path, literal.start_byte, literal.end_byte)
        outer = literal.parent if literal.parent.type == "composite_literal" else literal
        kind = built or view.types.literal(path, outer.start_byte, outer.end_byte)
        if kind not in ("slice", "array", "map"):
            yield None  # a struct whose fields go/types did not list (type parameters), or not type-checked
        return
    for element, field in zip(elements, fields, strict=True):
        if field["name"] == name:
            yield _at(view, path, element.named_children[0], literal, at, length)


def _at(view: PackageView, path: str, value: Node, inside: Node, at: At, length: bool) -> Interval | None:
    """The value's interval (its length's, with length) where it is stored: at its statement, which must run it
    once each time it runs; at package level, a constant's (no length: a package variable's initializer)."""
    stmt = inside if inside.type in ONCE else statement_of(inside)
    if stmt is None or stmt.parent.type == "source_file":
        constant = value_of(view, path, value) if not length else None
        return exactly(constant) if constant is not None else None
    if stmt.type not in ONCE or stmt.parent.type not in BLOCKS:
        return None
    return at(path, value, stmt)


def _index(view: PackageView, path: str) -> list[tuple[Node, frozenset[bytes], list[Node]]]:
    """Each top-level declaration of the file, the names it selects or keys, and its literals with an element
    without a key (syntax: which declarations to type-check and read)."""

    def build() -> list[tuple[Node, frozenset[bytes], list[Node]]]:
        root = view.tree(path).root_node
        decls = root.named_children
        starts = [d.start_byte for d in decls]
        names: list[set[bytes]] = [set() for _ in decls]
        literals: list[dict[int, Node]] = [{} for _ in decls]
        found = QueryCursor(INDEX).captures(root)
        for node in found.get("name", []):
            names[bisect.bisect_right(starts, node.start_byte) - 1].add(text(node))
        for node in found.get("literal", []):
            literals[bisect.bisect_right(starts, node.start_byte) - 1][node.start_byte] = node
        return [(d, frozenset(n), list(lits.values())) for d, n, lits in zip(decls, names, literals, strict=True)]

    return memo(view, ("field_writes.index", path), build)


def struct_of(view: PackageView, obj: str) -> Node | None:
    """The struct type declaring the field (obj is go/types' "<file>:<offset>"), unless it has type parameters or
    the field is embedded (a pointer method of its type, promoted, writes it unnamed: `f.set(n)`)."""
    path, _, offset = obj.rpartition(":")
    if path not in view.package.files:
        return None
    node = view.tree(path).root_node.named_descendant_for_byte_range(int(offset), int(offset))
    field = node.parent if node is not None and node.parent.type == "field_declaration" else None
    if field is None or not field.children_by_field_name("name"):
        return None
    struct = field.parent.parent
    if struct is None or struct.type != "struct_type":
        return None
    spec = struct.parent
    return None if spec.type == "type_spec" and spec.child_by_field_name("type_parameters") else struct


def _elsewhere(view: PackageView, name: str, fields: list[bytes]) -> bool:
    """Does the package hold assembly, or a file the build does not compile (in-package tests, other builds) that
    imports unsafe or C, mentions the field other than to read it, holds a literal without keys that may build a
    struct, or declares an identical struct type?"""
    others = _other_files(view)
    if others is None:
        return True  # assembly writes memory by offset; a write may hide in syntax tree-sitter-go cannot parse
    foreign = foreign_struct(view, others, {name.encode()})
    return any(
        (n.type == "import_spec" and text(n.child_by_field_name("path"))[1:-1] in (b"unsafe", b"C"))
        or (_naming(n) and text(n) == name.encode() and not _read(n))
        or maybe_struct(n, foreign)
        or (n.type == "struct_type" and field_names(n) == fields)
        for root in others
        for n in walk(root)
    )


def _read(node: Node) -> bool:
    """Is the name only read, whatever go/types would say it is: `x.f` compared, passed, returned or assigned to
    another (each a copy of its value), never written, addressed, indexed or selected on (`x.f.set(n)` may be a
    pointer method)? An in-package test that checks `if f.taps != 4` writes nothing."""
    selector = node.parent
    if node.type != "field_identifier" or selector.child_by_field_name("field") != node:
        return False
    up = selector.parent
    if up.type in ("binary_expression", "argument_list"):
        return True
    stmt = up.parent if up.type == "expression_list" else None
    right = "value" if stmt is not None and stmt.type == "var_spec" else "right"
    return stmt is not None and (stmt.type == "return_statement" or stmt.child_by_field_name(right) == up)


def _other_files(view: PackageView) -> list[Node] | None:
    """The trees of the package's files the build does not compile; None where the directory holds assembly, or
    a file tree-sitter-go cannot parse."""

    def read() -> list[Node] | None:
        if any(entry.endswith((".s", ".S")) for entry in os.listdir(view.package.dir)):
            return None
        others = []
        for path in build_files.go_files(view.package.dir):
            if path in view.package.files:
                continue
            root = build_files.parsed(path)
            if root.has_error:
                return None
            clause = next((n for n in root.named_children if n.type == "package_clause"), None)
            if clause is None or text(clause.named_children[0]).decode() == view.package.name:
                others.append(root)
        return others

    return memo(view, ("field_writes.others",), read)
