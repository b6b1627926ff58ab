"""A helper goroutine that waits for the workers, then signals the function: the pipeline's closer.

    for _, u := range urls {
        wg.Add(1)
        go func() { defer wg.Done(); results <- fetch(agent, u) }()
    }
    go func() { wg.Wait(); close(results) }()
    for r := range results { … }

Each Done is synchronized before the Wait it unblocks returns, in the helper; the Wait is
sequenced before the helper's close (or send), which is synchronized before the function's
receive that returns because of it. So when the helper is started after the worker on every path
(the worker's Add before it), its literal is exactly a wait for the worker's WaitGroup, group or
channel and one signal after it (`wg.Wait(); close(ch)`, `defer close(ch); wg.Wait()`, `errc <-
g.Wait()`, `werr = g.Wait(); close(ch)`), and the function waits for the helper's signal, every read the
worker makes precedes what follows that wait. happens_before.py asks the rest: the helper's channel signalled by it
alone, the function's wait on every path. Methods come from go/types, never from names.

The helper may feed the workers first, the pipeline's feeder and closer in one (`for _, j := range items { jobs <-
j }; close(jobs); wg.Wait(); close(errs)`): its code before the wait only delays it, and a return, panic or Goexit
there skips the signal, so the function's wait never ends (the WaitGroup's or channel's other uses are still
declined). Not with a deferred signal, which any return runs before the wait.
"""

from __future__ import annotations

from dataclasses import dataclass

from gorewrite import groups
from gorewrite.signals import goroutine_signal
from gorewrite.spawns import Signal, Spawn, method_of
from gorewrite.syntax import Node, call_args, items, statements, walk
from gorewrite.trips import local
from gorewrite.typeinfo import TypeInfo
from gorewrite.waits import WAITS, receive_of_unary


@dataclass(frozen=True)
class Relay:
    """A helper goroutine, its signal to the function, and its wait for the worker's signal."""

    spawn: Spawn
    signal: Signal
    wait: Node


def relays(types: TypeInfo, worker: Spawn, signal: Signal) -> list[Relay]:
    """The go statements of the function (not of its literals) that pass the worker's signal on."""
    found = []
    inside = walk(worker.function.child_by_field_name("body"), skip=lambda n: n.type == "func_literal")
    for go in (n for n in inside if n.type == "go_statement"):
        literal = go.named_children[0].child_by_field_name("function")
        if literal is None or literal.type != "func_literal" or literal == worker.literal:
            continue
        helper = Spawn(worker.path, worker.function, literal, go)
        passed = goroutine_signal(types, helper, "")
        if (
            not isinstance(passed, Signal)
            or passed.kind not in ("send", "close")
            or passed.obj == signal.obj
            or passed.others
        ):
            continue
        wait = _wait_of(types, helper, passed, signal)
        if wait is not None:
            found.append(Relay(helper, passed, wait))
    return found


def _wait_of(types: TypeInfo, helper: Spawn, passed: Signal, signal: Signal) -> Node | None:
    """The helper's wait for the worker's signal when its literal is that wait and its own signal alone:
    `wait; signal` (any code before the wait), `defer signal; wait` (not through a recovering literal) or
    `ch <- g.Wait()`; not `signal; wait`, whose signal lets the function on before the workers are done."""
    body = statements(helper.literal.child_by_field_name("body"))
    own = [s for s in body if s.start_byte <= passed.node.start_byte < s.end_byte]
    if len(own) != 1 or (own[0] != passed.node and own[0].named_children[0] != passed.node):
        return None  # the signal sits in a deferred func literal, which runs even after a recovered panic
    rest = [s for s in body if s != own[0]]
    if own[0].type != "defer_statement" and any(s.start_byte > own[0].start_byte for s in rest):
        return None  # `close(done); g.Wait()`: the signal comes first, so the function's wait orders nothing
    if not rest and passed.kind == "send":  # `errc <- g.Wait()`: the value is evaluated before the send
        value = passed.node.child_by_field_name("value")
        return value if _waits_for(types, helper.path, value, signal) else None
    if own[0].type != "defer_statement":  # `feed…; close(jobs); wg.Wait(); close(errs)`: a return skips the close
        rest = rest[-1:]
    expr = _evaluated(rest[0]) if len(rest) == 1 else None
    return expr if expr is not None and _waits_for(types, helper.path, expr, signal) else None


def _evaluated(statement: Node) -> Node | None:
    """The one expression a statement evaluates before the helper's signal: `e` as a statement, or `v = e` of one
    variable named alone (`_ = g.Wait()`, errcheck-clean; `werr = g.Wait()`, read by the function after it drains
    the results): the wait happens first, the assignment after it, and no other code runs; a write of the worker's
    variable there is a func literal's write, of the helper's channel another use of it, both declined elsewhere.
    Not `p.err = …` nor `errs[i] = …`, whose operands are evaluated before the wait."""
    if statement.type == "expression_statement":
        return statement.named_children[0]
    left, right = items(statement.child_by_field_name("left")), items(statement.child_by_field_name("right"))
    named = len(left) == 1 and left[0].type == "identifier"
    plain = statement.type == "assignment_statement" and statement.child_by_field_name("operator").text == b"="
    return right[0] if plain and named and len(right) == 1 else None


def _waits_for(types: TypeInfo, path: str, expr: Node, signal: Signal) -> bool:
    """Is expr `wg.Wait()` / `g.Wait()` on the worker's WaitGroup or group, or `<-ch` on its channel?"""
    if signal.kind in ("send", "close"):
        operand = expr.child_by_field_name("operand") if receive_of_unary(expr) else None
    elif expr.type == "call_expression" and not call_args(expr):
        function = expr.child_by_field_name("function")
        waits = function.type == "selector_expression" and method_of(types, path, function) in WAITS
        operand = function.child_by_field_name("operand") if waits else None
    else:
        operand = None
    variable = groups.group(types, path, operand) if signal.kind in ("done", "group") else local(types, path, operand)
    return variable is not None and variable.obj == signal.obj
