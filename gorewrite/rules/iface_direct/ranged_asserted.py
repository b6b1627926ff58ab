"""Assertions of the range variable in the body a type switch takes (ranged.py): `c.(check).Check(s)`.

`for _, c := range checks { if !c.(check).Check(s) { … } }` over `checks := []any{&ne, &as}`: c is an `any`, and
the body asserts it to an interface before each call. In the case of the switch ranged.py builds, c has the
element's concrete type, where an assertion does not compile. When go/types says every element's type
implements the asserted interface, the assertion never fails: it gives an interface whose dynamic type is
the element's, and the method it calls is that type's method of the same name (implementing means the type's
method set has it, with the interface's signature; a field of that name would hide it and the type would not
implement). So `c.(check).Check(s)` is `c.Check(s)` in every case: the assertion is read as c itself. Only as the
receiver of a method call (`c.(check).Check(s)`): a bare `c.(check)`, or a comma-ok, would need its value.
"""

from __future__ import annotations

from gorewrite.proposals import PackageView
from gorewrite.rules.iface_direct.calls import method_call
from gorewrite.rules.iface_direct.elsewhere import asserted_varies
from gorewrite.rules.iface_direct.places import is_interface_type
from gorewrite.rules.iface_direct.sites import row_of
from gorewrite.syntax import Node, items, text, unparen
from gorewrite.typeinfo import TypeInfo


def asserted_receivers(
    view: PackageView, types: TypeInfo, path: str, literal: Node, reads: list[Node]
) -> list[Node] | str:
    """Each read as it stands in the body: the read itself, or the assertion `c.(I)` it is the operand of when
    every element of the literal implements I and the assertion is a method call's receiver; why not when an
    assertion cannot be proved (ranged.py then declines the read, as before)."""
    elements = [unparen(items(e)[0]) for e in items(literal.child_by_field_name("body"))]
    found: list[Node] = []
    for read in reads:
        assertion = read.parent
        if assertion.type != "type_assertion_expression" or assertion.child_by_field_name("operand") != read:
            found.append(read)
            continue
        kind = assertion.child_by_field_name("type")
        asserted = text(kind).decode()
        wanted = types.type_id(path, kind.start_byte, kind.end_byte) if is_interface_type(types, path, kind) else None
        if wanted is None:
            return f"the assertion to {asserted} (line {row_of(assertion)}) is not to an interface go/types names"
        for element in elements:
            identity = types.type_id(path, element.start_byte, element.end_byte)
            if identity is None or not types.implements(identity, wanted):
                line = row_of(assertion)
                return f"{text(element).decode()} does not implement {asserted}: the assertion at line {line} fails"
            varies = asserted_varies(view, types, path, identity, wanted)
            if varies:
                return f"{text(element).decode()} implements {asserted} (line {row_of(assertion)}), but {varies}"
        if method_call(assertion) is None:
            return f"the assertion to {asserted} (line {row_of(assertion)}) is not the receiver of a method call"
        found.append(assertion)
    return found
