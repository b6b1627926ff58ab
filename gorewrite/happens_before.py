"""Happens-before: is every read a goroutine makes ordered before a later write in the function that started it?

A write after a `go` statement is invisible to the goroutine when the Go memory model orders it
after the goroutine's last read: the goroutine calls `wg.Done()`, sends on or closes a channel
after that read, and the function waits (`wg.Wait()`, a receive, a select whose other cases
terminate, a range loop over the channel it closes: waits.py) on every path from the `go`
statement to the write, itself or through a helper goroutine that waits and then signals (relay.py),
or receives as often as goroutines started one after another send on one channel (peers.py) or as a
worker pool answers items (worker_pools.py); or the literal runs under errgroup's Go and the function calls Wait.
Anything else (a jump past the wait, a second signaller, a WaitGroup counted any other way) is
not proven, and the answer is the reason. Objects and methods come from go/types (`Ident.obj`,
`Ident.pkg`, `Ident.recv`), never from names. Shared by the rules that ask (DESIGN.md §5).
The goroutine's side (its signal, and the Add that counts it) is signals.py.
"""

from __future__ import annotations

from gorewrite import cond_counts, groups, semaphores, spawns, wait_calls, worker_pools
from gorewrite.adds import counted, counted_done, one_start, skip_done
from gorewrite.done_values import done_value
from gorewrite.fan_in import not_received, receiving_loops
from gorewrite.merges import merge_loops
from gorewrite.overwrites import overwritten
from gorewrite.peers import counted_wait, peer_senders
from gorewrite.relay import relays
from gorewrite.rulekit import owner
from gorewrite.signals import goroutine_signals
from gorewrite.spawns import GROUP_GO, WG_ADD, WG_DONE, Signal, Spawn, channels, innermost_loop, method_of, signalled
from gorewrite.syntax import Node, address_operand, ancestors, contains, items, unparen_type
from gorewrite.typeinfo import Ident, Kind, TypeInfo, Use
from gorewrite.waits import WAITS, Wait, after_none, not_ordering, receive_of, waits
from gorewrite.worker_dones import worker_go

GROUP_OTHER = (("golang.org/x/sync/errgroup", "Group", "SetLimit"),)


def unordered(types: TypeInfo, spawn: Spawn, name: str, writes: list[int]) -> str | None:
    """Why a write (byte offsets) of `name` may not be ordered after the goroutine's reads; None when all are:
    a wait for any one of the goroutine's signals (`defer wg.Done(); res <- f(x)`) orders them all."""
    signals = goroutine_signals(types, spawn, name)
    if isinstance(signals, str):  # a semaphore the function fills, or a counter it waits for on a Cond, may still wait
        why = semaphores.unordered(types, spawn, name, writes, signals)
        why = why and cond_counts.unordered(types, spawn, name, writes, why)
        return why and worker_pools.unordered(types, spawn, name, writes, why)
    reasons = (_unordered_by(types, spawn, signal, writes) for signal in signals)
    first = next(reasons)
    ordered = first is None or any(r is None for r in reasons)
    return None if ordered else semaphores.unordered(types, spawn, name, writes, first)


def _unordered_by(types: TypeInfo, spawn: Spawn, signal: Signal, writes: list[int]) -> str | None:
    """Why a write may not be ordered after the goroutine's reads by the function's waits for this signal."""
    if signal.kind == "done" and not counted_done(types, spawn, signal, signal.node):
        return (
            f"no {signal.name}.Add counts the goroutine (Add(1) before its go statement in its block, or "
            "Add(len(xs)) before a loop over xs, `range xs` or `for i := 0; i < len(xs); i++`, starting one "
            "goroutine an iteration): Wait may not wait for it"
        )
    if signal.others:
        return _sends_unordered(types, spawn, signal, writes)
    fanned = _fanned_in_loop(types, spawn, signal)
    peers = peer_senders(types, spawn, signal) if signal.kind == "send" and fanned is None else []
    if len(peers) > 1:
        return _peers_unordered(types, spawn, signal, peers, writes)
    # Others send on the channel: only a range loop over it waits (the close alone ends it), and no
    # helper's receive does. A WaitGroup or group is never sent on.
    shared = _others_send(types, spawn, signal)
    helpers = relays(types, spawn, signal) if fanned is None and not shared else []
    merges = merge_loops(types, spawn, signal) if fanned is None and not shared else []
    problem = _signals_only_here(types, spawn, signal, (*(h.wait for h in helpers), *(m for m, _ in merges)))
    if problem:
        return problem
    if fanned is not None:  # one channel for all: only a loop receiving from each waits
        chains = [[(spawn, w)] for w in receiving_loops(types, spawn, signal, fanned)]
    else:
        chains = [[(spawn, w)] for w in waits(types, spawn, signal, shared)]
        chains += [[(spawn, Wait(loop, ((case.start_byte, case.end_byte),)))] for loop, case in merges]
    passed = None  # why a helper's own signal may not be its alone
    for helper in helpers:  # the worker's start, then the helper's, then the function's wait for the helper
        passed = _signals_only_here(types, helper.spawn, helper.signal, ())
        if passed is None and _fanned_in_loop(types, helper.spawn, helper.signal) is None:
            started = Wait(helper.spawn.statement, ())
            shared = _others_send(types, helper.spawn, helper.signal)
            chains += [[(spawn, started), (helper.spawn, w)] for w in waits(types, helper.spawn, helper.signal, shared)]
    if not chains and passed:
        line = helpers[-1].spawn.statement.start_point.row + 1
        return f"the goroutine at line {line} waits for {signal.name}, then signals, but {passed}"
    if not chains and fanned is not None:  # one channel the loop's goroutines share
        return f"the function never waits for every goroutine sending on {signal.name}: " + not_received(
            types, spawn, signal, fanned
        )
    if not chains:
        return (
            f"the function never waits for {signal.name} as a statement, a select whose other cases return, or a "
            "loop over the channel only the goroutine closes (`for range ch`, or `for {` left only by a break under "
            "`if !ok` of `v, ok := <-ch`), nor through a goroutine that waits for it and then signals"
        ) + wait_calls.unproven(spawn, signal)
    for write in writes:
        reasons = [next(filter(None, (not_ordering(s, w, write) for s, w in chain)), None) for chain in chains]
        own = [chain[0][1] for chain in chains if len(chain) == 1]  # not a helper goroutine's start
        if all(reasons) and not _waited_before(types, spawn, signal, own, write):
            return reasons[0]
    return None


def _sends_unordered(types: TypeInfo, spawn: Spawn, signal: Signal, writes: list[int]) -> str | None:
    """Ending sends on several channels (`errc <- err; return` … `res <- v`): the goroutine sends once,
    on one of them, as its last act. Each channel is made in the goroutine's loop iteration and used
    only by its ending sends and the function's receives, so a receive from any of them (or a select
    whose every case receives from one of them or terminates) completes only after that send, and so
    after every read. Or, fan-in, all are made before the loop starting one such goroutine an
    iteration, and a later loop as long receives from one of them once an iteration: its n receives
    pair with n distinct sends, one per goroutine, so every goroutine has sent. No helper goroutine."""
    names = " or ".join(part.name for part in channels(signal))
    for part in channels(signal):
        problem = _signals_only_here(types, spawn, part, ())
        if problem:
            return problem
    loops = [_fanned_in_loop(types, spawn, part) for part in channels(signal)]
    if any(loop != loops[0] for loop in loops):
        return f"{names} are neither all made in the goroutine's loop iteration nor all before the loop starting it"
    if loops[0] is not None:  # fan-in: each goroutine sends once, on one of them; a later loop as long receives
        chains = receiving_loops(types, spawn, signal, loops[0])
    else:
        chains = [w for part in channels(signal) for w in waits(types, spawn, part, False)]
    if not chains and loops[0] is not None:
        return f"the function never receives from {names} once for every goroutine: " + not_received(
            types, spawn, signal, loops[0]
        )
    if not chains:
        return f"the function never receives from {names} as a statement or in a select whose other cases return"
    return after_none(spawn, chains, writes)


def _peers_unordered(types: TypeInfo, spawn: Spawn, signal: Signal, peers: list, writes: list[int]) -> str | None:
    """k goroutines started one after another in a block, each sending once on one channel (peers.py):
    k unconditional receives after the last start, on every path to the write, wait for them all."""
    problem = _signals_only_here(types, spawn, signal, tuple(n for _, s in peers for n in signalled(s)))
    if problem:
        return problem
    wait = counted_wait(types, spawn, signal, peers)
    if wait is None:
        return (
            f"{len(peers)} goroutines send on {signal.name}, but the function does not receive from it as "
            f"often, as statements of their block after the last one starts (a select counts none)"
        )
    return next(filter(None, (not_ordering(peers[0][0], wait, w) for w in writes)), None)


def _waited_before(types: TypeInfo, spawn: Spawn, signal: Signal, waits: list[Wait], write: int) -> bool:
    """A WaitGroup's or group's Wait earlier in the write's own block, with the go statement not
    between them (`if (i+1)%batch == 0 { wg.Wait(); token += "+" }`): Wait returns once every
    goroutine Added so far is done, and each goroutine the go statement started before the write
    was Added before it; the block is entered only at its start (the rule declines a function with
    goto). Not for a WaitGroup declared in a loop around the go statement: each iteration's Wait
    then waits for that iteration's goroutines alone."""
    variable = groups.base(signal.obj)  # a field's WaitGroup (`p.wg`): the variable it is reached from
    decl = next((i for i in types.idents.get(spawn.path, ()) if i.obj == variable and i.use == Use.DECL), None)
    node = spawn.function.named_descendant_for_byte_range(decl.start, decl.end) if decl is not None else None
    loop = innermost_loop(node, spawn.function) if node is not None else None
    if signal.kind not in ("done", "group") or node is None or (loop is not None and contains(loop, spawn.statement)):
        return False
    written = spawn.function.named_descendant_for_byte_range(write, write)
    for wait in (w.node for w in waits):
        later = next((a for a in ancestors(written) if a.parent == wait.parent), None)
        if later is None or later.start_byte <= wait.start_byte:
            continue
        between, sibling = [], wait.next_named_sibling
        while sibling is not None and sibling != later:
            between.append(sibling)
            sibling = sibling.next_named_sibling
        if not any(contains(s, spawn.statement) for s in (*between, later)):
            return True
    return False


# --- the signalled object: nothing else may signal it ------------------------------------


OVERWRITE = (
    "is a WaitGroup in a struct field: code between the go statement and the Wait may write the struct over "
    "it (`*p = Pool{}`, a reset method, a callback), which zeroes its count, and gorewrite proves it cannot only "
    "for a goroutine's Done that the function waits for itself"
)


def _signals_only_here(types: TypeInfo, spawn: Spawn, signal: Signal, helpers: tuple[Node, ...]) -> str | None:
    """Why the WaitGroup, channel or group may be signalled by someone else, or reused across iterations.
    A channel the goroutine closes may be sent on by anyone: a range loop over it ends on the close alone.
    `helpers`: the waits of goroutines that pass the signal on (relay.py)."""
    if groups.is_path(signal.obj):  # `p.wg`: every use in the package, checked by group_uses.py
        function = signal.node.child_by_field_name("function") if signal.kind == "group" else None
        go = method_of(types, spawn.path, function) if function is not None else None
        proven = signal.kind == "done" or (go is not None and go[0] != "sync")  # errgroup's Go: its wrapper alone Dones
        reason = dict(spawn.fields).get(groups.last_field(signal.obj), "is a field whose uses were not checked")
        if reason or not proven or helpers:  # a helper's or a WaitGroup's Go's path is not proven (adv31b)
            return f"{signal.name} {reason or OVERWRITE}"
        # Nothing between the Add and each Wait may write the struct over it, zeroing its count (adv31b).
        found = (overwritten(types, spawn, signal, w.node) for w in waits(types, spawn, signal, False))
        return next((f"{signal.name} {why}" for why in found if why), None)
    root = spawn.function
    while root.parent is not None:
        root = root.parent
    uses = [i for i in types.idents.get(spawn.path, ()) if i.obj == signal.obj]
    for ident in uses:
        node = root.named_descendant_for_byte_range(ident.start, ident.end)
        if ident.use == Use.DECL:
            if ident.kind == Kind.PARAM and signal.kind in ("done", "group"):
                return f"{signal.name} is a parameter: the caller's, which others may signal (Done) as well"
            if ident.kind != Kind.VAR or owner(node) != spawn.function:
                return f"{signal.name} is not a variable of the function that starts the goroutine"
            if signal.kind in ("done", "group") and not _own(types, spawn, node, ident):
                return (
                    f"{signal.name} is a pointer that may share another's WaitGroup or group, whose Done others "
                    "could call (declare it as a value, or make it with new or &T{})"
                )
            if (
                signal.kind in ("send", "close")
                and not _made_here(types, spawn, node)
                and not _fanned_in(types, spawn, signal, node)
            ):
                return (
                    f"{signal.name} is not made by make() in the goroutine's loop iteration, nor before a range loop "
                    "whose one goroutine an iteration sends on it"
                )
            continue
        if not any(contains(h, node) for h in helpers) and not _allowed_use(types, spawn, signal, node, ident):
            why = wait_calls.handed(spawn, signal.obj, node)
            return (
                f"{signal.name} is used other than by this goroutine's one signal and the function's wait "
                f"(line {node.start_point.row + 1}), so another party may signal it" + (f": {why}" if why else "")
            )
    return None


def _own(types: TypeInfo, spawn: Spawn, decl: Node, ident: Ident) -> bool:
    """A WaitGroup or group the function alone holds: a variable of the value type, or a pointer
    made where it is declared (`new(sync.WaitGroup)`, `&sync.WaitGroup{}`, errgroup.WithContext);
    not `wg := &t.wg`, which others may signal. A write to the variable is another use (declined)."""
    if ident.type is not None and not ident.pointer:
        return True
    holder = decl.parent.parent if decl.parent.type == "expression_list" else decl.parent
    if holder.type == "var_spec" and holder.child_by_field_name("value") is None:  # `var wg sync.WaitGroup`
        # (go/types writes no generic's type)
        return unparen_type(holder.child_by_field_name("type")).type != "pointer_type"
    right = holder.child_by_field_name("right" if holder.type == "short_var_declaration" else "value")
    values = right.named_children if right is not None else []
    value = values[0] if len(values) == 1 else None
    operand = address_operand(value) if value is not None else None
    if operand is not None:
        return operand.type == "composite_literal"
    function = value.child_by_field_name("function") if value is not None and value.type == "call_expression" else None
    if function is None:
        return False
    if function.type == "identifier":
        return types.builtin(spawn.path, function.start_byte, "new")
    name = function.child_by_field_name("field") if function.type == "selector_expression" else None
    made = types.at(spawn.path, name.start_byte) if name is not None else None
    return made is not None and (made.pkg, made.name) == ("golang.org/x/sync/errgroup", "WithContext")


def _fanned_in_loop(types: TypeInfo, spawn: Spawn, signal: Signal) -> Node | None:
    """The sending loop when the goroutine sends on a channel made before it, shared by the loop's goroutines."""
    decl = next((i for i in types.idents.get(spawn.path, ()) if i.obj == signal.obj and i.use == Use.DECL), None)
    node = spawn.function.named_descendant_for_byte_range(decl.start, decl.end) if decl is not None else None
    if signal.kind != "send" or node is None or _made_here(types, spawn, node):
        return None
    return _fanned_in(types, spawn, signal, node)


def _others_send(types: TypeInfo, spawn: Spawn, signal: Signal) -> bool:
    """Does anything but the goroutine's own signal send on the channel?"""
    uses = [i for i in types.idents.get(spawn.path, ()) if i.obj == signal.obj]
    nodes = [spawn.function.named_descendant_for_byte_range(i.start, i.end) for i in uses]
    return any(n is not None and spawns.sent_on(n) and n not in signalled(signal) for n in nodes)


def _made_here(types: TypeInfo, spawn: Spawn, decl: Node) -> bool:
    """A channel declared by `ch := make(…)` in the function, in the same loop iteration as the go statement."""
    iteration = innermost_loop(spawn.statement, spawn.function)
    return _made(types, spawn, decl) and innermost_loop(decl, spawn.function) == iteration


def _made(types: TypeInfo, spawn: Spawn, decl: Node) -> bool:
    """A channel declared by `ch := make(…)` in the function: the builtin (go/types), not a function of that
    name; also one of several (`res, errc := make(…), make(…)`, `res, n := make(…), 0`), by its own item."""
    stmt = decl.parent.parent if decl.parent is not None else None
    if (
        stmt is None
        or stmt.type != "short_var_declaration"
        or stmt.parent is None
        or stmt.parent.type != "statement_list"  # `for ch := make(…); …`: made once for every iteration
    ):
        return False
    left, right = items(stmt.child_by_field_name("left")), items(stmt.child_by_field_name("right"))
    if len(left) != len(right) or decl not in left:  # `a, b := f()`: no item of its own
        return False
    value = right[left.index(decl)]
    function = value.child_by_field_name("function") if value.type == "call_expression" else None
    made = function is not None and types.builtin(spawn.path, function.start_byte, "make")
    return made and owner(decl) == spawn.function


def _fanned_in(types: TypeInfo, spawn: Spawn, signal: Signal, decl: Node) -> Node | None:
    """Fan-in: the range loop that starts the goroutine, one an iteration, each sending once on a
    channel made before the loop (`ch := make(…)`); a later loop of as many iterations receiving
    once each (fan_in.py) then waits for every one of them. None for any other channel."""
    loop = innermost_loop(spawn.statement, spawn.function)
    starts = (one_start(types, spawn, loop, timers) for timers in (False, True)) if loop is not None else ()
    if signal.kind != "send" or spawn.statement not in starts:  # go statements alone first, as counted does
        return None
    return loop if _made(types, spawn, decl) and decl.end_byte <= loop.start_byte else None


def _allowed_use(types: TypeInfo, spawn: Spawn, signal: Signal, node: Node, ident: Ident) -> bool:
    if ident.use == Use.WRITE:
        return False
    if signal.kind in ("done", "group") and wait_calls.handed(spawn, signal.obj, node) == "":
        return True  # handed to a helper that waits for it (`waitAll(&wg)`)
    if signal.kind == "close" and spawns.sent_on(node):
        return True
    if signal.kind == "done" and worker_go(spawn, node) is not None:  # `go worker(&wg)`, worker_dones.py
        return counted_done(types, spawn, signal, node)
    if signal.kind == "group" and any(s <= node.start_byte < e and o == signal.obj for s, e, o in spawn.goers):
        return True  # `warmOne(&g, key)` of a helper that only Go's on it (group_helpers.py)
    if owner(node) != spawn.function:  # inside a func literal: a goroutine's one signal
        if signal.kind == "done":
            return counted_done(types, spawn, signal, node)
        return node in signalled(signal)  # the goroutine's own send or close, not a use inside its value
    if receive_of(node) is not None:
        return signal.kind in ("send", "close")
    if node.parent.type == "range_clause" and node.parent.child_by_field_name("right") == node:
        return signal.kind == "close"
    method = method_of(types, spawn.path, node.parent) if node.parent.type == "selector_expression" else None
    if method in WAITS:
        return True
    if signal.kind == "group":
        return method in GROUP_OTHER or (method in GROUP_GO and node.parent.parent.type == "call_expression")
    if signal.kind == "done" and method == WG_DONE:  # `done := wg.Done`, the method value the goroutine calls
        value = done_value(types, spawn.path, signal.node)
        return (isinstance(value, tuple) and value[1] == node.parent) or skip_done(types, spawn, signal, node)
    if signal.kind == "done" and method == WG_ADD:
        return bool(counted(types, spawn, signal, node.parent.parent))
    return False
