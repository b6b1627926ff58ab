"""A field of a variable as fmt.Fprintf's operand or writer (printed.py): `fmt.Fprintf(&g.buf, "%s: %s\n", l.From,
l.Text)` writes the same bytes as `g.buf.WriteString(l.From)` and the rest, and no longer boxes the strings.

An operand qualifies where go/types says it selects a field of a variable's value through fields alone, no pointer
on the way (Selection.Indirect on no link): reading it cannot panic, so no piece is written before a panic the whole
call raised first, and it reads the same value later, since only the Buffer's writes run between the pieces and they
write the Buffer's own fields, of a type no operand's selection passes through (its fields are unexported). A
pointer on the way may be nil, and `l.From` of a nil `l *Line` would panic after the earlier pieces were written.

The writer qualifies as `&g.buf` where `g.buf` is a bytes.Buffer field of a variable, reached through fields, pointers
allowed: each piece evaluates `g.buf` again, and between them only the Buffer's writes run, which change neither `g`
nor a pointer on the way (they lie outside the Buffer); a nil `g` panics at the first piece before it writes, as the
whole call panicked evaluating `&g.buf`. Its storage is no function's own new Buffer, so lent.py declines a []byte.
"""

from __future__ import annotations

from gorewrite.syntax import Node, address_operand
from gorewrite.typeinfo import Kind, TypeInfo

VARIABLES = (Kind.VAR, Kind.PARAM, Kind.RESULT)


def field_type(types: TypeInfo, path: str, operand: Node) -> str | None:
    """The type of the field the operand selects from a variable's value with no pointer on the way; None otherwise."""
    found = types.selected(path, operand.start_byte, operand.end_byte)
    return found[0] if found is not None and not found[1] else None


def buffer_field(types: TypeInfo, path: str, arg: Node) -> Node | None:
    """`g.buf` of the writer `&g.buf`: a bytes.Buffer field of a variable, reached through fields."""
    field = address_operand(arg)
    if field is None:
        return None
    found = types.selected(path, field.start_byte, field.end_byte)
    return field if found is not None and found[0] == "bytes.Buffer" else None


def operand_type(types: TypeInfo, path: str, operand: Node) -> str | None:
    """The type of a variable operand, or of a field selected from one's value; None for a constant or other."""
    ident = types.at(path, operand.start_byte) if operand.type == "identifier" else None
    if ident is not None and ident.kind in VARIABLES:
        return ident.type
    return field_type(types, path, operand)
