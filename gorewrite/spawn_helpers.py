"""A func literal handed to a spawning helper of the package, then waited for by the caller:

    func safeGo(wg *sync.WaitGroup, f func()) {
        wg.Add(1)
        go func() {
            defer wg.Done()
            defer func() { if r := recover(); r != nil { log.Print(r) } }()
            f()
        }()
    }

    safeGo(&wg, func() { out[i] = render(tmpl, p) })  …  wg.Wait(); tmpl = next

The helper returns before the literal runs, so callee_waits.py cannot order the write; the caller's
Wait can. Proven from the helper's own code (same package, a body, not generic, no other build; a
function, or a method given more than the literal, `p.each(&wg, xs, func(i int) {…})`, whose receiver
takes no part):
its own code (none of its func literals, which may run after it returns) holds one go statement, of
a literal whose first statement is `defer p.Done()`, whose last is `f()` (or `f(part)`), and whose
others are deferred literals naming neither f nor p (a recover that logs: it cannot call f again),
right after `p.Add(1)` in the same statement list, unlabelled (so no goto reaches it past the Add):
the whole body, or the end of a loop's body that starts a goroutine per chunk or row (`for lo := 0;
…; lo += n { part := xs[lo:…]; wg.Add(1); go func() {…}() }`); f and p are named nowhere else. So
every goroutine it starts is counted by its own Add before it starts and before the helper returns,
calls the literal once and then, on every path (a panic too, as the Done is deferred first), calls
Done. The caller's WaitGroup is a local value handed as `&wg`
only to such helpers, and otherwise only waited on (`wg.Wait()`, or `waitAll(&wg)` of a wrapper
wait_calls.py proves): every Done has its own Add before it, so Wait returns only after this literal's
Done. That Wait, a statement of a block
holding the call's statement, after it, on every path to the write (waits.not_ordering), orders
the write after every read. The literal itself starts no goroutine and makes no func literal
naming the variable (callee_waits.py checks that first).
"""

from __future__ import annotations

from gorewrite import callees, wait_calls
from gorewrite.proposals import PackageView
from gorewrite.rulekit import owner
from gorewrite.spawns import WG_ADD, WG_DONE, WG_WAIT, Spawn, method_of, previous
from gorewrite.syntax import Node, call_args, statements, unparen, walk
from gorewrite.trips import local
from gorewrite.typeinfo import Ident, TypeInfo, Use
from gorewrite.waits import Wait, after, after_call, after_none, statement_of


def unordered(view: PackageView, path: str, literal: Node, name: str, writes: list[int], why: str) -> str | None:
    """Why a write (byte offsets) of name may not follow the literal's run in a spawning helper's goroutine;
    `why` (callee_waits.py's reason) with this module's when the callee is no such helper."""
    call = literal.parent.parent
    helper = _helper(view, path, call, call_args(call).index(literal))
    if isinstance(helper, str):
        return f"{why}; nor is it a spawning helper the caller waits for: {helper}"
    arg = unparen(call_args(call)[helper])
    operand = unparen(arg.child_by_field_name("operand")) if arg.type == "unary_expression" else None
    variable = local(view.types, path, operand) if arg.text.startswith(b"&") else None
    stmt = statement_of(call)
    if variable is None or variable.type != "sync.WaitGroup" or stmt is None:
        return "the spawning helper is not given `&wg` of a local WaitGroup value in a call statement"
    function = owner(stmt)
    spawn = Spawn(path, function, literal, stmt, through=wait_calls.through(view, view.types, path, function))
    found = []
    for node, ident in _uses(view.types, path, function, variable):
        method = method_of(view.types, path, node.parent) if node.parent.type == "selector_expression" else None
        waited = statement_of(node.parent.parent) if method == WG_WAIT else None
        why = wait_calls.handed(spawn, variable.obj, node) if ident.use != Use.WRITE else None  # `waitAll(&wg)`
        wrapped = after_call(wait_calls.call_of(node)) if why == "" else None
        if waited is not None or wrapped is not None:
            found.append(wrapped or Wait(waited, after(waited, node.parent.parent)))
        elif ident.use == Use.WRITE or not _handed(view, path, node):
            line = node.start_point.row + 1
            return (
                f"{variable.name} is used other than by spawning helpers and its waits (line {line}): others may "
                "Done it" + (f"; {why}" if why else "")
            )
    if not found:
        return (
            f"the function never waits for {variable.name} (`{variable.name}.Wait()` or a helper's call that ends "
            "in its Wait, as a statement)"
        )
    return after_none(spawn, found, writes)


def _uses(types: TypeInfo, path: str, function: Node, variable: Ident) -> list[tuple[Node, Ident]]:
    """Every use of the variable in the file, in func literals and other functions too."""
    root = function
    while root.parent is not None:
        root = root.parent
    found = [
        (root.named_descendant_for_byte_range(i.start, i.end), i)
        for i in types.idents.get(path, ())
        if i.obj == variable.obj
    ]
    return [(n, i) for n, i in found if i.use != Use.DECL]


def _handed(view: PackageView, path: str, node: Node) -> bool:
    """Is the use `&wg` given to a spawning helper as the WaitGroup it adds to and signals?"""
    arg = node.parent
    args = arg.parent if arg.type == "unary_expression" and arg.text.startswith(b"&") else None
    if args is None or args.type != "argument_list" or args.parent.type != "call_expression":
        return False
    call = args.parent
    args = call_args(call)
    return any(_helper(view, path, call, i) == args.index(arg) for i in range(len(args)) if args[i] != arg)


def _helper(view: PackageView, path: str, call: Node, index: int) -> int | str:
    """The index of the WaitGroup parameter of the spawning helper the call names, given its parameter
    `index` to run; why it is not one."""
    key = callees.callee(view, path, call)
    found = callees.declaration(view, key) if isinstance(key, tuple) and key[0] == view.package.import_path else None
    if found is None:
        return "the callee is not the package's own function or method"
    file, decl = found
    body = decl.child_by_field_name("body")
    if body is None or decl.child_by_field_name("type_parameters") is not None or callees.other_builds(view):
        return f"{key[2]} has no body, is generic, or another build may declare it otherwise"
    params = [callees.parameter(view, found, i) for i in range(len(call_args(call)))]
    run = params[index][1] if params[index] is not None and not params[index][2] else None
    go = _one_start(body)
    counts = previous(go) if go is not None else None
    add = _method_call(view.types, file, counts, WG_ADD) if counts is not None else None
    literal = unparen(go.named_children[0].child_by_field_name("function")) if add is not None else None
    if run is None or literal is None or literal.type != "func_literal" or call_args(add[0]) != call_args(add[0])[:1]:
        return f"{key[2]} does not start one goroutine, `go func() {{…}}()` right after `wg.Add(1)`, by its own code"
    if view.types.value(file, call_args(add[0])[0].start_byte, call_args(add[0])[0].end_byte) != 1:
        return f"{key[2]} adds other than 1 (line {add[0].start_point.row + 1})"
    group = add[1]
    inner = statements(literal.child_by_field_name("body"))
    done = (
        _method_call(view.types, file, inner[0].named_children[0], WG_DONE)
        if inner and inner[0].type == "defer_statement"
        else None
    )
    if done is None or done[1].obj != group.obj:
        return (
            f"{key[2]}'s goroutine does not first defer {group.name}.Done() (deferred first, it runs last: after "
            f"{run.name} returns or panics, and after any retry)"
        )
    last = inner[-1].named_children[0] if inner[-1].type == "expression_statement" else None
    called = (
        unparen(last.child_by_field_name("function")) if last is not None and last.type == "call_expression" else None
    )
    ran = view.types.at(file, called.start_byte) if called is not None and called.type == "identifier" else None
    if ran is None or ran.obj != run.obj or len(inner) < 2:
        return f"{key[2]}'s goroutine does not end by calling {run.name}"
    for middle in inner[1:-1]:
        deferred = middle.named_children[0] if middle.type == "defer_statement" else None
        if deferred is None or unparen(deferred.child_by_field_name("function")).type != "func_literal":
            line = middle.start_point.row + 1
            return f"{key[2]}'s goroutine runs more than deferred literals before calling {run.name} (line {line})"
    uses = [i for i in view.types.idents.get(file, ()) if i.obj in (run.obj, group.obj) and i.use != Use.DECL]
    if sorted(i.obj == run.obj for i in uses) != [False, False, True]:
        return (
            f"{key[2]} names {run.name} or {group.name} other than by one Add, the deferred Done and one call of "
            f"{run.name} (it may store it, call it twice or retry it)"
        )
    params = [p for p in (callees.parameter(view, found, i) for i in range(len(call_args(call)))) if p is not None]
    return next(
        (i for i, p in enumerate(params) if p[1].obj == group.obj), f"{key[2]} adds to a WaitGroup it is not given"
    )


def _one_start(body: Node) -> Node | None:
    """The helper's one go statement of its own code (in a loop or a branch too; none in a func literal, which
    may run after the helper returns), when a statement list holds it unlabelled: nothing jumps past its Add."""
    found = [n for n in walk(body, skip=lambda n: n.type == "func_literal") if n.type == "go_statement"]
    return found[0] if len(found) == 1 and found[0].parent.type == "statement_list" else None


def _method_call(types: TypeInfo, path: str, node: Node, method: tuple[str, str, str]) -> tuple[Node, Ident] | None:
    """(the call, its receiver parameter) when node (a statement or call) calls method on a parameter `p`."""
    call = node.named_children[0] if node.type == "expression_statement" else node
    function = call.child_by_field_name("function") if call.type == "call_expression" else None
    if function is None or function.type != "selector_expression" or method_of(types, path, function) != method:
        return None
    operand = unparen(function.child_by_field_name("operand"))
    param = types.at(path, operand.start_byte) if operand.type == "identifier" else None
    return (call, param) if param is not None and (param.type or "") == "*sync.WaitGroup" else None
