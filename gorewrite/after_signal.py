"""Func literals a goroutine makes that may read a variable after it signals (signals.py asks).

Every statement of the goroutine's body runs before its signal (a Done deferred or last, sends that
end it), but a func literal it makes may run later: deferred before the signal, kept by a callee,
started as a goroutine. One that names the variable is declined unless it provably runs before the
signal: deferred after it (exempt: run last in, first out), or passed to a call of the body whose
callee keeps nothing of it (no toolchain reports it escaping).

A signal among the body's own statements with statements after it (`res <- v; log.Printf(…)`) is
one only when those statements name neither the variable nor the signalled object (trailing): they
may run after the write, and a func literal among them would too.
"""

from __future__ import annotations

from gorewrite.spawns import Signal, Spawn
from gorewrite.syntax import Node, ancestors, mentions, walk


def names_after(spawn: Spawn, body: Node, name: str, exempt: set[int]) -> str | None:
    """Why a func literal or goroutine the goroutine makes may read name after it signals: one naming
    it that is neither exempt (run before the signal) nor called before the signal."""
    nested = (
        n
        for n in walk(body)
        if n.type in ("go_statement", "func_literal")
        and n.id not in exempt
        and not _called_before_signal(spawn, n, body)
    )
    if name and any(mentions(n, name.encode()) for n in nested):  # `defer func() { <-sem }()` reads no name
        return f"the goroutine starts a goroutine or makes a func literal that may read {name} after it signals"
    return None


def _called_before_signal(spawn: Spawn, literal: Node, body: Node) -> bool:
    """A func literal passed to a call whose statement the goroutine runs before its signal
    (`sort.Slice(c, func(a, b int) bool { return (c[a] < c[b]) != desc })`), that every toolchain's
    compile says does not escape: the callee can neither keep it nor start it in a goroutine (either
    would move it to the heap), and the call's result is dropped, so it runs only inside that call.
    Not in a defer or go statement, nor in another func literal. A statement of the goroutine's body
    after a signal that is not its last is checked by `trailing` first, which declines any naming the
    variable, so a literal that reaches here runs before the signal or reads nothing copied."""
    call = literal.parent.parent if literal.parent is not None else None
    if literal.start_byte not in spawn.unescaped or call is None or literal.parent.type != "argument_list":
        return False
    if call.type != "call_expression" or call.parent.type != "expression_statement":
        return False
    around = ancestors(call)
    for node in around:
        if node == body:
            return True
        if node.type in ("defer_statement", "go_statement", "func_literal"):
            return False
    return False


def trailing(before: list[Node], signal_at: Node, after: list[Node], signal: Signal, name: str) -> str | None:
    """Why a signal among the goroutine's own statements, with statements after it, is not its signal
    for name: a return before it skips it; a statement after it names name (it may read it after the
    write) or the signalled object (`res <- a; res <- b`: a receive may pair with the second send)."""
    line = signal_at.start_point.row + 1
    root = signal.name.split(".")[0].encode()
    for stmt in after:
        if name and mentions(stmt, name.encode()):
            where = stmt.start_point.row + 1
            return (
                f"the statement at line {where}, after the goroutine's signal at line {line}, names {name}: "
                "it may read it after the write"
            )
        if mentions(stmt, root):
            return f"the goroutine uses {signal.name} again after its signal at line {line}"
    early = next((n for s in before for n in walk(s, skip=_literal) if n.type == "return_statement"), None)
    if early is not None:
        return f"the goroutine may return at line {early.start_point.row + 1}, before its signal at line {line}"
    return None


def _literal(node: Node) -> bool:
    return node.type == "func_literal"
