"""Several goroutines started one after another that share one channel (`go copy(a, b)`; `go copy(b,
a)`; `errors.Join(<-done, <-done)`): the function waits for all of them by receiving as often.

Each of the k go statements of one block sends at most once on the channel, as its last act
(signals.py), and nothing else sends on it or closes it (happens_before checks every use). Every
completed receive pairs with a distinct send, so once k receives evaluated unconditionally by
statements after the last start have completed, every goroutine has sent, and each send is
synchronized before its receive completes. A select is not counted: one case runs. Objects come
from go/types, never from names.
"""

from __future__ import annotations

from gorewrite.signals import goroutine_signals
from gorewrite.spawns import Signal, Spawn
from gorewrite.typeinfo import TypeInfo
from gorewrite.waits import Wait, waits


def peer_senders(types: TypeInfo, spawn: Spawn, signal: Signal) -> list[tuple[Spawn, Signal]]:
    """The go statements of the spawn's block (spawn among them), in order, whose literal's goroutine
    ends by sending once on the signal's channel; only spawn when no other does."""
    found = []
    for stmt in spawn.statement.parent.named_children:
        call = stmt.named_children[0] if stmt.type == "go_statement" else None
        literal = call.child_by_field_name("function") if call is not None and call.type == "call_expression" else None
        if stmt != spawn.statement and (literal is None or literal.type != "func_literal"):
            continue
        peer = spawn if stmt == spawn.statement else Spawn(spawn.path, spawn.function, literal, stmt)
        given = [signal] if peer is spawn else goroutine_signals(types, peer, "")  # `defer wg.Done()` too
        given = [] if isinstance(given, str) else given
        sent = [s for s in given if s.kind == "send" and not s.others and s.obj == signal.obj]
        if sent:
            found.append((peer, sent[0]))
    return found


def counted_wait(types: TypeInfo, spawn: Spawn, signal: Signal, peers: list[tuple[Spawn, Signal]]) -> Wait | None:
    """The statement after the last peer's start, in their block, that completes the k-th receive from
    the channel, counting only receives a statement evaluates whenever it runs (not a select's)."""
    unconditional = [w for w in waits(types, spawn, signal, False) if w.node.type != "select_statement"]
    got, stmt = 0, peers[-1][0].statement.next_named_sibling
    while stmt is not None:
        here = [w for w in unconditional if w.node == stmt]
        got += len(here)
        if got >= len(peers):
            return here[-1]
        stmt = stmt.next_named_sibling
    return None
