"""Method calls through an interface-typed field of a local struct literal that holds `&x`.

`s := stage{out: &c}; s.out.Write(p)`: no release devirtualizes a call through a struct field (a
local interface variable, go1.24 on, it does), so the dynamic call leaks its receiver and `c` moves
to the heap. When the field provably still holds `&c` at the call (the rule's proofs for an
assertion: the struct never written nor addressed, `c` the same variable), the call's dynamic type
is `*T`, and Go calls `*T`'s method of that name — the one `(&c).Write(p)` selects, with the same
signature (implementing requires it) and the same argument evaluation. Only `&x` is taken: it is
never nil, where a stored nil pointer would panic differently through a value method's wrapper.
Never under `defer` or `go`: those keep the interface (`&x`) and read the receiver (a value
method's copy of x, an embedded pointer promoting the method) when the call runs; a direct
call's receiver is evaluated at the statement.
"""

from __future__ import annotations

from gorewrite.edits import Edit
from gorewrite.escapes import Escape
from gorewrite.proposals import Fix, PackageView
from gorewrite.rules.iface_direct.commaok import whole_lines
from gorewrite.rules.iface_direct.contents import other_uses, removable, stable
from gorewrite.rules.iface_direct.group import access
from gorewrite.rules.iface_direct.matches import in_place, value_type
from gorewrite.rules.iface_direct.places import reads_stored
from gorewrite.rules.iface_direct.sites import NAME, Store, address_of, describe, listed, row_of
from gorewrite.syntax import Node, text, unparen
from gorewrite.typeinfo import TypeInfo


def method_call(node: Node) -> Node | None:
    """The method's name in `node.M(args)`, where node is the receiver; None for any other use."""
    selector = node.parent
    if selector.type != "selector_expression" or selector.child_by_field_name("operand") != node:
        return None
    call = selector.parent
    if call.type != "call_expression" or call.child_by_field_name("function") != selector:
        return None
    return selector.child_by_field_name("field")


def called_through(
    view: PackageView, types: TypeInfo, escape: Escape, store: Store, reads: list[Node], function: Node
) -> Fix | str | None:
    """The fix when every read of the stored field is the receiver of a method call; why not when one
    cannot be proved; None when none is a call or one is an assertion (the assertion's proof then applies)."""
    path = escape.path
    accesses = [access(n) for n in reads if reads_stored(types, path, store, "field", access(n))]
    methods = [method_call(a) for a in accesses]
    if not any(methods) or any(a.parent.type == "type_assertion_expression" for a in accesses):
        return None  # no call, or an assertion: the assertion's proof applies
    if None in methods:
        other = accesses[methods.index(None)]
        return f"{describe(store, 'field')} is read other than as a method call's receiver (line {row_of(other)})"
    where = describe(store, "field")
    statements = [a.parent.parent.parent for a in accesses]
    deferred = next((s for s in statements if s.type in ("defer_statement", "go_statement")), None)
    if deferred is not None:
        return (
            f"{where} is called by a {deferred.child(0).type} statement (line {row_of(deferred)}): it keeps the "
            "interface and reads the receiver when the call runs, a direct call reads it at the statement"
        )
    value = unparen(store.value)
    if address_of(value) is None:
        return f"{where} holds {text(value).decode()}, not the address of a variable: only `&x` is never nil"
    if value_type(types, path, value) is None:
        return f"go/types gives no concrete type for {text(value).decode()}"
    others = [n for n in reads if access(n) not in accesses]
    problem = other_uses(view, path, store, "field", others) or stable(view, types, path, store, function, "the call")
    if problem:
        return problem
    edits = [Edit(path, a.start_byte, a.end_byte, in_place(a, text(value))) for a in accesses]
    name = text(store.container).decode()
    summary = f"call {listed(sorted({text(m).decode() for m in methods}))} on {text(value).decode()} directly"
    summary += f" instead of through {where}"
    if not others:
        problem = removable(view, types, path, store, (store.value,), function)
        lines = whole_lines(view.sources[path], store.declaration)
        if problem or lines is None:
            return problem or f"the declaration of {name} does not stand on lines of its own"
        edits.insert(0, Edit(path, *lines, b""))
        summary += f", and drop {name}, built only for those calls"
    return Fix(NAME, tuple(edits), (escape,), summary)
