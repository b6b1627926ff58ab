"""A range over a literal of structs whose field holds the interface value (ranged.py takes the values themselves).

`for _, st := range []Stage{{Step: &sc, Attempts: 1}, {Step: &off, Attempts: 2}} { … st.Step.Run(ctx, n) … }`: no
release devirtualizes the call through the field, so it leaks its receiver and sc and off move to the heap. Nothing
but the range names a literal built in its clause: each iteration st is a copy of the next element, and st.Step the
value that element's literal set under the key Step (a key names a field of the struct itself, never a promoted one,
so it is the field st.Step selects), or at Step's position in go/types' order of the fields (`{"scale", &sc}`: a
positional literal lists every field in order). When every element sets the field to a value ranged.py can spell (`&x`,
`&T{…}`, `T{…}`, a local of a type that is no pointer: never nil), the body goes into a type switch on st.Step, each
read of st.Step the case's variable. That is sound when st.Step cannot change in the body: every use of st is a
read go/types counts as one, of a field — never a write of st or of a field of it, nor its address, nor a method:
an element whose `&` the literal elides (`[]*Stage{{…}}`) makes st a pointer, whose pointer method writes through it
with no `&st` for go/types to count (unit case `pointer_method`: `st.retarget(&l)`) — and every selection of Step is
a read ranged.py proves (a method call's receiver or an assertion); reading another field (`st.Attempts`) leaves Step
alone. Such a pointer is one nothing else holds: only st reaches it, by the same selections. The switch then reads,
at the body's start, the value every read of st.Step would.
"""

from __future__ import annotations

from gorewrite.proposals import PackageView
from gorewrite.rulekit import fresh_local, owner
from gorewrite.rules.iface_direct.sites import row_of, use_node
from gorewrite.syntax import Node, items, text, unparen
from gorewrite.typeinfo import Ident, Kind, TypeInfo, Use


def set_values(literal: Node) -> list[tuple[bytes | None, Node]]:
    """Each (key, value) an element of the literal sets in its struct literal (`{Step: &sc}`: b"Step", &sc; a
    positional one, `{"trim", &sc}`, has no key: None, &sc). Syntax alone: range_loop asks before go/types."""
    found = []
    for element in items(literal.child_by_field_name("body")):
        inner = items(element)
        value = unparen(inner[0]) if len(inner) == 1 else None
        body = value.child_by_field_name("body") if value is not None and value.type == "composite_literal" else value
        if body is None or body.type != "literal_value":
            continue
        for set_ in items(body):
            if set_.type == "literal_element":
                found.append((None, unparen(set_.named_children[0])))
                continue
            key, held = items(set_)[0], items(set_)[-1]
            if key.type == "literal_element" and unparen(key.named_children[0]).type == "identifier":
                found.append((text(unparen(key.named_children[0])), unparen(held.named_children[0])))
    return found


def named_values(types: TypeInfo, path: str, literal: Node) -> list[tuple[bytes, Node]]:
    """Each (field, value) an element of the literal sets: by its key, or by its position in go/types' order of
    the struct's fields (a positional literal lists every field, so the element at i sets the i-th: `rule{"skip",
    &skip}` sets dir to &skip). A field the struct embeds is its own field too, named by its type, and no promoted
    field of that name can hide it: a selector picks the shallowest."""
    found = []
    for key, value in set_values(literal):
        field = types.field(path, value.start_byte, value.end_byte) if key is None else None
        if key is None and field is None:
            continue
        found.append((key if key is not None else field["name"].encode(), value))
    return found


def field_values(types: TypeInfo, path: str, literal: Node, field: bytes) -> list[Node] | None:
    """The value each element of the literal sets the field to, in order; None when one does not set it (by key,
    or by position: a keyed element left out holds a nil interface, whose call panics where a type switch would
    skip the body)."""
    elements = items(literal.child_by_field_name("body"))
    values = [v for k, v in named_values(types, path, literal) if k == field]
    return values if len(values) == len(elements) else None


def field_reads(
    view: PackageView, types: TypeInfo, path: str, loop: Node, body: Node, variable: Ident, field: bytes
) -> tuple[str, list[Node], str] | str:
    """For `for _, st := range LIT { st.F.M() }`: ("st.F", the reads st.F in the body, a name new to the function
    for the case's variable); why not (the docstring)."""
    name = variable.name
    reads = []
    for use in (u for u in types.idents.get(path, ()) if body.start_byte <= u.start < body.end_byte):
        if use.obj != variable.obj:
            continue
        node = use_node(view, path, use)
        selector = node.parent
        selected = selector.child_by_field_name("field") if selector.type == "selector_expression" else None
        found = types.at(path, selected.start_byte) if selected is not None else None
        if use.use != Use.READ or found is None:  # a selector's field is never st: st is its operand
            return f"{name} is used other than to read a field (line {row_of(node)})"
        if found.kind != Kind.FIELD:  # through an elided `&`, st is a pointer: a method may write through it
            return f"{name}.{found.name} is a method (line {row_of(node)}): it may write {name}.{field.decode()}"
        if text(selected) == field and not found.iface:  # `body *bytes.Buffer`: nothing to switch on
            return f"{name}.{found.name} is not of interface type (line {row_of(node)}): the call is direct already"
        if text(selected) == field:
            reads.append(selector)
    stem = field.decode().lower()
    stem = stem if stem.isidentifier() and stem.isascii() else "elem"
    return f"{name}.{field.decode()}", reads, fresh_local(owner(loop), stem)
