"""Happens-before: is every read a goroutine makes ordered before a later write in the function that started it?

A write after a `go` statement is invisible to the goroutine when the Go memory model orders it
after the goroutine's last read: the goroutine calls `wg.Done()`, sends on or closes a channel
after that read, and the function waits (`wg.Wait()`, a receive) on every path from the `go`
statement to the write; or the literal runs under `errgroup.Group.Go` and the function calls
`Wait`. Anything else (a `select`, a jump past the wait, a second signaller, a WaitGroup counted
any other way) is not proven, and the answer is the reason. Objects and methods come from
go/types (`Ident.obj`, `Ident.pkg`, `Ident.recv`), never from names. Shared by the rules that ask (DESIGN.md §5).
The goroutine's side (its signal, and the Add that counts it) is signals.py; this is the function's side.
"""

from __future__ import annotations

from gorewrite.rulekit import FUNCTIONS, owner
from gorewrite.signals import (
    GROUP_GO,
    WG_ADD,
    Signal,
    Spawn,
    counted,
    counted_done,
    goroutine_signal,
    innermost_loop,
    method_of,
    one_go,
    same_iterations,
)
from gorewrite.syntax import Node, ancestors, contains, walk
from gorewrite.typeinfo import Ident, Kind, TypeInfo, Use

WAITS = (("sync", "WaitGroup", "Wait"), ("golang.org/x/sync/errgroup", "Group", "Wait"))
GROUP_OTHER = (("golang.org/x/sync/errgroup", "Group", "SetLimit"),)
BREAKABLE = ("for_statement", "expression_switch_statement", "type_switch_statement", "select_statement")
# expressions whose operands are all evaluated when they are (a func literal's body is not)
UNCONDITIONAL = (
    "expression_list",
    "argument_list",
    "call_expression",
    "binary_expression",
    "unary_expression",
    "parenthesized_expression",
    "selector_expression",
    "index_expression",
    "slice_expression",
    "composite_literal",
    "literal_value",
    "literal_element",
    "keyed_element",
    "type_conversion_expression",
    "type_assertion_expression",
)
EVALUATING = ("expression_statement", "assignment_statement", "short_var_declaration", "send_statement")
JUMPS = ("return_statement", "goto_statement", "labeled_statement", "break_statement", "continue_statement")


def unordered(types: TypeInfo, spawn: Spawn, name: str, writes: list[int]) -> str | None:
    """Why a write (byte offsets) of `name` may not be ordered after the goroutine's reads; None when all are."""
    signal = goroutine_signal(types, spawn, name)
    if isinstance(signal, str):
        return signal
    if signal.kind == "done" and not counted_done(types, spawn, signal, signal.node):
        return (
            f"no {signal.name}.Add counts the goroutine (Add(1) before its go statement in its block, or "
            "Add(len(xs)) before a loop over xs, `range xs` or `for i := 0; i < len(xs); i++`, starting one "
            "goroutine an iteration): Wait may not wait for it"
        )
    problem = _signals_only_here(types, spawn, signal)
    if problem:
        return problem
    waits = _waits(types, spawn, signal)
    if not waits:
        return (
            f"the function never waits for {signal.name} as a statement (not in a select or an expression), nor, "
            "for one channel the loop's goroutines share, in a later loop as long (range or counted) that receives "
            "once an iteration and never breaks"
        )
    for write in writes:
        reasons = [_not_ordering(spawn, wait, write) for wait in waits]
        if all(reasons):
            return reasons[0]
    return None


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
            if signal.kind in ("send", "close") and not _made_here(spawn, node) and not _fanned_in(spawn, signal, node):
                return (
                    f"{signal.name} is not made by make() in the goroutine's loop iteration, nor before a range loop "
                    "whose one goroutine an iteration sends on it"
                )
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
    iteration = innermost_loop(spawn.statement, spawn.function)
    return _made(spawn, decl) and innermost_loop(decl, spawn.function) == iteration


def _made(spawn: Spawn, decl: Node) -> bool:
    """A channel declared by `ch := make(…)` in the function."""
    stmt = decl.parent.parent if decl.parent is not None else None
    if (
        stmt is None
        or stmt.type != "short_var_declaration"
        or len(stmt.child_by_field_name("left").named_children) != 1
    ):
        return False
    right = stmt.child_by_field_name("right").named_children
    made = len(right) == 1 and right[0].type == "call_expression" and right[0].child(0).text == b"make"
    return made and owner(decl) == spawn.function


def _fanned_in(spawn: Spawn, signal: Signal, decl: Node) -> Node | None:
    """Fan-in: the range loop that starts the goroutine, one an iteration, each sending once on a
    channel made before the loop (`ch := make(…)`); a later loop of as many iterations receiving
    once each (_receiving_loops) then waits for every one of them. None for any other channel."""
    loop = innermost_loop(spawn.statement, spawn.function)
    if signal.kind != "send" or loop is None or one_go(loop, spawn.function) != spawn.statement:
        return None
    return loop if _made(spawn, decl) and decl.end_byte <= loop.start_byte else None


def _allowed_use(types: TypeInfo, spawn: Spawn, signal: Signal, node: Node, ident: Ident) -> bool:
    if ident.use == Use.WRITE:
        return False
    if owner(node) != spawn.function:  # inside a func literal: a goroutine's one signal
        if signal.kind == "done":
            return counted_done(types, spawn, signal, node)
        return contains(signal.node, node)  # the goroutine's own send or close
    if _receive(node) is not None:
        return signal.kind in ("send", "close")
    method = method_of(types, spawn.path, node.parent) if node.parent.type == "selector_expression" else None
    if method in WAITS:
        return True
    if signal.kind == "group":
        return method in GROUP_OTHER or (method in GROUP_GO and node.parent.parent.type == "call_expression")
    if signal.kind == "done" and method == WG_ADD:
        return bool(counted(types, spawn, signal, node.parent.parent))
    return False


# --- the function's side: a wait on every path from the go statement to the write ---------


def _waits(types: TypeInfo, spawn: Spawn, signal: Signal) -> list[Node]:
    """Statements of the function (not of a literal) that wait for the signal before anything else."""
    idents = [i for i in types.idents.get(spawn.path, ()) if i.obj == signal.obj]
    decl = next((i for i in idents if i.use == Use.DECL), None)
    decl_node = spawn.function.named_descendant_for_byte_range(decl.start, decl.end) if decl else None
    if signal.kind == "send" and decl_node is not None and not _made_here(spawn, decl_node):
        sending = _fanned_in(spawn, signal, decl_node)  # one channel for all: only a loop receiving from each waits
        return _receiving_loops(types, spawn, signal, sending) if sending is not None else []
    found = []
    for ident in idents:
        if ident.use == Use.DECL:
            continue
        node = spawn.function.named_descendant_for_byte_range(ident.start, ident.end)
        if node is None or owner(node) != spawn.function:
            continue
        if signal.kind in ("send", "close"):
            waiting = _receive(node)
        elif node.parent.type == "selector_expression" and method_of(types, spawn.path, node.parent) in WAITS:
            waiting = node.parent.parent
        else:
            waiting = None
        stmt = _statement_of(waiting) if waiting is not None else None
        if stmt is not None:
            found.append(stmt)
    return found


def _receiving_loops(types: TypeInfo, spawn: Spawn, signal: Signal, sending: Node) -> list[Node]:
    """The later loops of the sending loop's block, as long (trips.py), whose body receives from the
    channel once, in one of its own statements, and cannot skip it (no break, continue or goto)."""
    receives = []  # every `<-ch` of the function
    for ident in types.idents.get(spawn.path, ()):
        node = (
            spawn.function.named_descendant_for_byte_range(ident.start, ident.end) if ident.obj == signal.obj else None
        )
        receive = _receive(node) if node is not None else None
        if receive is not None and owner(receive) == spawn.function:
            receives.append(receive)
    found = []
    for receive in receives:
        stmt = _evaluating_statement(receive)
        loop = stmt.parent.parent.parent if stmt is not None and stmt.parent.parent.type == "block" else None
        if loop is None or loop.type != "for_statement" or loop.parent != sending.parent:
            continue
        inside = walk(loop.child_by_field_name("body"), skip=lambda n: n.type == "func_literal")
        jumps = any(n.type in ("break_statement", "continue_statement", "goto_statement") for n in inside)
        once = sum(contains(loop, r) for r in receives) == 1
        if once and not jumps and sending.end_byte <= loop.start_byte and same_iterations(types, spawn, sending, loop):
            found.append(loop)
    return found


def _evaluating_statement(expr: Node) -> Node | None:
    """The block statement that evaluates expr whenever it runs: expr in an operand, argument, index or
    element of the statement's expressions (`all = append(all, <-ch)`), not under `&&`/`||`."""
    node = expr
    while node.parent is not None and node.parent.type in UNCONDITIONAL:
        if node.parent.type == "binary_expression" and node.parent.child_by_field_name("operator").type in ("&&", "||"):
            return None
        node = node.parent
    stmt = node.parent
    if stmt is None or stmt.type not in EVALUATING or stmt.parent is None:
        return None
    if stmt.parent.type == "if_statement" and stmt.parent.child_by_field_name("initializer") == stmt:
        stmt = stmt.parent  # `if v := <-ch; …`: the initializer runs first
    return stmt if stmt.parent is not None and stmt.parent.type == "statement_list" else None


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
