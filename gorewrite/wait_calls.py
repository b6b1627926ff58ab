"""Waits through a small helper: `t.wait()` of `func (t *Tracker) wait() { t.wg.Wait() }`, `waitAll(&wg)`
of `func waitAll(wg *sync.WaitGroup) { wg.Wait() }`, `err := waitGroup(&g)` of `func waitGroup(g
*errgroup.Group) error { return g.Wait() }`.

Such a call is a wait (waits.py) for the WaitGroup or group when the package's own function or method
(go/types names it; no other build may declare it otherwise) ends in the Wait, reached on every path
that returns:

- its last statement is `p.Wait()` or `return p.Wait()` (the result alone) on a pointer parameter
  given `&wg` or an owned pointer (no other argument names wg), or `r.wg.Wait()` of a pointer
  receiver, called with no arguments on the base of the goroutine's `t.wg` path (groups.py: the same
  fields by go/types object, so the same WaitGroup);
- nothing before it returns, defers (a deferred recover could return without waiting after a panic),
  jumps (goto) or starts a goroutine, and p or r is named nowhere else (it could be passed on, Done'd
  or reassigned); a method's body is the Wait alone (code before it would run between the Add and the
  Wait, where overwrites.py proves nothing writes the struct over the field);
- no type parameters: a generic callee may be instantiated with anything.

Then the call returns only after Wait did, and the writes after its statement follow it (not those
in its arguments, evaluated before it). A method
value (`w := t.wait; w()`) or an interface method is not followed. Same package, one call deep.
"""

from __future__ import annotations

import re

from gorewrite import callees, groups
from gorewrite.proposals import PackageView
from gorewrite.rulekit import memo
from gorewrite.spawns import Signal, Spawn, method_of
from gorewrite.syntax import Node, address_operand, call_args, first_of, statements, text, unparen, walk
from gorewrite.trips import local
from gorewrite.typeinfo import Ident, Kind, TypeInfo

# (call start, call end, the storage the call may wait for (groups.py key; a method's: only its base when
# unproven), why it does not, "" when it does)
Through = tuple[int, int, str, str]
WAITS = (("sync", "WaitGroup", "Wait"), ("golang.org/x/sync/errgroup", "Group", "Wait"))
GROUPS = (groups.WAITGROUP, "golang.org/x/sync/errgroup.Group")  # named types (by package path) a helper may wait on
WAIT_CALL = re.compile(rb"\.\s*Wait\s*\(")  # a declaration with no such text waits for nothing
EARLY = ("return_statement", "defer_statement", "goto_statement", "go_statement")  # before its Wait


def scopes(view: PackageView, function: Node) -> tuple[tuple[str, int, int], ...]:
    """The package's functions and methods the function calls directly that call a Wait, whose types `through`
    reads (no others: their types would change what other proofs, retention's, read of them)."""
    return callees.direct_scopes(view, function, WAIT_CALL)


def through(view: PackageView, types: TypeInfo, path: str, function: Node) -> tuple[Through, ...]:
    """Each call of the function (not in a func literal) given a WaitGroup it may wait for, once a function."""
    return memo(view, ("wait_calls", path, function.start_byte), lambda: _through(view, types, path, function))


def _through(view: PackageView, types: TypeInfo, path: str, function: Node) -> tuple[Through, ...]:
    found = []
    for call in walk(function, skip=lambda n: n.type == "func_literal"):
        if call.type != "call_expression":
            continue
        target = unparen(call.child_by_field_name("function"))
        base = target.child_by_field_name("operand") if target.type == "selector_expression" else None
        if base is not None and local(types, path, base) is not None:  # `t.wait()`
            if (local(types, path, base).named or "").lstrip("*") in GROUPS:
                continue  # wg.Add, g.Wait: the WaitGroup's or group's own methods, which waits.py reads
            ident = types.at(path, target.child_by_field_name("field").start_byte)
            if ident is not None and ident.kind == Kind.METHOD and ident.recv:
                key, why = _method(view, types, path, call, local(types, path, base).obj)
                why = why or ("its arguments run between the Add and the Wait" if call_args(call) else "")
                found.append((call.start_byte, call.end_byte, key, why))
            continue
        for index, arg in enumerate(call_args(call)):  # `waitAll(&wg)`, `wait(g)`
            held = _given(types, path, arg)
            if held is not None:
                found.append((call.start_byte, call.end_byte, held.obj, _function(view, path, call, index)))
    return tuple(found)


def _given(types: TypeInfo, path: str, arg: Node) -> groups.Held | None:
    """The local WaitGroup or errgroup.Group an argument hands over: `&wg` of a value, `wg` of an owned pointer."""
    arg = unparen(arg)
    address = address_operand(arg) is not None
    operand = unparen(address_operand(arg)) if address else arg
    variable = local(types, path, operand)
    pointer = variable is not None and variable.pointer
    held = groups.group(types, path, operand) if variable is not None and address != pointer else None
    return held if held is not None and (variable.named or "").lstrip("*") in GROUPS else None


def handed_once(types: TypeInfo, path: str, call: Node, arg: Node) -> tuple[Ident, bool] | None:
    """The local variable an argument of the call hands over, `&x` (True) or `x`, when the call names it nowhere
    else (not in another argument, nor the receiver): what a callee is given of it is that one parameter."""
    arg = unparen(arg)
    address = arg.type == "unary_expression" and arg.child_by_field_name("operator").text == b"&"
    variable = local(types, path, unparen(arg.child_by_field_name("operand")) if address else arg)
    if variable is None:
        return None
    named = [
        i for i in types.idents.get(path, ()) if i.obj == variable.obj and call.start_byte <= i.start < call.end_byte
    ]
    return (variable, address) if len(named) == 1 else None


def own_callee(view: PackageView, path: str, call: Node) -> tuple[str, Node] | str:
    """The package's declaration the call names (with a body, not generic, no other build declaring it otherwise),
    or why it is not followed."""
    key = callees.callee(view, path, call)
    if isinstance(key, str) or key[0] != view.package.import_path:
        return f"it calls {callees.shown(call)}, {key}" if isinstance(key, str) else "it is not the package's own"
    found = callees.declaration(view, key)
    if found is None or found[1].child_by_field_name("body") is None:
        return f"{key[2]} {callees.NO_BODY}"
    decl = found[1]
    receiver = decl.child_by_field_name("receiver")
    if decl.child_by_field_name("type_parameters") is not None or (receiver is not None and b"[" in receiver.text):
        return f"{key[2]} is generic"
    elsewhere = callees.other_builds(view)
    return f"another build compiles {elsewhere}, where {key[2]} may differ" if elsewhere else found


def handed_param(view: PackageView, path: str, call: Node, index: int) -> tuple[str, Node, list[Ident]] | None:
    """The file and declaration of the callee handed a group as argument `index`, and every use (not the
    declaration) of that named, non-variadic parameter in it; None where the callee is not followed (own_callee)
    or the parameter is unnamed or variadic (worker_dones and group_helpers read these uses)."""
    found = own_callee(view, path, call)
    param = callees.parameter(view, found, index) if not isinstance(found, str) else None
    if param is None or param[2]:
        return None
    file, decl = found
    return file, decl, view.types.uses(file, param[1].obj)


def _method(view: PackageView, types: TypeInfo, path: str, call: Node, base: str) -> tuple[str, str]:
    """The caller's key of the field path the method waits on (`t.wait()`: t|wg), and why not ("" if it does)."""
    found = own_callee(view, path, call)
    if isinstance(found, str):
        return base, found
    file, decl = found
    name = decl.child_by_field_name("name").text.decode()
    body = statements(decl.child_by_field_name("body"))
    receiver = next(iter(decl.child_by_field_name("receiver").named_children), None)
    declared = receiver.child_by_field_name("name") if receiver is not None else None
    recv = types.at(file, declared.start_byte) if declared is not None else None
    if recv is None or not recv.pointer:
        return base, f"{name} has no pointer receiver it names: a value receiver waits on a copy"
    if len(body) != 1:
        return base, f"{name}'s body is not a Wait alone (what runs before it is not proven not to write the struct)"
    held, why = _waited(types, file, body[0], name)
    if held is None:
        return base, why
    if not groups.is_path(held.obj) or groups.base(held.obj) != recv.obj:
        return base, f"{name} waits for {held.name}, not a field path from its receiver"
    return groups.SEP.join((base, *held.obj.split(groups.SEP)[1:])), ""


def _function(view: PackageView, path: str, call: Node, index: int) -> str:
    """Why the function given the WaitGroup as argument `index` may return before waiting for it; "" if not."""
    found = own_callee(view, path, call)
    if isinstance(found, str):
        return found
    file, decl = found
    name = decl.child_by_field_name("name").text.decode()
    param = callees.parameter(view, found, index)
    if param is None or param[2]:
        return f"{name} takes it as an unnamed or variadic parameter"
    if not param[1].pointer:
        return f"{name} takes it by value: it waits on a copy"
    body = statements(decl.child_by_field_name("body"))
    held, why = _waited(view.types, file, body[-1], name) if body else (None, f"{name}'s body is empty")
    if held is None:
        return why
    if held.obj != param[1].obj:
        return f"{name} waits for {held.name}, not its parameter {param[1].name}"
    early = next(filter(None, (first_of(s, EARLY, skip=lambda n: n.type == "func_literal") for s in body[:-1])), None)
    if early is not None:
        kind = early.type.removesuffix("_statement")
        return f"{name} may return before its Wait: a {kind} at line {early.start_point.row + 1}"
    uses = [i for i in view.types.idents.get(file, ()) if i.obj == param[1].obj and i.start != param[1].start]
    if len(uses) != 1:
        return f"{name} names {param[1].name} other than by its Wait: it may pass it on, signal or reassign it"
    return ""


def _waited(types: TypeInfo, file: str, last: Node, name: str) -> tuple[groups.Held | None, str]:
    """The storage the callee's last statement waits for: `p.Wait()`, `r.wg.Wait()`, `return g.Wait()`
    (nothing else in it: the Wait's operand is a name or a field path, and it has no arguments)."""
    returned = last.named_children[0].named_children if last.type == "return_statement" and last.named_children else []
    values = last.named_children if last.type == "expression_statement" else returned
    call = unparen(values[0]) if len(values) == 1 else None
    selector = call.child_by_field_name("function") if call is not None and call.type == "call_expression" else None
    if selector is None or selector.type != "selector_expression" or method_of(types, file, selector) not in WAITS:
        return None, f"{name} does not end in a Wait (line {last.start_point.row + 1})"
    held = groups.held(types, file, selector.child_by_field_name("operand"))
    if isinstance(held, str):
        return None, f"{name} waits for {text(selector.child_by_field_name('operand')).decode()}: {held}"
    return held, ""


def waiting(spawn: Spawn, obj: str, call: Node) -> str | None:
    """ "" when the call of a helper waits for the WaitGroup or group obj, why not when it is given it (every
    argument naming it must be the one the helper waits on: `f(&wg, &wg)` may Done it); None otherwise."""
    found = [w for s, e, k, w in spawn.through if (s, e) == (call.start_byte, call.end_byte) and k == obj]
    return next((why for why in found if why), "") if found else None


def call_of(node: Node) -> Node | None:
    """The call a use of a local is an argument of, as `&wg`, `wg` or in parentheses; None otherwise."""
    arg = node.parent if node.parent.type == "unary_expression" else node
    while arg.parent.type == "parenthesized_expression":
        arg = arg.parent
    return arg.parent.parent if arg.parent.type == "argument_list" else None


def handed(spawn: Spawn, obj: str, node: Node) -> str | None:
    """For a use of a local WaitGroup or group handed to a helper (`&wg` of `waitAll(&wg)`): "" when the
    helper is a wait for it, why not otherwise; None for any other use."""
    call = call_of(node)
    return waiting(spawn, obj, call) if call is not None else None


def unproven(spawn: Spawn, signal: Signal) -> str:
    """Why the calls of helpers that might wait for the signal's WaitGroup or group do not, for a message."""
    found = []
    for start, end, key, why in spawn.through:
        line = spawn.function.named_descendant_for_byte_range(start, end).start_point.row + 1
        why = why or ("it waits for another WaitGroup or group" if key != signal.obj else "")
        if why and groups.base(key) == groups.base(signal.obj):
            found.append(f"; the call at line {line} does not wait for it: {why}")
    return "".join(found)
