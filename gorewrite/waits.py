"""The function's side of happens-before: the statements that wait for a goroutine's signal, and
whether one lies on every path from the go statement to a write.

A wait is a statement of a block that holds the go statement, after it:

- a receive or a Wait as the statement (`<-ch`, `v := <-ch`, `if v := <-ch; …`, `wg.Wait()`), or a
  receive the statement evaluates unconditionally (`total += <-res + fee`);
- a `select` whose every case receives from the channel or ends in a terminating statement that no
  break, continue or goto leaves (the spec's notion, gorewrite/terminating.py): a path through
  another case leaves the function, and there is no `default` to go on without a receive;
- a `for … range ch` loop over a channel only the goroutine closes, which nothing but a return or
  panic leaves (no break of its own, no labelled jump, no goto): it ends only when a receive
  returns because ch is closed, and the close is synchronized before that receive; or a `for {`
  loop whose only break out of it is under `if !ok` after `v, ok := <-ch` (closed_loops.py);
- fan-in: a later loop as long that receives once an iteration (fan_in.py).

A write inside the wait statement comes after the wait only where the receive has completed: its
statement from the receive on, the names it assigns, a select's receiving case. A loop's body runs
before its last receive.
Objects and methods come from go/types, never from names.
"""

from __future__ import annotations

from dataclasses import dataclass

from gorewrite import groups, wait_calls
from gorewrite.closed_loops import closed_loop
from gorewrite.rulekit import owner
from gorewrite.spawns import Signal, Spawn, method_of
from gorewrite.syntax import Node, ancestors, contains, first_of, statements, unparen, walk
from gorewrite.terminating import jump_target, terminating
from gorewrite.typeinfo import TypeInfo

WAITS = (("sync", "WaitGroup", "Wait"), ("golang.org/x/sync/errgroup", "Group", "Wait"))
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
# unsafe's functions whose call is a constant: their operand is never evaluated (the spec, package unsafe).
UNSAFE_CONSTANTS = ("Sizeof", "Alignof", "Offsetof")
# Statements whose initializer runs before anything else of them: `if v := <-ch; …`, `switch v := <-ch; …`.
INITIALIZED = ("if_statement", "expression_switch_statement", "type_switch_statement")
EVALUATING = ("expression_statement", "assignment_statement", "short_var_declaration", "send_statement")
JUMPS = ("return_statement", "goto_statement", "labeled_statement", "break_statement", "continue_statement")


@dataclass(frozen=True)
class Wait:
    """A statement that waits, and the byte ranges inside it that run only once the wait has returned."""

    node: Node
    settled: tuple[tuple[int, int], ...]


def waits(types: TypeInfo, spawn: Spawn, signal: Signal, shared: bool) -> list[Wait]:
    """The function's statements that wait for one goroutine's signal. `shared`: others send on the
    channel it closes, so only a range loop, which the close alone ends, waits for it."""
    found = []
    for node in groups.nodes(types, spawn.path, spawn.function, signal.obj):  # `wg`, `p.wg`, `ch`
        if owner(node) != spawn.function:
            continue
        if signal.kind in ("send", "close"):
            wait = (_ranged(node) or _closed(types, spawn.path, node)) if signal.kind == "close" else None
            wait = wait or (received(types, spawn.path, node, signal) if not shared else None)
        else:
            wait = _waited(types, spawn.path, node)
        if wait is not None:
            found.append(wait)
    return found + (_wrapped(spawn, signal) if signal.kind in ("done", "group") else [])


def _wrapped(spawn: Spawn, signal: Signal) -> list[Wait]:
    """Calls of the package's helpers that end in Wait on the same storage (`t.wait()`, wait_calls.py)."""
    found = []
    for start, end, key, _ in spawn.through:
        call = spawn.function.named_descendant_for_byte_range(start, end)
        waits = key == signal.obj and call.type == "call_expression" and wait_calls.waiting(spawn, key, call) == ""
        wait = after_call(call) if waits else None
        if wait is not None and all(w.node != wait.node for w in found):
            found.append(wait)
    return found


def after_call(call: Node) -> Wait | None:
    """The wait a call of a helper that waits makes, as its statement: what the statement does after the
    call runs after the wait, the call's arguments before it."""
    stmt = statement_of(call)
    return Wait(stmt, after(stmt, call)) if stmt is not None else None


def _waited(types: TypeInfo, path: str, node: Node) -> Wait | None:
    """`wg.Wait()` or `g.Wait()` as the statement (`err := g.Wait()`, `if err := g.Wait(); …`), or returned
    among a return statement's values (`return out, g.Wait()`)."""
    waiting = node.parent.type == "selector_expression" and method_of(types, path, node.parent) in WAITS
    call = node.parent.parent if waiting else None
    stmt = (statement_of(call) or _returning(types, path, call)) if call is not None else None
    return Wait(stmt, after(stmt, call)) if stmt is not None else None


def _returning(types: TypeInfo, path: str, expr: Node) -> Node | None:
    """The return statement of a block that evaluates expr whenever it runs (`return out, g.Wait()`): it sets
    the named results after its values, so after a Done's or send's synchronization (https://go.dev/ref/mem)."""
    stmt = evaluating_statement(types, path, expr, returning=True)
    return stmt if stmt is not None and stmt.type == "return_statement" else None


def received(types: TypeInfo, path: str, node: Node, signal: Signal) -> Wait | None:
    """The wait a receive from the channel makes: its statement, or the select whose case it is. A
    statement that evaluates the receive whatever happens (`total += <-res + fee`, `out = append(out,
    <-done)`) completes it before it assigns, and before the calls after it, not those before it (after)."""
    receive = receive_of(node)
    stmt = evaluating_statement(types, path, receive, returning=True) if receive is not None else None
    if stmt is not None:
        return Wait(stmt, after(stmt, receive))
    return selected(types, path, receive, signal) if receive is not None else None


def after(stmt: Node, waiting: Node, end: int | None = None) -> tuple[tuple[int, int], ...]:
    """The byte ranges of stmt (on to `end`, else its end) that run only once `waiting`, the receive, Wait or
    waiting helper's call it evaluates, has returned: what follows it — Go runs calls and receives left to
    right, a call's arguments before it, so `n := st.Bump() + <-done` calls Bump, whose writes through &st
    count where st stands, before the receive; an if's initializer runs before its condition — and the left
    side of the assignment evaluating it, assigned last, unless it calls something (`errs[st.Slot()] =
    g.Wait()` calls Slot before the Wait)."""
    simple = next((a for a in ancestors(waiting) if a.type in EVALUATING and contains(stmt, a)), None)
    left = simple.child_by_field_name("left") if simple is not None else None
    rest = ((waiting.end_byte, stmt.end_byte if end is None else end),)
    if stmt.type == "return_statement":  # it assigns the named results once every value is evaluated (the spec):
        rest += ((stmt.start_byte, stmt.start_byte + 1),)  # its first byte, where a rule places that write
    if left is None or first_of(left, ("call_expression",)) is not None:
        return rest
    return ((left.start_byte, left.end_byte), *rest)


def selected(types: TypeInfo, path: str, receive: Node, signal: Signal) -> Wait | None:
    """The select, a statement of a block, whose case receives from the channel, when it waits: no
    `default`, and every other case receives from the channel too, terminates, or drains it (its
    statements from the drain on run after a receive)."""
    case = receive.parent.parent if receive.parent.type == "receive_statement" else None
    if case is None or case.type != "communication_case" or case.parent.parent.type != "statement_list":
        return None
    settled = []
    for other in case.parent.named_children:
        if other.type == "default_case":
            return None
        if other.type != "communication_case":
            continue
        drain = _drain(types, path, other, signal)
        if _receives_from(types, path, other.child_by_field_name("communication"), signal):
            settled.append((other.start_byte, other.end_byte))
        elif drain is not None:
            settled.extend(after(*drain, other.end_byte))
        elif not _terminates(types, path, other):
            return None
    return Wait(case.parent, tuple(settled))


def _drain(types: TypeInfo, path: str, case: Node, signal: Signal) -> tuple[Node, Node] | None:
    """A statement of the case's own list, and its receive (maybe in an if's condition), that receives from the
    channel whenever it runs (`case
    <-time.After(d): cancel(); total += <-done`), with nothing before it that could skip it: no break
    (it would leave the select), continue, goto, label or panic; a return ends the function."""
    body = statements(case)
    for at, stmt in enumerate(body):
        for node in walk(stmt, skip=lambda n: n.type == "func_literal"):
            if not receive_of_unary(node) or node.named_children[0].type != "identifier":
                continue
            found = types.at(path, node.named_children[0].start_byte)
            waited = evaluating_statement(types, path, node)
            if found is not None and found.obj in (signal.group or (signal.obj,)) and waited == stmt:
                earlier = body[:at]
                return (stmt, node) if not any(_escaping_jump(s, earlier) for s in earlier) else None
    return None


def _receives_from(types: TypeInfo, path: str, communication: Node, signal: Signal) -> bool:
    """Is the select case's communication a receive from the signalled channel (or, for ending sends on
    several channels, from any of them)?"""
    right = communication.child_by_field_name("right") if communication.type == "receive_statement" else None
    operand = right.child_by_field_name("operand") if right is not None and receive_of_unary(right) else None
    found = types.at(path, operand.start_byte) if operand is not None and operand.type == "identifier" else None
    return found is not None and found.obj in (signal.group or (signal.obj,))


def _terminates(types: TypeInfo, path: str, case: Node) -> bool:
    """Does the case never complete normally: its statements end in a terminating one, and no break,
    continue or goto leaves it (a break in a case leaves the select, not the loop around it)?"""
    body = statements(case)
    return bool(body) and terminating(types, path, body[-1]) and leaving(case, case) is None


def _ranged(node: Node) -> Wait | None:
    """`for … range ch` as a block statement that nothing but a return or panic leaves early."""
    clause = node.parent
    if clause.type != "range_clause" or clause.child_by_field_name("right") != node:
        return None
    loop = clause.parent
    if loop.parent.type != "statement_list" or leaving(loop.child_by_field_name("body"), loop) is not None:
        return None
    return Wait(loop, ())


def _closed(types: TypeInfo, path: str, node: Node) -> Wait | None:
    """A loop with no condition that ends only once ch is closed: `if !ok { break loop }` (closed_loops.py)."""
    loop = closed_loop(types, path, node)
    return Wait(loop, ()) if loop is not None else None


def leaving(node: Node, region: Node) -> Node | None:
    """A goto, labelled break or continue, or a break or continue below node whose target is not
    inside region (a continue of the loop region itself stays in it), not in func literals."""
    for jump in walk(node, skip=lambda n: n.type == "func_literal"):
        if jump.type == "goto_statement" or (jump.type in JUMPS[3:] and jump.named_child_count):
            return jump
        if jump.type not in JUMPS[3:]:
            continue
        target = jump_target(jump)
        if target is None or not contains(region, target):
            return jump
        if target == region and jump.type != "continue_statement":
            return jump
    return None


def evaluating_statement(types: TypeInfo, path: str, expr: Node, returning: bool = False) -> Node | None:
    """The block statement that evaluates expr whenever it runs: expr in an operand, argument, index or
    element of the statement's expressions (`all = append(all, <-ch)`; `returning`: of a return's values
    too, `return out, <-errc`) or of an if's condition (`if
    !<-ok {`: after its initializer, before either branch), not under `&&`/`||`, nor in a
    call of unsafe's Sizeof, Alignof or Offsetof, whose operand Go never evaluates (they are constants)."""
    node = expr
    while node.parent is not None and node.parent.type in UNCONDITIONAL:
        if node.parent.type == "binary_expression" and node.parent.child_by_field_name("operator").type in ("&&", "||"):
            return None
        if node.parent.type == "call_expression" and unevaluated(types, path, node.parent):
            return None
        node = node.parent
    stmt = node.parent
    if stmt is not None and stmt.type == "if_statement" and stmt.child_by_field_name("condition") == node:
        return stmt if stmt.parent.type == "statement_list" else None  # `if !<-ok {`: evaluated when the if runs
    kinds = (*EVALUATING, "return_statement") if returning else EVALUATING
    if stmt is None or stmt.type not in kinds or stmt.parent is None:
        return None
    return _in_block(stmt)


def unevaluated(types: TypeInfo, path: str, call: Node) -> bool:
    """Is the call unsafe.Sizeof, Alignof or Offsetof (also dot-imported), by go/types' builtin?"""
    function = unparen(call.child_by_field_name("function"))
    name = function.child_by_field_name("field") if function.type == "selector_expression" else function
    return name is not None and any(types.builtin(path, name.start_byte, b) for b in UNSAFE_CONSTANTS)


def receive_of(node: Node) -> Node | None:
    """The `<-ch` expression whose operand is node, or None."""
    return node.parent if receive_of_unary(node.parent) else None


def receive_of_unary(node: Node) -> bool:
    return node.type == "unary_expression" and node.child(0).type == "<-"


def statement_of(expr: Node) -> Node | None:
    """The block statement that evaluates expr first: `expr`, `v := expr`, `v = expr`, `if v := expr; …`,
    `switch v := expr; …`."""
    stmt = expr.parent
    if stmt.type == "expression_list":
        if len(stmt.named_children) != 1:
            return None
        stmt = stmt.parent
        if stmt.type not in ("short_var_declaration", "assignment_statement"):
            return None
    elif stmt.type != "expression_statement":
        return None
    return _in_block(stmt)


def _in_block(stmt: Node) -> Node | None:
    """The statement, or the if or switch it is the initializer of (`if v := <-ch; …`: it runs first),
    when that is a statement of a block."""
    if stmt.parent.type in INITIALIZED and stmt.parent.child_by_field_name("initializer") == stmt:
        stmt = stmt.parent
    return stmt if stmt.parent is not None and stmt.parent.type == "statement_list" else None


def after_none(spawn: Spawn, found: list[Wait], writes: list[int]) -> str | None:
    """Why some write (bytes) may come after none of the waits found: the first wait's reason for the
    first such write; None when each write has one of them on every path to it."""
    for write in writes:
        reasons = [not_ordering(spawn, w, write) for w in found]
        if all(reasons):
            return reasons[0]
    return None


def not_ordering(spawn: Spawn, wait: Wait, write: int) -> str | None:
    """Why `wait` may not lie on every path from the go statement to the write at byte `write`."""
    node = wait.node
    start = next((a for a in [spawn.statement, *ancestors(spawn.statement)] if a.parent == node.parent), None)
    where = f"line {node.start_point.row + 1}"
    if start is None or start.start_byte >= node.start_byte:
        return f"the wait at {where} is in a branch, case or loop of its own, not on every path from the go statement"
    settled = any(a <= write < b for a, b in wait.settled)
    if start.start_byte <= write < node.end_byte and not settled:
        line = spawn.function.named_descendant_for_byte_range(write, write).start_point.row + 1
        return f"the write at line {line} can come before the wait at {where} returns"
    region = [start]
    sibling = start.next_named_sibling
    while sibling is not None and sibling != node:
        region.append(sibling)
        sibling = sibling.next_named_sibling
    for stmt in region:
        jump = _escaping_jump(stmt, region)
        if jump is not None:
            kind = jump.type.removesuffix("_statement").replace("_", " ")
            return f"a {kind} at line {jump.start_point.row + 1} can skip the wait at {where}"
    return None


def _escaping_jump(node: Node, region: list[Node]) -> Node | None:
    """A goto, label, panic, or a break/continue leaving the region, below node (not in func literals).
    A return is none: it ends the function, whose statements then write nothing (a deferred call given its
    address and a named result are declined by the rule; a deferred literal that writes the variable is
    allowed only where exit_writes.py proves nothing between the go statement and its Wait can exit)."""
    for jump in walk(node, skip=lambda n: n.type == "func_literal"):
        panics = jump.type == "call_expression" and jump.child_by_field_name("function").text == b"panic"
        if (jump.type not in JUMPS and not panics) or jump.type == "return_statement":
            continue
        if jump.type in ("break_statement", "continue_statement") and jump.named_child_count == 0:
            target = jump_target(jump)
            if target is not None and any(contains(r, target) for r in region):
                continue
        return jump
    return None
