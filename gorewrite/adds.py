"""Which `wg.Add` counts a goroutine, and loops that start one goroutine an iteration.

A `wg.Done()` signals the function's `Wait` only when an Add counted its goroutine: a Done no
Add counted could let Wait return while another goroutine still reads. Counted here: `Add(k)`
right before k go statements of its block, `Add(len(xs))` (`Add(n)`) before a loop starting one
goroutine per iteration (trips.py). A `time.AfterFunc(d, func() {…})` statement (the Timer
dropped: spawns.after_func) starts its literal once, in a goroutine of its own, so it counts as
a go statement would; go statements alone are tried first, so that a timer beside them which
signals nothing (a slow-call log) does not take their count. The goroutine's own side, its
signal, is signals.py.
"""

from __future__ import annotations

from collections.abc import Callable

from gorewrite import groups
from gorewrite.groups import Held
from gorewrite.rulekit import owner
from gorewrite.signals import goroutine_signal
from gorewrite.spawns import WG_ADD, Signal, Spawn, after_func_start, innermost_loop, method_of, previous
from gorewrite.syntax import Node, call_args, contains, walk
from gorewrite.trips import Count, count_of, same, trip
from gorewrite.typeinfo import TypeInfo, Use
from gorewrite.worker_dones import worker_done, worker_go


def counted_done(types: TypeInfo, spawn: Spawn, signal: Signal, node: Node) -> bool:
    """The Done of a goroutine that one `wg.Add` counts (see counted): each Done matches an Add."""
    literal = owner(node)
    worker = worker_go(spawn, node)  # `&wg` of `go worker(&wg, jobs)` (worker_dones.py): that goroutine's Done
    if literal.parent.type == "call_expression" and literal.parent.parent.type == "defer_statement":
        literal = owner(literal.parent)  # Done in `defer func() { …; wg.Done() }()`, the goroutine's first statement
    go = literal.parent.parent if literal.type == "func_literal" and literal.parent.type == "call_expression" else None
    if literal == spawn.literal and spawn.via is not None:  # `go worker()` of a named literal (named_spawns.py)
        go = spawn.statement
    if worker is not None:
        go = worker
    elif go is None or go.type != "go_statement":
        go = after_func_start(types, spawn.path, literal) if literal.type == "func_literal" else None
    if go is None:
        return False
    loop = innermost_loop(go, spawn.function)
    for before in _all_previous(go) + (_all_previous(loop) if loop is not None else []):
        if before.type == "expression_statement":
            dones = counted(types, spawn, signal, before.named_children[0])
            if any(contains(n, node) for done in dones for n in (done.node, *done.early)):
                return True
    return False


def counted(types: TypeInfo, spawn: Spawn, signal: Signal, call: Node) -> list[Signal]:
    """The Done signals of the goroutines one `wg.Add` statement counts, if it counts them all.

    `wg.Add(k)` (a constant) counts the next k go statements of its block, none nested in a
    statement between (a block's statements run once each time it runs); `wg.Add(len(xs))`
    (`wg.Add(n)`) before a `for … range xs` (`range n`) loop, or a counted `for i := 0; i < len(xs)
    (n); i++` whose i only its post statement writes, counts the one go statement the loop body
    runs per iteration: range evaluates xs once, the counted loop's bound stays unchanged until it
    ends, so the loop starts at most len(xs) (n) goroutines. Either way Wait cannot return before
    each has called Done (with fewer, never).
    """
    if call.type != "call_expression":
        return []
    function, args = call.child_by_field_name("function"), call_args(call)
    if function.type != "selector_expression" or method_of(types, spawn.path, function) != WG_ADD:
        return []
    wg = groups.group(types, spawn.path, function.child_by_field_name("operand"))  # `wg`, `p.wg`
    if wg is None or wg.obj != signal.obj or call.parent.type != "expression_statement" or len(args) != 1:
        return []
    k = types.value(spawn.path, args[0].start_byte, args[0].end_byte)
    for timers in (False, True):  # go statements alone first: a timer that signals nothing stays out of the count
        gos = (_next_gos(types, spawn, call.parent, k, timers) if k is not None else []) or [
            _ranged_go(types, spawn, call.parent, args[0], wg, timers)
        ]
        found = _dones(types, spawn, signal, gos)
        if found:
            return found
    return []


def _dones(types: TypeInfo, spawn: Spawn, signal: Signal, gos: list[Node | None]) -> list[Signal]:
    """The Done signals of the goroutines the statements gos start, if each has one."""
    found = []
    for go in gos:
        worker = worker_done(spawn, go, signal.obj) if go is not None else None
        if worker is not None:  # `go worker(&wg, jobs)`: its one Done, deferred first (worker_dones.py)
            found.append(Signal("done", signal.obj, signal.name, worker))
            continue
        named = go is not None and go == spawn.statement and spawn.via is not None  # `go worker()`, named_spawns.py
        literal = _started(types, spawn.path, go) if go is not None and not named else None
        if not named and (literal is None or literal.type != "func_literal"):
            return []  # `go worker(wg)`: its Done is not in sight
        done = goroutine_signal(types, spawn if named else Spawn(spawn.path, spawn.function, literal, go), "")
        if not isinstance(done, Signal) or done.obj != signal.obj or done.kind != "done":
            return []
        found.append(done)
    return found


def _started(types: TypeInfo, path: str, stmt: Node, timers: bool = True) -> Node | None:
    """What a statement starts in a goroutine: the function of `go f()` (a func literal or not), or (timers)
    the literal of a `time.AfterFunc(d, func() {…})` statement; None for any other statement."""
    if stmt.type == "go_statement":
        return stmt.named_children[0].child_by_field_name("function")
    call = stmt.named_children[0] if timers and stmt.type == "expression_statement" else None
    args = call_args(call) if call is not None and call.type == "call_expression" else []
    literal = args[1] if len(args) == 2 and args[1].type == "func_literal" else None
    return literal if literal is not None and after_func_start(types, path, literal) == stmt else None


def _starts(types: TypeInfo, path: str, node: Node, timers: bool = True) -> list[Node]:
    """The statements in node (itself included) that start a goroutine (_started), outside func literals."""
    inside = walk(node, skip=lambda n: n.type == "func_literal")
    kinds = ("go_statement", "expression_statement")
    return [n for n in inside if n.type in kinds and _started(types, path, n, timers)]


def _next_gos(types: TypeInfo, spawn: Spawn, add: Node, k: int, timers: bool) -> list[Node]:
    """The next k statements of add's block that start a goroutine, when no statement before the k-th holds
    one nested."""
    gos, after = [], previous(add, forward=True)
    while after is not None and len(gos) < k:
        if _started(types, spawn.path, after, timers) is not None:
            gos.append(after)
        elif _starts(types, spawn.path, after, timers):
            return []
        after = previous(after, forward=True)
    return gos if len(gos) == k else []


def _ranged_go(types: TypeInfo, spawn: Spawn, add: Node, count: Node, wg: Held, timers: bool) -> Node | None:
    """The one go statement of a later loop whose iterations `count` counts (trips.py): `for … range xs`,
    `for i := 0; i < n; i++`."""
    loop = previous(add, forward=True)
    while loop is not None and loop.type != "for_statement":
        loop = previous(loop, forward=True)
    counted, runs = count_of(types, spawn.path, count), trip(types, spawn.path, loop) if loop is not None else None
    if (
        counted is None
        or runs is None
        or not same(types, spawn.path, spawn.function, counted, runs.count, (add.end_byte, runs.until))
        or not _never_negative(types, spawn, add, count, counted, wg)
    ):
        return None
    return one_start(types, spawn, loop, timers)


def one_start(types: TypeInfo, spawn: Spawn, loop: Node, timers: bool = True) -> Node | None:
    """The statement a loop's body runs at most once an iteration that starts a goroutine (one_go), a go
    statement or (timers) a time.AfterFunc one."""
    return one_go(loop, spawn.function, lambda body: _starts(types, spawn.path, body, timers))


def _never_negative(types: TypeInfo, spawn: Spawn, add: Node, expr: Node, counted: Count, wg: Held) -> bool:
    """Can the Add not take from what another Add counted? A negative count runs the loop zero times
    and lowers the counter: Wait could return before another Add's goroutines are done. A length, a
    constant >= 0 and an unsigned integer never are; a signed variable may be only where this Add is
    the WaitGroup's one and runs once for it (no loop around it but one holding its declaration):
    there a negative count panics in Add, before any goroutine it would count, rewritten or not.
    Not for a field's WaitGroup (`p.wg`), which other functions of the package may Add to."""
    if counted.kind in ("len", "maplen") or (counted.kind == "const" and counted.key >= 0):
        return True
    if counted.kind not in ("int", "field", "deref") or groups.is_path(wg.obj):
        return False
    if (types.integer(spawn.path, expr.start_byte, expr.end_byte) or "").startswith("uint"):
        return True
    adds, declared = 0, None
    for ident in types.idents.get(spawn.path, ()):
        if ident.obj != wg.obj:
            continue
        node = spawn.function.named_descendant_for_byte_range(ident.start, ident.end)
        if node is None:
            return False  # used outside the function
        if ident.use == Use.DECL:
            declared = node
        elif node.parent.type == "selector_expression" and method_of(types, spawn.path, node.parent) == WG_ADD:
            adds += 1
    loop = innermost_loop(add, spawn.function)
    return adds == 1 and declared is not None and (loop is None or contains(loop, declared))


def skip_done(types: TypeInfo, spawn: Spawn, signal: Signal, node: Node) -> bool:
    """Is `wg.Done()` (node: wg) of the function's own code the Done of an iteration that starts no goroutine?
    `if skip(it) { wg.Done(); continue }` before the go statement, in the body of the loop whose iterations an
    `Add(len(xs))` before it counts (one go statement an iteration, the spawn's): each iteration calls Done
    once — there, then leaves for the next one, or in its goroutine — so the Dones are as many as the Add
    counted and Wait still returns only after every goroutine's."""
    call = node.parent.parent
    stmt = call.parent if call.type == "call_expression" and not call_args(call) else None
    after = previous(stmt, forward=True) if stmt is not None and stmt.type == "expression_statement" else None
    if after is None or after.type != "continue_statement" or after.named_child_count:
        return False
    loop = innermost_loop(stmt, spawn.function)
    if (
        loop is None
        or loop != innermost_loop(spawn.statement, spawn.function)
        or stmt.end_byte > spawn.statement.start_byte
    ):
        return False
    if owner(stmt) != spawn.function or not counted_done(types, spawn, signal, signal.node):
        return False
    for before in _all_previous(loop):
        add = before.named_children[0] if before.type == "expression_statement" else None
        function = add.child_by_field_name("function") if add is not None and add.type == "call_expression" else None
        if (
            function is None
            or function.type != "selector_expression"
            or method_of(types, spawn.path, function) != WG_ADD
        ):
            continue
        wg = groups.group(types, spawn.path, function.child_by_field_name("operand"))
        args = call_args(add)
        if wg is not None and wg.obj == signal.obj and len(args) == 1:
            return any(_ranged_go(types, spawn, before, args[0], wg, t) == spawn.statement for t in (False, True))
    return False


def one_go(loop: Node, function: Node, starts: Callable[[Node], list[Node]] | None = None) -> Node | None:
    """The go statement a loop's body runs at most once an iteration: its only one, in no inner
    loop, with no goto or label in the body to run it again. With starts, the statement of the body
    starting a goroutine it finds (a time.AfterFunc one too: _starts) rather than its go statements."""
    body = loop.child_by_field_name("body")
    inside = list(walk(body, skip=lambda n: n.type == "func_literal"))
    gos = starts(body) if starts is not None else [n for n in inside if n.type == "go_statement"]
    if len(gos) != 1 or innermost_loop(gos[0], function) != loop:
        return None
    return None if any(n.type in ("goto_statement", "labeled_statement") for n in inside) else gos[0]


def _all_previous(node: Node) -> list[Node]:
    """Every statement before node in its block, nearest first."""
    found, before = [], previous(node)
    while before is not None:
        found.append(before)
        before = previous(before)
    return found
