"""Goroutines a goroutine starts and waits for itself before it signals: nested fan-out (signals.py asks).

    go func() {
        defer outer.Done()
        var inner sync.WaitGroup
        for j := range row {
            inner.Add(1)
            go func() { defer inner.Done(); row[j] *= scale }()
        }
        inner.Wait()
    }()

after_signal.py declines a go statement of the goroutine that names the variable: the inner goroutine
may read it after the outer one signals. Not this one: its reads come before its own signal (asked of
it as of any goroutine, by signals.py, so its own literals and goroutines are checked the same way),
a Done of a WaitGroup value declared in the outer body (not a pointer: `inner := &shared` may be
Done by anyone, and its Wait return early), counted by `inner.Add(1)` right before the go statement,
and named nowhere else but by one `inner.Wait()` among the outer body's own statements, after
the one holding the go statement. So each inner Done comes before that Wait returns, and the Wait before
the outer signal: a deferred one, or a last statement after the Wait.

The outer body must reach the Wait once it has started an inner goroutine: from the statement holding
the go statement to the Wait, nothing that may return, panic or run code (unexiting.py: go statements,
constant Adds, loops over named sequences), so no runtime.Goexit (t.FailNow, a func iterator) and no
panic runs the deferred Done early: unrecovered, a panic still runs the deferred calls before the
program ends, and the writer may run meanwhile. No goto in the body, and every defer of the body is a
WaitGroup's Done (none may recover).
"""

from __future__ import annotations

from collections.abc import Callable

from gorewrite.rulekit import uses_goto
from gorewrite.spawns import WG_ADD, WG_DONE, WG_WAIT, Signal, Spawn, call_on, method_of, previous
from gorewrite.syntax import Node, mentions, statements, unparen, walk
from gorewrite.typeinfo import TypeInfo, Use
from gorewrite.unexiting import may_exit


def waited(
    types: TypeInfo, spawn: Spawn, name: str, signal_of: Callable[[TypeInfo, Spawn, str], Signal | str]
) -> dict[int, int]:
    """The go statements of the goroutine's own code naming name whose goroutines it waits for itself, with
    the goroutines and func literals inside them (by node id: their signals proved them), each with where
    that wait ends: a signal after it orders their reads too."""
    body = spawn.literal.child_by_field_name("body")
    if uses_goto(spawn.literal) or not _defers_only_done(types, spawn.path, body):
        return {}
    found = {}
    for go in walk(body, skip=_literal):
        if go.type == "go_statement" and mentions(go, name.encode()):
            end = _waited_at(types, spawn, body, go, name, signal_of)
            if end is not None:
                found.update((n.id, end) for n in walk(go) if n.type in ("go_statement", "func_literal"))
    return found


def _waited_at(types: TypeInfo, spawn: Spawn, body: Node, go: Node, name: str, signal_of: Callable) -> int | None:
    """Where the outer body's own `inner.Wait()` ends when it waits for this go statement's goroutine."""
    literal = unparen(go.named_children[0].child_by_field_name("function"))
    if literal.type != "func_literal" or go.parent.type != "statement_list":
        return None
    inner = Spawn(spawn.path, spawn.literal, literal, go, spawn.unescaped, kept=spawn.kept)
    signal = signal_of(types, inner, name)
    if isinstance(signal, str) or signal.kind != "done" or signal.early or not _declared_in(signal.obj, body, literal):
        return None
    declared = next((i for i in types.idents.get(spawn.path, ()) if i.obj == signal.obj and i.use == Use.DECL), None)
    if declared is None or declared.type != "sync.WaitGroup":  # a pointer may be shared: others may Done it
        return None
    add = call_on(types, spawn.path, previous(go), WG_ADD, signal.obj)
    if add is None or types.value(spawn.path, *_span(add.child_by_field_name("arguments").named_children)) != 1:
        return None
    top = statements(body)
    holder = next((s for s in top if s.start_byte <= go.start_byte < s.end_byte), None)
    waits = [s for s in top if call_on(types, spawn.path, s, WG_WAIT, signal.obj) is not None]
    uses = types.uses(spawn.path, signal.obj)
    if holder is None or len(waits) != 1 or len(uses) != 3 or waits[0].start_byte < holder.end_byte:
        return None
    between = top[top.index(holder) : top.index(waits[0])]
    return waits[0].end_byte if all(may_exit(types, spawn.path, s) is None for s in between) else None


def _defers_only_done(types: TypeInfo, path: str, body: Node) -> bool:
    """Is every defer of the body's own code a WaitGroup's Done (no deferred function that may recover)?"""
    for node in walk(body, skip=_literal):
        if node.type != "defer_statement":
            continue
        call = node.named_children[0]
        function = call.child_by_field_name("function") if call.type == "call_expression" else None
        if function is None or function.type != "selector_expression" or method_of(types, path, function) != WG_DONE:
            return False
    return True


def _declared_in(obj: str, body: Node, literal: Node) -> bool:
    """Is the object (`<file>:<offset>`, a local) declared in the outer body, outside the inner literal?"""
    offset = obj.rsplit(":", 1)[-1]
    at = int(offset) if offset.isdigit() else -1
    return body.start_byte <= at < body.end_byte and not literal.start_byte <= at < literal.end_byte


def _span(args: list[Node]) -> tuple[int, int]:
    """The byte range of a call's one argument (an empty range when it has another count)."""
    return (args[0].start_byte, args[0].end_byte) if len(args) == 1 else (0, 0)


def _literal(node: Node) -> bool:
    """Passed over when walking the body's own code: what a func literal in it does is its own."""
    return node.type == "func_literal"
