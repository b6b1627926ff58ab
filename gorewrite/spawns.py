"""A goroutine as the happens-before proofs see it: its start (Spawn), its signal (Signal), and the
small questions every part of the proof asks (which method a selector names, the statement before,
the loop around). signals.py finds the signal; happens_before.py asks whether it orders a write.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from gorewrite.syntax import Node, ancestors, call_args, unparen
from gorewrite.typeinfo import Kind, TypeInfo

if TYPE_CHECKING:
    from gorewrite.overwrites import Writers

WG_DONE = ("sync", "WaitGroup", "Done")  # (package path, receiver type, method), as go/types names them
WG_ADD = ("sync", "WaitGroup", "Add")
WG_WAIT = ("sync", "WaitGroup", "Wait")
# Go runs f, then Done; errgroup's TryGo runs f so, or never (it returns false, f dropped, when the limit is reached)
TRY_GO = ("golang.org/x/sync/errgroup", "Group", "TryGo")
GROUP_GO = (("golang.org/x/sync/errgroup", "Group", "Go"), TRY_GO, ("sync", "WaitGroup", "Go"))


@dataclass(frozen=True)
class Spawn:
    """A goroutine started in a function: its func literal and the statement that starts it."""

    path: str
    function: Node
    literal: Node
    statement: Node
    # func literals inside the goroutine (start bytes) that no toolchain's compile says escape: a callee
    # given one cannot keep it past the call (that would move it to the heap)
    unescaped: frozenset[int] = frozenset()
    # WaitGroup fields the function uses (`p.wg`), by go/types object: why the package may signal one
    # otherwise, "" when it cannot (group_uses.py)
    fields: tuple[tuple[str, str], ...] = ()
    # what proving that nothing writes the struct over such a field needs from the package (overwrites.py)
    writers: Writers | None = None
    # the func literals inside the goroutine passed to a call but not unescaped: why the callee may keep
    # each (start byte, reason), for the messages
    kept: tuple[tuple[int, str], ...] = ()
    # the function's calls of the package's helpers given a WaitGroup or group (wait_calls.py): (start,
    # end, the storage, why the call may return before waiting for it, "" when it cannot)
    through: tuple[tuple[int, int, str, str], ...] = ()
    # the name the statement starts the literal through (`worker` of `go worker()` after `worker :=
    # func() {…}`: named_spawns.py), None when the literal stands in the statement itself
    via: Node | None = None
    # the function's go statements starting a worker by name that Dones a local WaitGroup once, last
    # (worker_dones.py): (the statement's start, the `&wg` argument's start and end, the WaitGroup)
    workers: tuple[tuple[int, int, int, str], ...] = ()
    # the function's `&g` arguments handing a local errgroup to a helper that only Go's on it (group_helpers.py):
    # (the argument's start and end, the group)
    goers: tuple[tuple[int, int, str], ...] = ()


def runner(spawn: Spawn) -> Node:
    """What the statement runs, standing where a literal of `go func() {…}()` or `g.Go(func…)` stands."""
    return spawn.via if spawn.via is not None else spawn.literal


@dataclass(frozen=True)
class Signal:
    """What the goroutine does after its last read: Done, a send or close, or returning under g.Go."""

    kind: str  # "done", "send", "close" or "group"
    obj: str  # the go/types object of the WaitGroup, channel or group
    name: str
    node: Node  # the call or send that signals (for "group": the g.Go call)
    early: tuple[Node, ...] = ()  # sends on the same channel, or Dones, right before the goroutine returns early
    # Ending sends on several channels (`if err != nil { errc <- err; return }; res <- v`): each other
    # channel's signal, and on every one the objects of all (a receive from any of them waits).
    others: tuple[Signal, ...] = ()
    group: tuple[str, ...] = ()


def channels(signal: Signal) -> tuple[Signal, ...]:
    """The signal on each channel the goroutine's ending sends use (one but for `others`)."""
    return (signal, *signal.others)


def sent_on(node: Node) -> bool:
    """Is node the channel of a send statement (`ch <- v`, also as a select case)?"""
    return node.parent.type == "send_statement" and node.parent.child_by_field_name("channel") == node


def signalled(signal: Signal) -> tuple[Node, ...]:
    """The operands the signal acts on: `ch` of `ch <- v` and `close(ch)`, `wg` of `wg.Done()` and `g.Go(…)`,
    and those of each early send or Done (before a return). The uses of the object its own signal makes: a use inside a
    sent value or the literal is another."""
    own = signal.node if signal.kind != "close" else call_args(signal.node)[0]
    return tuple(_operand(node) for node in (own, *signal.early))


def _operand(node: Node) -> Node:
    """The channel of a send, the WaitGroup or group of `wg.Done()` or `g.Go(…)`; a close's channel as is."""
    if node.type == "send_statement":
        return node.child_by_field_name("channel")
    if node.type == "call_expression":  # `done()` of `done := wg.Done`: the call itself
        return node.child_by_field_name("function").child_by_field_name("operand") or node
    return node


def method_of(types: TypeInfo, path: str, selector: Node) -> tuple[str, str, str] | None:
    """The method a selector names, by package path, receiver type and name; None if not a method."""
    field = selector.child_by_field_name("field")
    ident = types.at(path, field.start_byte) if field is not None else None
    if ident is None or ident.kind != Kind.METHOD or ident.pkg is None:
        return None
    return ident.pkg, ident.recv or "", ident.name


def call_on(types: TypeInfo, path: str, node: Node | None, method: tuple, obj: str) -> Node | None:
    """The call when node is the statement `x.M(…)` of the method on the local variable obj."""
    call = node.named_children[0] if node is not None and node.type == "expression_statement" else None
    function = call.child_by_field_name("function") if call is not None and call.type == "call_expression" else None
    if function is None or function.type != "selector_expression" or method_of(types, path, function) != method:
        return None
    operand = unparen(function.child_by_field_name("operand"))
    ident = types.at(path, operand.start_byte) if operand.type == "identifier" else None
    return call if ident is not None and ident.obj == obj else None


def after_func(types: TypeInfo, spawn: Spawn) -> bool:
    """`time.AfterFunc(d, func() {…})` as a statement of its own: the literal runs once, in a goroutine of its
    own, as `go func() {…}()` would start it (time's doc: "calls f in its own goroutine"), only later. The Timer
    is dropped, so no Reset can run it again, nor Stop keep it from running (a goroutine that never runs never
    signals: a wait for it never returns, as for a goroutine that blocks)."""
    return after_func_start(types, spawn.path, runner(spawn)) == spawn.statement


def after_func_start(types: TypeInfo, path: str, node: Node) -> Node | None:
    """The statement `time.AfterFunc(d, node)` when it is one of its own (see after_func), else None; time's
    AfterFunc by go/types, never by name."""
    call = node.parent.parent if node.parent is not None else None
    if call is None or call.type != "call_expression" or call_args(call)[1:] != [node]:
        return None
    function = call.child_by_field_name("function")
    field = function.child_by_field_name("field") if function.type == "selector_expression" else None
    ident = types.at(path, field.start_byte) if field is not None else None
    if ident is None or (ident.kind, ident.pkg, ident.recv, ident.name) != (Kind.FUNC, "time", None, "AfterFunc"):
        return None
    return call.parent if call.parent.type == "expression_statement" else None


def tried(call: Node, statement: Node) -> bool:
    """Is TryGo's call all its statement does before the statements it guards: the statement itself, the sole value
    of an assignment (`ok := g.TryGo(f)`), or the condition of an if without an initializer (`if g.TryGo(f) {`, `if
    !g.TryGo(f) {`)? The proofs take the statement as the goroutine's start and its waits as statements after it or
    in the blocks it holds; a wait in an if's initializer runs before the call, and a loop's condition starts a
    goroutine each iteration its body may write for (`for g.TryGo(f) { x++ }`): neither is a start they follow."""
    if statement.type == "if_statement":
        condition = statement.child_by_field_name("condition")
        negated = call.parent.type == "unary_expression" and call.parent.child_by_field_name("operator").text == b"!"
        return statement.child_by_field_name("initializer") is None and condition in (
            call,
            call.parent if negated else None,
        )
    if statement.type in ("short_var_declaration", "assignment_statement"):
        right = statement.child_by_field_name("right")
        return right is not None and right.named_children == [call]
    return statement.type == "expression_statement" and call.parent == statement


def previous(node: Node, forward: bool = False) -> Node | None:
    """The statement before (after) node in its block, past comments."""
    sibling = node.next_named_sibling if forward else node.prev_named_sibling
    while sibling is not None and sibling.type == "comment":
        sibling = sibling.next_named_sibling if forward else sibling.prev_named_sibling
    return sibling


def innermost_loop(node: Node, function: Node) -> Node | None:
    """The innermost for statement around node inside function."""
    for a in ancestors(node):
        if a == function:
            return None
        if a.type == "for_statement":
            return a
    return None
