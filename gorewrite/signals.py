"""What a goroutine does after its last read, and whether the WaitGroup it signals counted it.

happens_before.py asks whether a write after a `go` statement is ordered after the goroutine's
reads. Its first half lives here: the goroutine's one signal (`wg.Done()` deferred first or
called last, a send or close of a channel, returning under errgroup's or a WaitGroup's `Go`),
and which `wg.Add` counts the goroutine (`Add(1)` right before its go statement, `Add(len(xs))`
before a range loop starting one goroutine per element), since a Done no Add counted could let
Wait return while the goroutine still reads. Methods come from go/types, never from names.
"""

from __future__ import annotations

from dataclasses import dataclass

from gorewrite.rulekit import owner
from gorewrite.syntax import Node, ancestors, contains, first_of, mentions, statements, walk
from gorewrite.trips import Count, count_of, same, trip
from gorewrite.trips import local as _local
from gorewrite.typeinfo import Ident, Kind, TypeInfo, Use

WG_DONE = ("sync", "WaitGroup", "Done")  # (package path, receiver type, method), as go/types names them
WG_ADD = ("sync", "WaitGroup", "Add")
GROUP_GO = (("golang.org/x/sync/errgroup", "Group", "Go"), ("sync", "WaitGroup", "Go"))  # Go runs f, then Done


@dataclass(frozen=True)
class Spawn:
    """A goroutine started in a function: its func literal and the statement that starts it."""

    path: str
    function: Node
    literal: Node
    statement: Node


@dataclass(frozen=True)
class Signal:
    """What the goroutine does after its last read: Done, a send or close, or returning under g.Go."""

    kind: str  # "done", "send", "close" or "group"
    obj: str  # the go/types object of the WaitGroup, channel or group
    name: str
    node: Node  # the call or send that signals (for "group": the g.Go call)


def signalled(signal: Signal) -> Node:
    """The operand the signal acts on: `ch` of `ch <- v` and `close(ch)`, `wg` of `wg.Done()` and `g.Go(…)`.
    The one use of the object its own signal makes: a use inside the sent value or the literal is another."""
    if signal.kind == "send":
        return signal.node.child_by_field_name("channel")
    if signal.kind == "close":
        return signal.node.child_by_field_name("arguments").named_children[0]
    return signal.node.child_by_field_name("function").child_by_field_name("operand")


def goroutine_signal(types: TypeInfo, spawn: Spawn, name: str) -> Signal | str:
    """The goroutine's one signal after its last read of name, or why there is none."""
    if spawn.statement.type == "go_statement" and spawn.literal.parent.parent != spawn.statement:
        # `go every(tick, func() {…})`: the goroutine runs every, which may call the literal again after any signal
        return "the func literal is an argument of the function the go statement starts, which may call it again later"
    body = spawn.literal.child_by_field_name("body")
    signal, wrapper = None, None
    first = next(iter(statements(body)), None)
    if spawn.statement.type == "go_statement" and first is not None and first.type == "defer_statement":
        deferred = first.named_children[0]  # deferred first, it runs last
        signal = _signal_call(types, spawn.path, deferred)
        function = deferred.child_by_field_name("function") if deferred.type == "call_expression" else None
        # `defer func() { recover(); wg.Done() }()`: the handler's last statement signals
        if signal is None and function is not None and function.type == "func_literal":
            signal, wrapper = _last_signal(types, spawn.path, function.child_by_field_name("body")), function
    before = _deferred_after(body) if signal is not None else set()  # they run before the signal
    nested = (
        n for n in walk(body) if n.type in ("go_statement", "func_literal") and n != wrapper and n.id not in before
    )
    if name and any(mentions(n, name.encode()) for n in nested):  # `defer func() { <-sem }()` reads no name
        return f"the goroutine starts a goroutine or makes a func literal that may read {name} after it signals"
    if spawn.statement.type != "go_statement":
        return _group_go(types, spawn)
    signal = signal or _last_signal(types, spawn.path, body)
    return signal or (
        "the goroutine does not call wg.Done(), send on or close a channel as its last statement "
        f"(or defer it first), so nothing orders its reads of {name} before the write"
    )


def _deferred_after(body: Node) -> set[int]:
    """The func literals `defer func() {…}()` statements of the goroutine's own statement list defer
    after its first statement: deferred calls run last in, first out, so each returns before the
    signal deferred first is made, on a panic too. Only those with no func literal or go statement
    inside (one could keep a literal that runs later); by node id."""
    found = set()
    for stmt in statements(body)[1:]:
        call = stmt.named_children[0] if stmt.type == "defer_statement" else None
        function = call.child_by_field_name("function") if call is not None and call.type == "call_expression" else None
        if function is not None and function.type == "func_literal":
            inner = function.child_by_field_name("body")
            if first_of(inner, ("func_literal", "go_statement")) is None:
                found.add(function.id)
    return found


def _last_signal(types: TypeInfo, path: str, block: Node) -> Signal | None:
    """The signal a block's last statement makes, when nothing in the block defers, returns or jumps past it."""
    body = statements(block)
    if not body or first_of(block, ("defer_statement", "return_statement", "goto_statement")) is not None:
        return None
    last = body[-1]
    return _signal_call(types, path, last.named_children[0] if last.type == "expression_statement" else last)


def _signal_call(types: TypeInfo, path: str, node: Node) -> Signal | None:
    """`wg.Done()`, `close(ch)` or `ch <- v` on a local variable, or None."""
    if node.type == "send_statement":
        channel = _local(types, path, node.child_by_field_name("channel"))
        return Signal("send", channel.obj, channel.name, node) if channel else None
    if node.type != "call_expression":
        return None
    function, args = node.child_by_field_name("function"), node.child_by_field_name("arguments").named_children
    if function.type == "identifier" and len(args) == 1:
        builtin = types.at(path, function.start_byte)
        channel = _local(types, path, args[0])
        if builtin and builtin.kind == Kind.BUILTIN and builtin.name == "close" and channel:
            return Signal("close", channel.obj, channel.name, node)
    if function.type == "selector_expression" and not args and method_of(types, path, function) == WG_DONE:
        wg = _local(types, path, function.child_by_field_name("operand"))
        return Signal("done", wg.obj, wg.name, node) if wg else None
    return None


def _group_go(types: TypeInfo, spawn: Spawn) -> Signal | str:
    """A literal passed alone to errgroup's g.Go: Wait returns after it has returned."""
    call = spawn.literal.parent.parent
    function = call.child_by_field_name("function") if call.type == "call_expression" else None
    if (
        function is None
        or function.type != "selector_expression"
        or method_of(types, spawn.path, function) not in GROUP_GO
    ):
        return "the func literal is neither started by a go statement nor passed to errgroup's or a WaitGroup's Go"
    group = _local(types, spawn.path, function.child_by_field_name("operand"))
    if group is None or len(spawn.literal.parent.named_children) != 1:
        return "the group is not a local variable of the function"
    return Signal("group", group.obj, group.name, call)


def counted_done(types: TypeInfo, spawn: Spawn, signal: Signal, node: Node) -> bool:
    """The Done of a goroutine that one `wg.Add` counts (see counted): each Done matches an Add."""
    literal = owner(node)
    if literal.parent.type == "call_expression" and literal.parent.parent.type == "defer_statement":
        literal = owner(literal.parent)  # Done in `defer func() { …; wg.Done() }()`, the goroutine's first statement
    go = literal.parent.parent if literal.type == "func_literal" and literal.parent.type == "call_expression" else None
    if go is None or go.type != "go_statement":
        return False
    loop = innermost_loop(go, spawn.function)
    for before in _all_previous(go) + (_all_previous(loop) if loop is not None else []):
        if before.type == "expression_statement":
            if any(contains(done.node, node) for done in counted(types, spawn, signal, before.named_children[0])):
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
    function, args = call.child_by_field_name("function"), call.child_by_field_name("arguments").named_children
    if function.type != "selector_expression" or method_of(types, spawn.path, function) != WG_ADD:
        return []
    wg = _local(types, spawn.path, function.child_by_field_name("operand"))
    if wg is None or wg.obj != signal.obj or call.parent.type != "expression_statement" or len(args) != 1:
        return []
    k = types.value(spawn.path, args[0].start_byte, args[0].end_byte)
    gos = (_next_gos(call.parent, k) if k is not None else []) or [_ranged_go(types, spawn, call.parent, args[0], wg)]
    found = []
    for go in gos:
        literal = go.named_children[0].child_by_field_name("function") if go is not None else None
        if literal is None or literal.type != "func_literal":
            return []  # `go worker(&wg)`: its Done is not in sight
        done = goroutine_signal(types, Spawn(spawn.path, spawn.function, literal, go), "")
        if not isinstance(done, Signal) or done.obj != signal.obj or done.kind != "done":
            return []
        found.append(done)
    return found


def _next_gos(add: Node, k: int) -> list[Node]:
    """The next k go statements of add's block, when no statement before the k-th holds one nested."""
    gos, after = [], _previous(add, forward=True)
    while after is not None and len(gos) < k:
        if after.type == "go_statement":
            gos.append(after)
        elif first_of(after, ("go_statement",), skip=lambda n: n.type == "func_literal") is not None:
            return []
        after = _previous(after, forward=True)
    return gos if len(gos) == k else []


def _ranged_go(types: TypeInfo, spawn: Spawn, add: Node, count: Node, wg: Ident) -> Node | None:
    """The one go statement of a later loop whose iterations `count` counts (trips.py): `for … range xs`,
    `for i := 0; i < n; i++`."""
    loop = _previous(add, forward=True)
    while loop is not None and loop.type != "for_statement":
        loop = _previous(loop, forward=True)
    counted, runs = count_of(types, spawn.path, count), trip(types, spawn.path, loop) if loop is not None else None
    if (
        counted is None
        or runs is None
        or not same(types, spawn.path, spawn.function, counted, runs.count, (add.end_byte, runs.until))
        or not _never_negative(types, spawn, add, count, counted, wg)
    ):
        return None
    return one_go(loop, spawn.function)


def _never_negative(types: TypeInfo, spawn: Spawn, add: Node, expr: Node, counted: Count, wg: Ident) -> bool:
    """Can the Add not take from what another Add counted? A negative count runs the loop zero times
    and lowers the counter: Wait could return before another Add's goroutines are done. A length, a
    constant >= 0 and an unsigned integer never are; a signed variable may be only where this Add is
    the WaitGroup's one and runs once for it (no loop around it but one holding its declaration):
    there a negative count panics in Add, before any goroutine it would count, rewritten or not."""
    if counted.kind == "len" or (counted.kind == "const" and counted.key >= 0):
        return True
    if counted.kind != "int":
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


def one_go(loop: Node, function: Node) -> Node | None:
    """The go statement a loop's body runs at most once an iteration: its only one, in no inner
    loop, with no goto or label in the body to run it again."""
    inside = list(walk(loop.child_by_field_name("body"), skip=lambda n: n.type == "func_literal"))
    gos = [n for n in inside if n.type == "go_statement"]
    if len(gos) != 1 or innermost_loop(gos[0], function) != loop:
        return None
    return None if any(n.type in ("goto_statement", "labeled_statement") for n in inside) else gos[0]


def same_iterations(types: TypeInfo, spawn: Spawn, first: Node, second: Node) -> bool:
    """Do two loops run as many iterations (trips.py): over the same constant, or the same local
    slice, array or integer, unchanged from the first's start to the second's (to its end, for a
    counted loop, whose condition reads it every iteration)?"""
    a, b = (trip(types, spawn.path, loop) for loop in (first, second))
    if a is None or b is None:
        return False
    return same(types, spawn.path, spawn.function, a.count, b.count, (first.start_byte, max(a.until, b.until)))


# --- small helpers -----------------------------------------------------------------------


def method_of(types: TypeInfo, path: str, selector: Node) -> tuple[str, str, str] | None:
    """The method a selector names, by package path, receiver type and name; None if not a method."""
    field = selector.child_by_field_name("field")
    ident = types.at(path, field.start_byte) if field is not None else None
    if ident is None or ident.kind != Kind.METHOD or ident.pkg is None:
        return None
    return ident.pkg, ident.recv or "", ident.name


def _previous(node: Node, forward: bool = False) -> Node | None:
    """The statement before (after) node in its block, past comments."""
    sibling = node.next_named_sibling if forward else node.prev_named_sibling
    while sibling is not None and sibling.type == "comment":
        sibling = sibling.next_named_sibling if forward else sibling.prev_named_sibling
    return sibling


def _all_previous(node: Node) -> list[Node]:
    """Every statement before node in its block, nearest first."""
    found, before = [], _previous(node)
    while before is not None:
        found.append(before)
        before = _previous(before)
    return found


def innermost_loop(node: Node, function: Node) -> Node | None:
    """The innermost for statement around node inside function."""
    for a in ancestors(node):
        if a == function:
            return None
        if a.type == "for_statement":
            return a
    return None
