"""Writes a deferred func literal makes at the function's exit (`defer func() { seed = "" }()`), and
whether the goroutines reading the variable are done by then.

A deferred call runs when the function exits: on a return, after every statement it ran; but also on a
panic (recovered here, by a deferred recover, or by any caller, the program goes on) and on
runtime.Goexit. So the write is ordered after the goroutine's reads only when nothing can exit the
function between the go statement and the Wait that waits for it: the goroutine signals by `defer
wg.Done()` (happens_before.py proves that Wait orders a write at the function's end and that an Add
counts the goroutine), and the statements of the function's body from the one holding the go
statement up to the first `wg.Wait()` statement of that body after it can neither return nor panic
nor call anything (unexiting.py).
"""

from __future__ import annotations

from gorewrite.adds import counted_done
from gorewrite.rulekit import owner
from gorewrite.signals import goroutine_signal
from gorewrite.spawns import WG_WAIT, Spawn, call_on
from gorewrite.syntax import Node, ancestors, call_args, statements, unparen
from gorewrite.typeinfo import TypeInfo
from gorewrite.unexiting import may_exit


def deferred_writer(literal: Node, function: Node) -> bool:
    """Is the literal the function of `defer func() {…}()`, a statement of the function's own code?"""
    call = literal.parent
    stmt = call.parent if call is not None and call.type == "call_expression" else None
    return (
        stmt is not None
        and stmt.type == "defer_statement"
        and unparen(call.child_by_field_name("function")) == literal
        and not call_args(call)
        and owner(stmt) == function
    )


def exits_early(types: TypeInfo, spawn: Spawn, name: str) -> str | None:
    """Why the function may exit, running its deferred writes of name, before the goroutine is done."""
    if spawn.statement.type != "go_statement":
        return "only a go statement's goroutine is proven done at the function's exit"
    signal = goroutine_signal(types, spawn, name)
    if isinstance(signal, str) or signal.kind != "done" or not counted_done(types, spawn, signal, signal.node):
        return "the goroutine does not defer a counted wg.Done(), which a Wait before the function's exit waits for"
    own = statements(spawn.function.child_by_field_name("body"))
    top = next((a for a in [spawn.statement, *ancestors(spawn.statement)] if a in own), None)
    if top is None:
        return "the go statement is not in the function's own statements"
    region = []
    for stmt in own[own.index(top) :]:
        if call_on(types, spawn.path, stmt, WG_WAIT, signal.obj) is not None:
            break
        region.append(stmt)
    else:
        return f"no `{signal.name}.Wait()` statement of the function's body follows the go statement"
    for stmt in region:
        risky = may_exit(types, spawn.path, stmt)
        if risky is not None:
            line = risky.start_point.row + 1
            return (
                f"the statement at line {line}, between the go statement and {signal.name}.Wait(), may panic, "
                "return or call code that exits: the deferred write would run while the goroutine still reads"
            )
    return None
