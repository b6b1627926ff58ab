"""Func literals a goroutine makes that may read a variable after it signals (signals.py asks).

Every statement of the goroutine's body runs before its signal (a Done deferred or last, sends that
end it), but a func literal it makes may run later: deferred before the signal, kept by a callee,
started as a goroutine. One that names the variable is declined unless it provably runs before the
signal: deferred after it (exempt: run last in, first out), called where it stands (`v := func()
int {…}()`), or passed to a call of the body whose callee keeps nothing of it (no toolchain reports it
escaping), its result dropped or used alike.

A signal among the body's own statements with statements after it (`res <- v; log.Printf(…)`) is
one only when those statements name neither the variable nor the signalled object (trailing): they
may run after the write, and a func literal among them would too.
"""

from __future__ import annotations

from gorewrite.spawns import Signal, Spawn
from gorewrite.syntax import Node, ancestors, held, items, mentions, walk


def names_after(spawn: Spawn, body: Node, name: str, exempt: set[int]) -> str | None:
    """Why a func literal or goroutine the goroutine makes may read name after it signals: one naming it
    that is neither exempt (run before the signal) nor called before the signal, by line."""
    if not name:  # `defer func() { <-sem }()` reads no name
        return None
    for node in walk(body):
        if node.type not in ("go_statement", "func_literal") or node.id in exempt or not mentions(node, name.encode()):
            continue
        line = node.start_point.row + 1
        if node.type == "go_statement":
            return f"the goroutine starts a goroutine at line {line} that may read {name} after it signals"
        late = _late(spawn, node, body)
        if late:
            return f"the goroutine makes a func literal at line {line} that may read {name} after it signals: {late}"
    return None


def _late(spawn: Spawn, literal: Node, body: Node) -> str | None:
    """Why a func literal of the goroutine's body may run after its signal, or None when it runs only
    inside a call the body makes before it (`n := strings.IndexFunc(line, func(r rune) bool { return r ==
    sep })`, `sort.Slice(c, func…)`): passed to that call, not in a defer or go statement nor in another
    func literal, and in spawn.unescaped, that is no toolchain reports it escaping and the callee's
    parameter keeps nothing of it under every toolchain (`f does not escape`): a callee that stored it,
    started it in a goroutine, or returned it or anything holding it (`g := wrap(func…)`, then `g()`
    after the signal) would leak the parameter (to the heap or to its result), so it cannot be called
    once the call returns, whatever the call's result is used for. A statement of the goroutine's body
    after a signal that is not its last is checked by `trailing` first, which declines any naming the
    variable, so a literal that passes here runs before the signal or reads nothing copied."""
    makes = any(n.type in ("go_statement", "func_literal") and n != literal for n in walk(literal))
    for node in ancestors(literal):
        if node == body:
            break
        if node.type == "defer_statement" and makes:  # deferred after the signal's defer, it would be exempt
            return "it is deferred and makes a func literal or goroutine of its own, which may run after the signal"
        if node.type == "defer_statement":
            return "it is deferred or passed to a deferred call, which runs after the signal"
        if node.type == "go_statement":
            return "it is passed to a go statement, whose goroutine may run it at any time"
        if node.type == "func_literal":
            return "it is made inside another func literal, which may run it at any time"
    if _called_where_it_stands(literal) or held_and_called(literal, body) is not None:
        return None
    args = literal.parent
    if args is None or args.type != "argument_list" or args.parent.type != "call_expression":
        return "it is not an argument of a call, so it may be kept and called after the signal"
    if literal.start_byte not in spawn.unescaped:
        kept = dict(spawn.kept).get(literal.start_byte, "no toolchain's verdicts were read")
        return f"it may outlive the call: {kept}"
    return None


def _called_where_it_stands(literal: Node) -> bool:
    """`v := func() int { return x * 2 }()`, `(func() {…})()`: the literal is the function its call
    calls, so it runs then, to completion, before the statement after it; nothing keeps it. What it
    makes is checked on its own: a func literal inside it is made inside another, a go statement
    naming the variable is declined, and `&x` inside it is an address taken after the closure."""
    called, call = held(literal)
    return call is not None and call.type == "call_expression" and call.child_by_field_name("function") == called


def held_and_called(literal: Node, body: Node) -> bytes | None:
    """v of `v := func(c int64) bool {…}` in the goroutine's body when every other use of v there is a
    call `v(…)` the body makes itself (none in a defer or go statement or another func literal, none
    taking, passing, returning or assigning v): the value goes nowhere but those calls, so the literal
    runs only inside them, each done before the statement holding it ends, as a body statement's own
    code. (A call after the signal: `trailing` declines a statement naming v.) None when not such a v."""
    values = literal.parent
    holder = values.parent if values is not None and values.type == "expression_list" else None
    if holder is None or holder.type != "short_var_declaration" or holder.child_by_field_name("right") != values:
        return None
    left = items(holder.child_by_field_name("left"))
    if len(left) != 1 or len(items(values)) != 1 or left[0].type != "identifier" or left[0].text == b"_":
        return None
    for node in walk(body):
        if node.type != "identifier" or node.text != left[0].text or node == left[0]:
            continue
        if node.parent.type != "call_expression" or node.parent.child_by_field_name("function") != node:
            return None
        for outer in ancestors(node):
            if outer == body:
                break
            if outer.type in ("defer_statement", "go_statement", "func_literal"):
                return None
    return left[0].text


def trailing(before: list[Node], signal_at: Node, after: list[Node], signal: Signal, name: str) -> str | None:
    """Why a signal among the goroutine's own statements, with statements after it, is not its signal
    for name: a return before it skips it; a statement after it names name (it may read it after the
    write) or the signalled object (`res <- a; res <- b`: a receive may pair with the second send)."""
    line = signal_at.start_point.row + 1
    root = signal.name.split(".")[0].encode()
    holders = [h for h in (_holder(stmt, name) for stmt in before) if h]  # `audit := func() {… name …}`
    for stmt in after:
        named = next((n for n in [name.encode(), *holders] if name and mentions(stmt, n)), None)
        if named is not None:
            where = stmt.start_point.row + 1
            via = "" if named == name.encode() else f" (through {named.decode()}, a func literal reading it)"
            return (
                f"the statement at line {where}, after the goroutine's signal at line {line}, names {name}{via}: "
                "it may read it after the write"
            )
        if mentions(stmt, root):
            return f"the goroutine uses {signal.name} again after its signal at line {line}"
    early = next((n for s in before for n in walk(s, skip=_literal) if n.type == "return_statement"), None)
    if early is not None:
        return f"the goroutine may return at line {early.start_point.row + 1}, before its signal at line {line}"
    return None


def _holder(stmt: Node, name: str) -> bytes | None:
    """v of a statement `v := func…` whose literal names name (only its own list's: a nested one's
    scope ends before the signal)."""
    if stmt.type != "short_var_declaration" or not name:
        return None
    left, right = items(stmt.child_by_field_name("left")), items(stmt.child_by_field_name("right"))
    if len(left) != 1 or len(right) != 1 or right[0].type != "func_literal" or not mentions(right[0], name.encode()):
        return None
    return left[0].text


def _literal(node: Node) -> bool:
    return node.type == "func_literal"
