"""An assertion whose result goes to a method called through an interface parameter: the value escapes anyway.

`root.Accept(visitors[0].(Visitor))`, root a parameter of interface type that the function never writes: no
release devirtualizes a call through a parameter (its dynamic type is the caller's), and escape analysis takes
every argument of a dynamic call to the heap. The conversion `Visitor(&lc)` the rewrite puts there leaks as the
assertion's result did, so lc stays on the heap and the compiler rejects the rewrite (benchmarks/probes/
iface-sync-pool's CountLeaves, rejected every time before). The same holds for the variable an assertion declares
(`vis := c.(Visitor)`, `vis, ok := c.(Visitor)`) passed there. Which call is an interface method's, and which
operand a parameter, go/types says (Ident.recv "" and Kind.PARAM); never the names.
"""

from __future__ import annotations

from collections.abc import Iterator

from gorewrite.proposals import PackageView
from gorewrite.rules.iface_direct.group import access
from gorewrite.rules.iface_direct.places import reads_stored
from gorewrite.rules.iface_direct.sites import Store, idents_in, row_of, use_node
from gorewrite.syntax import Node, text, unparen
from gorewrite.typeinfo import Kind, TypeInfo, Use


def dynamic_argument(
    view: PackageView, types: TypeInfo, path: str, store: Store, place: str, reads: list[Node], function: Node
) -> str | None:
    """Why the value would stay on the heap after the rewrite: an assertion of the stored place, or the variable
    it declares, is an argument of an interface method called through a parameter; None otherwise."""
    for read in reads:
        node = access(read)
        assertion = node.parent
        if assertion.type != "type_assertion_expression" or not reads_stored(types, path, store, place, node):
            continue
        for result in _results(view, types, path, assertion, function):
            call = _dynamic_call(types, path, result, function)
            if call is not None:
                callee = text(call.child_by_field_name("function")).decode()
                return (
                    f"what {text(assertion).decode()} gives is passed to {callee} (line {row_of(call)}), a method "
                    "called through an interface parameter: its arguments escape to the heap, converted or not"
                )
    return None


def _results(view: PackageView, types: TypeInfo, path: str, assertion: Node, function: Node) -> Iterator[Node]:
    """The assertion itself, and every read of the variable it declares (`w := c.(I)`, `w, ok := c.(I)`)."""
    yield assertion
    outer = assertion
    while outer.parent is not None and outer.parent.type == "parenthesized_expression":
        outer = outer.parent
    values = outer.parent
    declaration = values.parent if values is not None and values.type == "expression_list" else None
    if declaration is None or declaration.type != "short_var_declaration" or values.named_children[0] != outer:
        return
    left = declaration.child_by_field_name("left").named_children[0]
    declared = types.at(path, left.start_byte) if left.type == "identifier" else None
    if declared is None or declared.obj is None:
        return
    for use in idents_in(types, path, function):
        if use.obj == declared.obj and use.use == Use.READ:
            yield use_node(view, path, use)


def _dynamic_call(types: TypeInfo, path: str, value: Node, function: Node) -> Node | None:
    """The call `p.M(…, value, …)` of an interface method through a parameter p the function never writes nor
    addresses, value one of its arguments; None otherwise."""
    while value.parent is not None and value.parent.type == "parenthesized_expression":
        value = value.parent
    arguments = value.parent
    call = arguments.parent if arguments is not None and arguments.type == "argument_list" else None
    selector = unparen(call.child_by_field_name("function")) if call is not None else None
    if selector is None or selector.type != "selector_expression":
        return None
    method = types.at(path, selector.child_by_field_name("field").start_byte)
    operand = unparen(selector.child_by_field_name("operand"))
    if method is None or method.kind != Kind.METHOD or method.recv != "" or operand.type != "identifier":
        return None
    receiver = types.at(path, operand.start_byte)
    if receiver is None or receiver.kind != Kind.PARAM or receiver.obj is None:
        return None
    changed = (u for u in idents_in(types, path, function) if u.obj == receiver.obj and u.use in (Use.WRITE, Use.ADDR))
    return call if next(changed, None) is None else None
