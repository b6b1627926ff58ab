"""Method values through the field: `write := s.w.Write` becomes `write := (&x).Write`.

An interface's method value binds the interface value (here `&x`) and, when called, runs the dynamic type's
method on it; `(&x).Write` binds `&x` to `*T`'s method. The two agree only when that method is declared
with a pointer receiver on T itself: a value method's method value copies x when it is bound (the
interface's reads x at each call), and one promoted through an embedded pointer binds that pointer when
bound (the interface's follows it at each call). Which method it is comes from the package's declarations:
the method of that name whose receiver is T (go/types gives x's type); none (promoted) or a value receiver
declines, as does a type declared in the function (it has no methods of its own; the package's method of
that name belongs to a package-level type the local one shadows).
"""

from __future__ import annotations

from gorewrite.proposals import PackageView
from gorewrite.syntax import Node, address_operand, ancestors, receiver_type, text, unparen, unparen_type, walk
from gorewrite.typeinfo import TypeInfo


def method_value(node: Node) -> Node | None:
    """The method's name in `node.M` not called (a method value), where node is the operand; else None."""
    selector = node.parent
    if selector.type != "selector_expression" or selector.child_by_field_name("operand") != node:
        return None
    call = selector.parent
    if call.type == "call_expression" and call.child_by_field_name("function") == selector:
        return None
    return selector.child_by_field_name("field")


def bound_target(view: PackageView, types: TypeInfo, path: str, value: Node, assertion: Node, target: bytes) -> bytes:
    """What replaces `c.(I)` in a method value `c.(I).M` (not called): `I(&x).M` binds the interface as before,
    and the compiler leaks it (every release: probe40b's `start := s.val.(Starter).Start`), where `(&x).M`
    binds the same method when bound_alike proves it. Else the conversion, as for any other use."""
    value = unparen(value)
    method = method_value(assertion)
    alike = method is not None and address_operand(value) is not None
    if not alike or target == text(value) or bound_alike(view, types, path, value, text(method)) is not None:
        return target
    return text(value)


def bound_alike(view: PackageView, types: TypeInfo, path: str, value: Node, method: bytes) -> str | None:
    """Why `(&x).M` may bind other than the interface's method value; None when M has a pointer receiver
    declared on x's own type."""
    operand = value.child_by_field_name("operand")
    shown = f"({text(value).decode()}).{method.decode()}"
    if operand is None:  # `v` stored by value (calls.py's direct_calls): no `&x` whose method set this proves
        return f"the method value {shown}: {text(value).decode()} is not the address of a variable"
    found = types.at(path, operand.start_byte)
    named = found.type if found is not None else None
    if named is None or not named.isidentifier():
        return f"the method value {shown}: go/types gives no type of this package for {text(operand).decode()}"
    top = next((a for a in ancestors(value) if a.parent is not None and a.parent.type == "source_file"), value)
    if any(
        d.type in ("type_spec", "type_alias") and text(d.child_by_field_name("name")) == named.encode()
        for d in walk(top)
    ):
        # a function's own type declares no method: a Write it has is promoted, whatever the package declares
        return f"the method value {shown}: {named} is a type declared in the function, its {method.decode()} promoted"
    for root in (view.tree(p).root_node for p in view.package.rewritable if p in view.sources):
        for node in walk(root, skip=lambda n: n.type in ("function_declaration", "func_literal")):
            if node.type != "method_declaration" or text(node.child_by_field_name("name")) != method:
                continue
            receiver = node.child_by_field_name("receiver")
            if receiver_type(receiver) != named:
                continue
            declared = next(d for d in receiver.named_children if d.type == "parameter_declaration")
            if unparen_type(declared.child_by_field_name("type")).type != "pointer_type":
                return f"the method value {shown}: {named}'s {method.decode()} has a value receiver, copied when bound"
            return None
    return f"the method value {shown}: {method.decode()} is not declared on {named} (promoted: binds the embedded one)"
