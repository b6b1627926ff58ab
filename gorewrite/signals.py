"""What a goroutine does after its last read: its signal.

happens_before.py asks whether a write after a `go` statement is ordered after the goroutine's
reads. Its first half lives here: the goroutine's one signal (`wg.Done()` deferred or called
last, a send or close of a channel, sends that each end the goroutine, returning under
errgroup's or a WaitGroup's `Go`). Which `wg.Add` counts the goroutine is adds.py. Methods come
from go/types, never from names.
"""

from __future__ import annotations

import dataclasses

from gorewrite import errgroup_source, groups, inner_waits
from gorewrite.after_signal import names_after, trailing
from gorewrite.done_values import done_value
from gorewrite.spawns import GROUP_GO, TRY_GO, WG_DONE, Signal, Spawn, after_func, method_of, previous, runner, tried
from gorewrite.syntax import Node, call_args, first_of, statements, text, walk
from gorewrite.trips import local as _local
from gorewrite.typeinfo import Ident, Kind, TypeInfo


def goroutine_signal(types: TypeInfo, spawn: Spawn, name: str) -> Signal | str:
    """The goroutine's first signal after its last read of name, or why there is none."""
    signals = goroutine_signals(types, spawn, name)
    return signals if isinstance(signals, str) else signals[0]


def goroutine_signals(types: TypeInfo, spawn: Spawn, name: str) -> list[Signal] | str:
    """The goroutine's signals after its last read of name, or why there is none: its first signalling
    `defer`'s, and its last statement's or ending sends' (`defer wg.Done(); res <- f(x)`). The body's
    last act runs before every deferred call, so for that signal each deferred call, a signalling one
    too, is an unrelated call run after it (no func literal among them may name the variable, the
    wrapper of a deferred Done included); the function need wait for one of them only."""
    if spawn.statement.type == "go_statement" and runner(spawn).parent.parent != spawn.statement:
        # `go every(tick, func() {…})`: the goroutine runs every, which may call the literal again after any signal
        return "the func literal is an argument of the function the go statement starts, which may call it again later"
    body = spawn.literal.child_by_field_name("body")
    inner = inner_waits.waited(types, spawn, name, goroutine_signal)  # nested fan-out the body waits for

    def before(signal: Signal) -> set[int]:  # the inner goroutines waited for before a signal of the body's own
        return {i for i, end in inner.items() if end <= signal.node.start_byte}

    if spawn.statement.type != "go_statement" and not after_func(types, spawn):
        group = _group_go(types, spawn)
        return names_after(spawn, body, name, set(inner)) or ([group] if isinstance(group, Signal) else group)
    signal, wrapper, at = _deferred_signal(types, spawn.path, body)
    candidates = []
    if signal is not None:  # what a later defer statement defers runs before it
        exempt = {wrapper.id} if wrapper is not None else set()
        candidates.append((signal, exempt | set(inner) | (_deferred_after(body, at) if not signal.early else set())))
    last = _last_signal(types, spawn.path, body)
    if last is not None and (signal is None or last.obj != signal.obj):
        candidates.append((last, before(last)))
    then = _signal_then(types, spawn.path, body, name) if not candidates else None
    if isinstance(then, Signal):
        candidates.append((then, before(then)))
    if not candidates:
        return (
            _unheld_done(types, spawn.path, body)
            or _done_paths(types, spawn.path, body)
            or then
            or (
                "the goroutine does not call wg.Done(), send on or close a channel as its last statement "
                f"(or defer it), so nothing orders its reads of {name} before the write"
            )
        )
    reasons = [names_after(spawn, body, name, exempt) for _, exempt in candidates]
    found = [s for (s, _), reason in zip(candidates, reasons, strict=True) if reason is None]
    return found or reasons[0]


def _signal_then(types: TypeInfo, path: str, body: Node, name: str) -> Signal | str | None:
    """`res <- v; log.Printf("sent")`: the goroutine's last signalling statement of its own list, when
    statements follow it. Every path reaches it (no return before it, no goto), after every statement
    before it; those after it may run concurrently with the function's write, so none may name the
    variable (a copy would freeze what the original reads there, racily) nor the signalled object (a
    second send or Done could pair with another goroutine's wait). Func literals and deferred calls
    anywhere are names_after's, as for a last statement's signal. Why not, when one is there."""
    if first_of(body, ("goto_statement",)) is not None:
        return None
    own = statements(body)
    for at in range(len(own) - 1, -1, -1):
        stmt = own[at]
        signal = _signal_call(types, path, stmt.named_children[0] if stmt.type == "expression_statement" else stmt)
        if signal is not None:
            return trailing(own[:at], stmt, own[at + 1 :], signal, name) or signal
    return None


def _deferred_signal(types: TypeInfo, path: str, body: Node) -> tuple[Signal | None, Node | None, int]:
    """The signal the goroutine's first signalling `defer` statement of its own statement list makes
    (`defer wg.Done()`, or last in `defer func() { recover(); wg.Done() }()`: the wrapper), and the
    statement's index. Whatever runs before it does before the signal; calls deferred earlier run
    after it (last in, first out), so goroutine_signals lets no func literal among them name the
    variable. A deferred close also counts the sends on its channel that end the goroutine: then
    every deferred call runs after the signal (goroutine_signals exempts none). None when the
    goroutine uses goto: a jump back would run the defer statement again, and signal twice."""
    if first_of(body, ("goto_statement",), skip=lambda n: n.type == "func_literal") is not None:
        return None, None, 0
    for at, stmt in enumerate(statements(body)):
        deferred = stmt.named_children[0] if stmt.type == "defer_statement" else None
        signal = _signal_call(types, path, deferred) if deferred is not None else None
        function = deferred.child_by_field_name("function") if deferred is not None else None
        if signal is None and function is not None and function.type == "func_literal":
            signal = _last_signal(types, path, function.child_by_field_name("body"), ending=False)
            if signal is not None:
                return signal, function, at
        if signal is not None and signal.kind == "close":
            ending, other = _sends(types, path, body)
            sends = tuple(n for n, c in ending if c.obj == signal.obj) if signal.obj not in other else ()
            return Signal("close", signal.obj, signal.name, signal.node, sends), None, at
        if signal is not None:
            return signal, None, at
    return None, None, 0


def _deferred_after(body: Node, at: int) -> set[int]:
    """The func literals `defer func() {…}()` statements of the goroutine's own statement list defer
    after the signal's (at): deferred calls run last in, first out, so each returns before the
    signal is made, on a panic too. Only those with no func literal or go statement inside (one
    could keep a literal that runs later); by node id."""
    found = set()
    for stmt in statements(body)[at + 1 :]:
        call = stmt.named_children[0] if stmt.type == "defer_statement" else None
        function = call.child_by_field_name("function") if call is not None and call.type == "call_expression" else None
        if function is not None and function.type == "func_literal":
            inner = function.child_by_field_name("body")
            if first_of(inner, ("func_literal", "go_statement")) is None:
                found.add(function.id)
    return found


def _last_signal(types: TypeInfo, path: str, block: Node, ending: bool = True) -> Signal | None:
    """The signal a block's last statement makes, when nothing in the block jumps past it or returns;
    else (with `ending`: not for a deferred handler, which may send only after a recover) the sends
    ending the goroutine. A deferred handler may not defer; the goroutine may (`defer cancel()`): a
    deferred call runs after the signal, but its function and arguments were evaluated at the defer
    statement (the spec), before it; goroutine_signals lets no func literal among them name the
    variable, and the rule declines an address of it taken in the goroutine (`defer x.M()`)."""
    body = statements(block)
    unsignalled = ("goto_statement",) if ending else ("defer_statement", "goto_statement")
    if not body or first_of(block, unsignalled) is not None:
        return None
    last = body[-1]
    signal = _signal_call(types, path, last.named_children[0] if last.type == "expression_statement" else last)
    if signal is not None and first_of(block, ("return_statement",)) is None:
        return signal
    early = _done_before_returns(types, path, block, signal) if ending and signal is not None else None
    if isinstance(early, tuple):
        return dataclasses.replace(signal, early=early)
    if ending and last.type == "select_statement":
        return _select_send(types, path, block, last)
    return _ending_sends(types, path, block) if ending else None


def _done_before_returns(types: TypeInfo, path: str, block: Node, done: Signal) -> tuple[Node, ...] | str | None:
    """`if err != nil { …; wg.Done(); return }; …; wg.Done()`: the goroutine ends with Done and calls it
    right before each of its returns (bare: no result to evaluate after it; not those of func literals
    it makes), and nowhere else, so every path that ends the goroutine calls Done once, after its
    reads. The Dones before the returns; why not (a str); None for a signal other than Done. A path
    that panics or exits (runtime.Goexit) calls none: unrecovered, the program ends; recovered (a
    deferred recover) or exited, the goroutine ends without Done, and Wait never returns for it,
    copy or not (no other Done of it: adds.py counts each)."""
    if done.kind != "done":
        return None
    inside = list(walk(block, skip=lambda n: n.type == "func_literal"))
    early = []
    for ret in (n for n in inside if n.type == "return_statement"):
        before = previous(ret)
        call = before.named_children[0] if before is not None and before.type == "expression_statement" else None
        signal = _signal_call(types, path, call) if call is not None and not ret.named_children else None
        if signal is None or signal.kind != "done" or signal.obj != done.obj:
            line = ret.start_point.row + 1
            return f"the goroutine ends with {done.name}.Done(), but its return at line {line} does not follow one"
        early.append(call)
    for node in inside:
        other = _signal_call(types, path, node) if node.type == "call_expression" else None
        if other is not None and other.obj == done.obj and node != done.node and node not in early:
            line = node.start_point.row + 1  # `if retry { wg.Done() }`: a path may call Done twice
            return f"the goroutine calls {done.name}.Done() at line {line}, neither last nor right before a return"
    return tuple(early)  # none: the returns are those of func literals it makes (`sort.Slice(…, func…)`)


def _select_send(types: TypeInfo, path: str, block: Node, select: Node) -> Signal | None:
    """`select { case out <- n: case <-ctx.Done(): }` as the goroutine's last statement: a sender that
    gives up. Its one send case has an empty body, so when it is chosen the send is the goroutine's last
    act; any other case sends nothing on that channel, and nothing else in the goroutine does, so it
    sends at most once, after every read, and a path without the send never completes a receive.
    A return elsewhere only ends the goroutine sooner; deferred calls run after the send."""
    cases = [c for c in select.named_children if c.type == "communication_case"]
    sends = [c for c in cases if c.child_by_field_name("communication").type == "send_statement"]
    if len(sends) != 1 or statements(sends[0]):
        return None
    send = sends[0].child_by_field_name("communication")
    channel = _local(types, path, send.child_by_field_name("channel"))
    if channel is None:
        return None
    for node in walk(block, skip=lambda n: n.type == "func_literal"):
        other = _local(types, path, node.child_by_field_name("channel")) if node.type == "send_statement" else None
        if other is not None and other.obj == channel.obj and node != send:
            return None
    return Signal("send", channel.obj, channel.name, send)


def _ending_sends(types: TypeInfo, path: str, block: Node) -> Signal | None:
    """`if err != nil { errc <- err; return }; …; errc <- nil`: every send is the last thing the
    goroutine does (a bare return follows it, or it ends a branch that ends the goroutine), so it
    sends at most once, and the one receive that pairs with that send completes after every read the
    goroutine made. A path that ends without a send never completes that receive. The sends may be on
    several channels (`errc <- err; return` … `res <- v`): one of them is sent on, once, and a receive
    from any completes only after it. None when another send on one of them (a select case's, one
    more statements follow) is in the literal's body."""
    ending, other = _sends(types, path, block)
    by_channel: dict[str, list[tuple[Node, Ident]]] = {}
    for send, channel in ending:
        by_channel.setdefault(channel.obj, []).append((send, channel))
    if not by_channel or set(by_channel) & other:
        return None
    last_channel = ending[-1][1].obj  # the head: the channel of the goroutine's last send
    group = tuple(by_channel) if len(by_channel) > 1 else ()
    signals = {
        obj: Signal("send", obj, sends[-1][1].name, sends[-1][0], tuple(n for n, _ in sends[:-1]), group=group)
        for obj, sends in by_channel.items()
    }
    head = signals.pop(last_channel)
    return dataclasses.replace(head, others=tuple(signals.values()))


def _sends(types: TypeInfo, path: str, block: Node) -> tuple[list[tuple[Node, Ident]], set[str]]:
    """The goroutine's sends on local channels that end it, and the channels it sends on otherwise."""
    ending, other = [], set()
    for node in walk(block, skip=lambda n: n.type == "func_literal"):
        channel = _local(types, path, node.child_by_field_name("channel")) if node.type == "send_statement" else None
        if channel is not None and _ends_goroutine(node, block):
            ending.append((node, channel))
        elif channel is not None:
            other.add(channel.obj)
    return ending, other


def _ends_goroutine(stmt: Node, body: Node) -> bool:
    """Does the goroutine end right after stmt: a bare `return` follows it, or it ends the body, or a
    branch (an if's block, a switch or select case, a plain block) whose statement ends it in turn?"""
    if stmt.parent.type != "statement_list":
        return False  # a select case's send, a labelled statement
    after, holder = previous(stmt, forward=True), stmt.parent.parent
    if after is not None or holder == body:
        return after is None or (after.type == "return_statement" and not after.named_children)
    if holder.type in ("expression_case", "type_case", "default_case", "communication_case"):
        return _ends_goroutine(holder.parent, body)
    if holder.type == "block" and holder.parent.type == "if_statement":
        holder = holder.parent
    while holder.parent.type == "if_statement":  # `else if`: the chain's first if is the statement
        holder = holder.parent
    return holder.type in ("block", "if_statement") and _ends_goroutine(holder, body)


def _signal_call(types: TypeInfo, path: str, node: Node) -> Signal | None:
    """`wg.Done()` (or `done()` of `done := wg.Done`), `close(ch)` or `ch <- v` on a local variable, or None."""
    if node.type == "send_statement":
        channel = _local(types, path, node.child_by_field_name("channel"))
        return Signal("send", channel.obj, channel.name, node) if channel else None
    if node.type != "call_expression":
        return None
    function, args = node.child_by_field_name("function"), call_args(node)
    if function.type == "identifier" and not args:  # `done()` of `done := wg.Done`
        value = done_value(types, path, node)
        return Signal("done", value[0].obj, value[0].name, node) if isinstance(value, tuple) else None
    if function.type == "identifier" and len(args) == 1:
        builtin = types.at(path, function.start_byte)
        channel = _local(types, path, args[0])
        if builtin and builtin.kind == Kind.BUILTIN and builtin.name == "close" and channel:
            return Signal("close", channel.obj, channel.name, node)
    if function.type == "selector_expression" and not args and method_of(types, path, function) == WG_DONE:
        wg = groups.group(types, path, function.child_by_field_name("operand"))  # `wg`, `p.wg`
        return Signal("done", wg.obj, wg.name, node) if wg else None
    return None


def _done_paths(types: TypeInfo, path: str, body: Node) -> str | None:
    """Why a goroutine that ends with Done and returns elsewhere does not signal by it."""
    last = statements(body)[-1] if statements(body) else None
    done = (
        _signal_call(types, path, last.named_children[0])
        if last is not None and last.type == "expression_statement"
        else None
    )
    why = _done_before_returns(types, path, body, done) if done is not None else None
    return why if isinstance(why, str) else None


def _unheld_done(types: TypeInfo, path: str, body: Node) -> str | None:
    """Why a WaitGroup's Done the goroutine calls (`defer s.pool.wg.Done()`) is no signal: the storage
    it names is not proven the same at the Add and the Wait (groups.py), or a method value `done()`
    is not only that WaitGroup's Done (done_values.py)."""
    for node in walk(body, skip=lambda n: n.type == "func_literal"):
        function = node.child_by_field_name("function") if node.type == "call_expression" else None
        value = done_value(types, path, node) if function is not None and function.type == "identifier" else None
        if isinstance(value, str):
            return value
        if function is None or function.type != "selector_expression" or method_of(types, path, function) != WG_DONE:
            continue
        why = groups.held(types, path, function.child_by_field_name("operand"))
        if isinstance(why, str):
            return f"the goroutine calls {text(function).decode()}(), but {why}"
    return None


def _group_go(types: TypeInfo, spawn: Spawn) -> Signal | str:
    """A literal passed alone to errgroup's g.Go: Wait returns after it has returned."""
    call = runner(spawn).parent.parent
    function = call.child_by_field_name("function") if call.type == "call_expression" else None
    if (
        function is None
        or function.type != "selector_expression"
        or method_of(types, spawn.path, function) not in GROUP_GO
    ):
        return (
            "the func literal is neither started by a go statement nor passed to errgroup's or a WaitGroup's Go, nor"
            " to time.AfterFunc in a statement of its own (the Timer dropped)"
        )
    package = method_of(types, spawn.path, function)[0]
    if method_of(types, spawn.path, function) == TRY_GO and not tried(call, spawn.statement):
        return (
            "the func literal is passed to TryGo in a statement that does more than try it: only `g.TryGo(f)`, `ok :="
            " g.TryGo(f)` or the condition of an if without an initializer are followed"
        )
    forked = errgroup_source.replaced(types, package) if package != "sync" else None
    if forked:
        return f"errgroup's Go and Wait may not be golang.org/x/sync's: {forked}"
    group = groups.held(types, spawn.path, function.child_by_field_name("operand"))  # `g`, `p.g`
    if isinstance(group, str) or len(runner(spawn).parent.named_children) != 1:
        return f"the group is not a local variable of the function nor a field path from one: {group}"
    return Signal("group", group.obj, group.name, call)
