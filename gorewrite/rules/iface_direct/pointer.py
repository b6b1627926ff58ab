"""A holder built by `c := &T{f: &x}`: the struct is reached only through c, so it keeps what its literal
stored while every use of c reads one field.

Options are often built by pointer (`cfg := &Config{Clock: &clk}; cfg.Clock.Now()`). go/types calls a
write through c (`c.f = v`, `c.n++`) a read of c, since c itself does not change, so the rule's proof that
the holder is never written does not cover it: here each use of c must be `c.f` naming a field, read as a
value. Anything else could change the struct or hand c on (`c.f = v`, `&c.f`, `*c = T{}`, `use(c)`,
`d := c`, a method of c, `c.inner.n = 1`, `c.arr[0] = 1`, a pointer method of a field's value): declined.
A field of interface or pointer type may be called, selected or indexed through: that reaches another
object, not the struct. c is never nil (an `&T{…}` never reassigned), so `c.f` reads as `(*c).f` does.
"""

from __future__ import annotations

from gorewrite.rules.iface_direct.sites import Store, row_of
from gorewrite.syntax import Node, items, text
from gorewrite.typeinfo import Kind, TypeInfo

WRITES = ("inc_statement", "dec_statement")
THROUGH = ("selector_expression", "index_expression", "slice_expression")


def pointer_reads(types: TypeInfo, path: str, store: Store, place: str, reads: list[Node]) -> str | None:
    """Why the struct c points to may change or be reached otherwise, or None when each use reads a field."""
    name = text(store.container).decode()
    if place != "field":
        return f"{name} points to a literal that is not a struct: only fields are followed through a pointer"
    for use in reads:
        selector = use.parent
        field = selector.child_by_field_name("field") if selector.type == "selector_expression" else None
        if field is None or selector.child_by_field_name("operand") != use:
            return (
                f"{name} is used other than by reading one of its fields (line {row_of(use)}): it points to the struct"
            )
        found = types.at(path, field.start_byte)
        if found is None or found.kind != Kind.FIELD:
            return f"{name}.{text(field).decode()} is not a field (line {row_of(use)}): a method may change the struct"
        top = selector
        while top.parent.type == "parenthesized_expression":
            top = top.parent
        if _written(top) or (
            top.parent.type in THROUGH and top.parent.child_by_field_name("operand") == top and not _reaches_out(found)
        ):
            return f"line {row_of(use)} may change {name}.{found.name}, in the struct {name} points to"
    return None


def _written(node: Node) -> bool:
    """Is the expression assigned, incremented, addressed or the range's assigned key or value?"""
    parent = node.parent
    if parent.type in WRITES or (parent.type == "unary_expression" and parent.child(0).type == "&"):
        return True
    holder = parent.parent if parent.type == "expression_list" else None
    if holder is None:
        return False
    if holder.type == "assignment_statement" and holder.child_by_field_name("left") == parent:
        return True
    return holder.type == "range_clause" and holder.child_by_field_name("left") == parent and node in items(parent)


def _reaches_out(field) -> bool:
    """A field through which a selector, index, slice or call reaches another object (an interface's dynamic
    value, a pointer's target, a map's or slice's elements), never the struct's own storage; or a string,
    which nothing writes through."""
    return field.iface or field.pointer or field.shape in ("map", "slice", "string")
