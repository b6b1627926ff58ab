"""Happens-before: is every read a goroutine makes ordered before a later write in the function that started it?

A write after a `go` statement is invisible to the goroutine when the Go memory model orders it
after the goroutine's last read: the goroutine calls `wg.Done()`, sends on or closes a channel
after that read, and the function waits (`wg.Wait()`, a receive) on every path from the `go`
statement to the write; or the literal runs under `errgroup.Group.Go` and the function calls
`Wait`. Anything else (a `select`, a jump past the wait, a second signaller, a WaitGroup counted
any other way) is not proven, and the answer is the reason. Objects and methods come from
go/types (`Ident.obj`, `Ident.pkg`, `Ident.recv`), never from names. Shared by the rules that ask (DESIGN.md §5).
"""

from __future__ import annotations

from dataclasses import dataclass

from gorewrite.rulekit import FUNCTIONS, owner
from gorewrite.syntax import Node, ancestors, contains, first_of, statements, walk
from gorewrite.typeinfo import Ident, Kind, TypeInfo, Use

WG_DONE = ("sync", "WaitGroup", "Done")  # (package path, receiver type, method), as go/types names them
WG_ADD = ("sync", "WaitGroup", "Add")
WAITS = (("sync", "WaitGroup", "Wait"), ("golang.org/x/sync/errgroup", "Group", "Wait"))
GROUP_GO = ("golang.org/x/sync/errgroup", "Group", "Go")
GROUP_OTHER = (("golang.org/x/sync/errgroup", "Group", "SetLimit"),)
BREAKABLE = ("for_statement", "expression_switch_statement", "type_switch_statement", "select_statement")
JUMPS = ("return_statement", "goto_statement", "labeled_statement", "break_statement", "continue_statement")


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


def unordered(types: TypeInfo, spawn: Spawn, name: str, writes: list[int]) -> str | None:
    """Why a write (byte offsets) of `name` may not be ordered after the goroutine's reads; None when all are."""
    signal = _signal(types, spawn, name)
    if isinstance(signal, str):
        return signal
    if signal.kind == "done" and not _counted_done(types, spawn, signal, signal.node):
        return f"the go statement does not directly follow {signal.name}.Add(1): Wait may not wait for it"
    problem = _signals_only_here(types, spawn, signal)
    if problem:
        return problem
    waits = _waits(types, spawn, signal)
    if not waits:
        return f"the function never waits for {signal.name} outside a select or expression"
    for write in writes:
        reasons = [_not_ordering(spawn, wait, write) for wait in waits]
        if all(reasons):
            return reasons[0]
    return None


# --- the goroutine's side: one signal after its last read --------------------------------


def _signal(types: TypeInfo, spawn: Spawn, name: str) -> Signal | str:
    literal = spawn.literal
    nested = first_of(literal.child_by_field_name("body"), ("go_statement", "func_literal"))
    if nested is not None:
        return f"the goroutine starts a goroutine or makes a func literal that may read {name} after it signals"
    if spawn.statement.type != "go_statement":
        return _group_go(types, spawn)
    body = statements(literal.child_by_field_name("body"))
    if body and body[0].type == "defer_statement":
        found = _signal_call(types, spawn.path, body[0].named_children[0])
        if found:
            return found
    inside = (
        first_of(literal.child_by_field_name("body"), ("defer_statement", "return_statement", "goto_statement"))
        if body
        else None
    )
    if body and inside is None:
        last = body[-1]
        node = last.named_children[0] if last.type == "expression_statement" else last
        found = _signal_call(types, spawn.path, node)
        if found:
            return found
    return (
        "the goroutine does not call wg.Done(), send on or close a channel as its last statement "
        f"(or defer it first), so nothing orders its reads of {name} before the write"
    )


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
    if function.type == "selector_expression" and not args and _method(types, path, function) == WG_DONE:
        wg = _local(types, path, function.child_by_field_name("operand"))
        return Signal("done", wg.obj, wg.name, node) if wg else None
    return None


def _group_go(types: TypeInfo, spawn: Spawn) -> Signal | str:
    """A literal passed alone to errgroup's g.Go: Wait returns after it has returned."""
    call = spawn.literal.parent.parent
    function = call.child_by_field_name("function") if call.type == "call_expression" else None
    if function is None or function.type != "selector_expression" or _method(types, spawn.path, function) != GROUP_GO:
        return "the func literal is neither started by a go statement nor passed to errgroup's Go"
    group = _local(types, spawn.path, function.child_by_field_name("operand"))
    if group is None or len(spawn.literal.parent.named_children) != 1:
        return "the errgroup is not a local variable of the function"
    return Signal("group", group.obj, group.name, call)


# --- the signalled object: nothing else may signal it ------------------------------------


def _signals_only_here(types: TypeInfo, spawn: Spawn, signal: Signal) -> str | None:
    """Why the WaitGroup, channel or group may be signalled by someone else, or reused across iterations."""
    root = spawn.function
    while root.parent is not None:
        root = root.parent
    uses = [i for i in types.idents.get(spawn.path, ()) if i.obj == signal.obj]
    for ident in uses:
        node = root.named_descendant_for_byte_range(ident.start, ident.end)
        if ident.use == Use.DECL:
            if ident.kind != Kind.VAR or owner(node) != spawn.function:
                return f"{signal.name} is not a variable of the function that starts the goroutine"
            if signal.kind in ("send", "close") and not _made_here(spawn, node):
                return f"{signal.name} is not made by make() in the goroutine's loop iteration"
            continue
        if not _allowed_use(types, spawn, signal, node, ident):
            line = node.start_point.row + 1
            return (
                f"{signal.name} is used other than by this goroutine's one signal and the function's wait "
                f"(line {line}), so another party may signal it"
            )
    return None


def _made_here(spawn: Spawn, decl: Node) -> bool:
    """A channel declared by `ch := make(…)` in the function, in the same loop iteration as the go statement."""
    stmt = decl.parent.parent if decl.parent is not None else None
    if (
        stmt is None
        or stmt.type != "short_var_declaration"
        or len(stmt.child_by_field_name("left").named_children) != 1
    ):
        return False
    right = stmt.child_by_field_name("right").named_children
    made = len(right) == 1 and right[0].type == "call_expression" and right[0].child(0).text == b"make"
    return (
        made and owner(decl) == spawn.function and _loop(decl, spawn.function) == _loop(spawn.statement, spawn.function)
    )


def _allowed_use(types: TypeInfo, spawn: Spawn, signal: Signal, node: Node, ident: Ident) -> bool:
    if ident.use == Use.WRITE:
        return False
    if owner(node) != spawn.function:  # inside a func literal: a goroutine's one signal
        if signal.kind == "done":
            return _counted_done(types, spawn, signal, node)
        return contains(signal.node, node) and owner(node) == spawn.literal
    if _receive(node) is not None:
        return signal.kind in ("send", "close")
    method = _method(types, spawn.path, node.parent) if node.parent.type == "selector_expression" else None
    if method in WAITS:
        return True
    if signal.kind == "group":
        return method in GROUP_OTHER or (method == GROUP_GO and node.parent.parent.type == "call_expression")
    if signal.kind == "done" and method == WG_ADD:
        return _adds_one_before_go(types, spawn, signal, node.parent.parent) is not None
    return False


def _counted_done(types: TypeInfo, spawn: Spawn, signal: Signal, node: Node) -> bool:
    """The Done of a goroutine whose go statement follows `wg.Add(1)`: each Done matches one Add."""
    literal = owner(node)
    go = literal.parent.parent if literal.type == "func_literal" and literal.parent.type == "call_expression" else None
    if go is None or go.type != "go_statement":
        return False
    before = go.prev_named_sibling
    while before is not None and before.type == "comment":
        before = before.prev_named_sibling
    if before is None or before.type != "expression_statement" or before.named_children[0].type != "call_expression":
        return False
    counted = _adds_one_before_go(types, spawn, signal, before.named_children[0])
    return counted is not None and contains(counted.node, node)


def _adds_one_before_go(types: TypeInfo, spawn: Spawn, signal: Signal, call: Node) -> Signal | None:
    """The Done signal of the goroutine a `wg.Add(1)` statement directly precedes, if that is what it is."""
    function, args = call.child_by_field_name("function"), call.child_by_field_name("arguments").named_children
    if function.type != "selector_expression" or _method(types, spawn.path, function) != WG_ADD:
        return None
    wg = _local(types, spawn.path, function.child_by_field_name("operand"))
    if (
        wg is None
        or wg.obj != signal.obj
        or [a.text for a in args] != [b"1"]
        or call.parent.type != "expression_statement"
    ):
        return None
    after = call.parent.next_named_sibling
    while after is not None and after.type == "comment":
        after = after.next_named_sibling
    literal = (
        after.named_children[0].child_by_field_name("function") if after and after.type == "go_statement" else None
    )
    if literal is None or literal.type != "func_literal":
        return None
    other = _signal(types, Spawn(spawn.path, spawn.function, literal, after), "")
    return other if isinstance(other, Signal) and other.obj == signal.obj and other.kind == "done" else None


# --- the function's side: a wait on every path from the go statement to the write ---------


def _waits(types: TypeInfo, spawn: Spawn, signal: Signal) -> list[Node]:
    """Statements of the function (not of a literal) that wait for the signal before anything else."""
    found = []
    for ident in types.idents.get(spawn.path, ()):
        if ident.obj != signal.obj or ident.use == Use.DECL:
            continue
        node = spawn.function.named_descendant_for_byte_range(ident.start, ident.end)
        if node is None or owner(node) != spawn.function:
            continue
        if signal.kind in ("send", "close"):
            waiting = _receive(node)
        elif node.parent.type == "selector_expression" and _method(types, spawn.path, node.parent) in WAITS:
            waiting = node.parent.parent
        else:
            waiting = None
        stmt = _statement_of(waiting) if waiting is not None else None
        if stmt is not None:
            found.append(stmt)
    return found


def _receive(node: Node) -> Node | None:
    """The `<-ch` expression whose operand is node, or None."""
    parent = node.parent
    if parent.type == "unary_expression" and parent.child(0).type == "<-":
        return parent
    return None


def _statement_of(expr: Node) -> Node | None:
    """The block statement that evaluates expr first: `expr`, `v := expr`, `v = expr`, `if v := expr; …`."""
    stmt = expr.parent
    if stmt.type == "expression_list":
        if len(stmt.named_children) != 1:
            return None
        stmt = stmt.parent
        if stmt.type not in ("short_var_declaration", "assignment_statement"):
            return None
    elif stmt.type != "expression_statement":
        return None
    if stmt.parent.type == "if_statement" and stmt.parent.child_by_field_name("initializer") == stmt:
        stmt = stmt.parent
    return stmt if stmt.parent is not None and stmt.parent.type == "statement_list" else None


def _not_ordering(spawn: Spawn, wait: Node, write: int) -> str | None:
    """Why `wait` may not lie on every path from the go statement to the write at byte `write`."""
    start = next((a for a in [spawn.statement, *ancestors(spawn.statement)] if a.parent == wait.parent), None)
    where = f"line {wait.start_point.row + 1}"
    if start is None or start.start_byte >= wait.start_byte:
        return f"the wait at {where} is in a branch, case or loop of its own, not on every path from the go statement"
    if start.start_byte <= write < wait.start_byte:
        line = spawn.function.named_descendant_for_byte_range(write, write).start_point.row + 1
        return f"the write at line {line} can come before the wait at {where}"
    region = [start]
    sibling = start.next_named_sibling
    while sibling is not None and sibling != wait:
        region.append(sibling)
        sibling = sibling.next_named_sibling
    for node in region:
        jump = _escaping_jump(node, region)
        if jump is not None:
            kind = jump.type.removesuffix("_statement").replace("_", " ")
            return f"a {kind} at line {jump.start_point.row + 1} can skip the wait at {where}"
    return None


def _escaping_jump(node: Node, region: list[Node]) -> Node | None:
    """A return, goto, label, panic, or a break/continue leaving the region, below node (not in func literals)."""
    for jump in walk(node, skip=lambda n: n.type == "func_literal"):
        panics = jump.type == "call_expression" and jump.child_by_field_name("function").text == b"panic"
        if jump.type not in JUMPS and not panics:
            continue
        if jump.type in ("break_statement", "continue_statement") and jump.named_child_count == 0:
            targets = ("for_statement",) if jump.type == "continue_statement" else BREAKABLE
            target = next((a for a in ancestors(jump) if a.type in targets or a.type in FUNCTIONS), None)
            if target is not None and target.type not in FUNCTIONS and any(contains(r, target) for r in region):
                continue
        return jump
    return None


# --- small helpers -----------------------------------------------------------------------


def _method(types: TypeInfo, path: str, selector: Node) -> tuple[str, str, str] | None:
    """The method a selector names, by package path, receiver type and name; None if not a method."""
    field = selector.child_by_field_name("field")
    ident = types.at(path, field.start_byte) if field is not None else None
    if ident is None or ident.kind != Kind.METHOD or ident.pkg is None:
        return None
    return ident.pkg, ident.recv or "", ident.name


def _local(types: TypeInfo, path: str, node: Node | None) -> Ident | None:
    """The local variable node names (an identifier), or None."""
    if node is None or node.type != "identifier":
        return None
    ident = types.at(path, node.start_byte)
    if ident is None or ident.obj is None or ident.kind not in (Kind.VAR, Kind.PARAM) or not ident.local:
        return None
    return ident


def _loop(node: Node, function: Node) -> Node | None:
    """The innermost for statement around node inside function."""
    for a in ancestors(node):
        if a == function:
            return None
        if a.type == "for_statement":
            return a
    return None
