"""A method value bound to a local, whose receiver is saved by copy: `score := sc.score`, then goroutines calling
`score(x)`. The method value is a closure of its own, on the heap once a goroutine's literal captures it (`sc.score
escapes to heap`). The spec evaluates the receiver where the method value is made and saves that copy for every
call; when the copy is sc's own value (a value receiver on a variable that is no pointer or interface: no
implicit `&sc`, no implicit `*sc`, no nil interface to panic on there, nothing promoted through an embedded field),
`scoreRecv := sc` makes the same copy at the same point, and each call `score(a)` is `scoreRecv.score(a)`: the
receiver is the saved copy, never written (a fresh name only ever a value method's receiver), so every call sees
what the method value's did, and a literal captures scoreRecv by value (at most 128 bytes, no lock for vet to flag).
Every use of score must be a call (its type changes), in the function that declares it.
"""

from __future__ import annotations

from gorewrite.edits import Edit
from gorewrite.generic_copies import BY_VALUE_MAX
from gorewrite.proposals import PackageView
from gorewrite.rulekit import fresh_local, owner
from gorewrite.syntax import Node, items, text
from gorewrite.typeinfo import Kind, Use


def bound_local(selector: Node) -> Node | None:
    """v of `v := recv.m`, the statement's one value, so its one name (closure hands selectors of an identifier,
    `recv.m`). Never `score, t := sc.score, sc.calibrate(4)`: the spec leaves when sc is read against the call
    unspecified, for a method value and for a copy alike; nor `var score = sc.score` (no name to rename there)."""
    values = selector.parent
    statement = values.parent if values.type == "expression_list" else None
    if statement is None or statement.type != "short_var_declaration" or items(values) != [selector]:
        return None
    return items(statement.child_by_field_name("left"))[0]


def edits(view: PackageView, path: str, selector: Node) -> tuple[str, list[Edit]] | str:
    """(the copy's name, the edits) of `v := recv.m` for calls through the saved receiver, or why not."""
    types, local = view.types, bound_local(selector)
    operand, method = selector.child_by_field_name("operand"), selector.child_by_field_name("field")
    recv, bound = types.at(path, operand.start_byte), types.at(path, method.start_byte)
    shown = text(selector).decode()
    if bound is None or bound.kind != Kind.METHOD or bound.promoted:  # the compiler names a promoted one's path
        return f"{shown} is no method of {text(operand).decode()}'s own type (promoted, or a field)"
    if recv is None or recv.use != Use.READ:  # a pointer receiver on a variable: the method value binds &sc
        return f"{shown} binds the address of {text(operand).decode()} (a pointer receiver), not a copy"
    if recv.iface:  # `w.Write` of a nil w panics where it stands; a copy of w panics at a call, or never
        name = text(operand).decode()
        return f"{shown} is taken of an interface, {name}: it panics there if {name} is nil, a copy would not"
    if recv.pointer:  # a value receiver saves *p where it stands, a copy of p would not
        return f"{shown} is taken of a pointer, {text(operand).decode()}: the saved receiver may be what it points to"
    if recv.size is None or recv.size > BY_VALUE_MAX or recv.lock:
        return (
            f"{text(operand).decode()} is generic, wider than {BY_VALUE_MAX} bytes or holds a lock: a copy of it"
            " would not stay on the stack, or would fail go vet"
        )
    declared = types.at(path, local.start_byte)
    if declared is None or declared.obj is None:  # the one name of `:=` with one value is always declared there
        return f"cannot resolve the declaration of {text(local).decode()}"
    function, root, calls = owner(selector), view.tree(path).root_node, []
    for use in types.uses(path, declared.obj):
        node = root.named_descendant_for_byte_range(use.start, use.end)
        if node.parent.type != "call_expression":  # an argument sits in an argument_list: this is the callee
            return f"{text(local).decode()} is used other than called (line {view.line(path, use.start)})"
        calls.append(node)
    name = fresh_local(function, f"{text(local).decode()}Recv")
    found = [Edit(path, local.start_byte, local.end_byte, name.encode())]
    found.append(Edit(path, selector.start_byte, selector.end_byte, operand.text))
    found.extend(Edit(path, n.start_byte, n.end_byte, f"{name}.{text(method).decode()}".encode()) for n in calls)
    return name, found
