"""Fan-in: a later loop that receives once an iteration waits for one goroutine an iteration.

`for _, u := range urls { go func() { …; results <- r }() }` then `for range urls { all = append(all,
<-results) }`: each goroutine sends once on the channel made before the loops, as its last act, and
nothing else sends on it (happens_before.py). A later loop of the same block that runs as many times
(trips.py: a range over the same count, a counted loop, a countdown, a bound defined once; or at least as
many: `for len(out) < len(urls)` filling an empty out by one append an iteration, fill_loops.py) and
receives once an iteration, in one of its own statements it cannot skip, completes as many receives
as there are sends, each paired with a distinct one, so every goroutine has sent, after its reads.
No break, goto or labelled jump leaves the loop, and a continue of it comes only after the receive
(the iteration has received by then; the post statement still runs). A return ends the function.
"""

from __future__ import annotations

from gorewrite.fill_loops import filling
from gorewrite.launch_counts import counted
from gorewrite.rulekit import owner
from gorewrite.spawns import Signal, Spawn
from gorewrite.syntax import Node, contains, walk
from gorewrite.terminating import jump_target
from gorewrite.trips import mismatch
from gorewrite.typeinfo import TypeInfo
from gorewrite.waits import Wait, evaluating_statement, leaving, receive_of, selected


def receiving_loops(types: TypeInfo, spawn: Spawn, signal: Signal, sending: Node) -> list[Wait]:
    """The later loops of the sending loop's block, as long, whose body receives from the channel (or
    one of the group's) once an iteration and cannot skip it."""
    return [wait for wait, why in _candidates(types, spawn, signal, sending) if why is None]


def not_received(types: TypeInfo, spawn: Spawn, signal: Signal, sending: Node) -> str:
    """Why no later loop waits for the goroutines the sending loop starts."""
    reasons = [why for _, why in _candidates(types, spawn, signal, sending) if why]
    line = sending.start_point.row + 1
    if reasons:
        return reasons[0]
    return (
        f"no later loop of the block of the loop starting the goroutines (line {line}) receives from "
        f"{signal.name} in a statement of its own body, as a statement or in a select whose other cases return"
    )


def _candidates(types: TypeInfo, spawn: Spawn, signal: Signal, sending: Node) -> list[tuple[Wait, str | None]]:
    """Each later loop of the sending loop's block with a receive from the channel in a statement of its
    body, and why it does not wait for every goroutine (None when it does)."""
    receives = []  # every `<-ch` of the function (of any channel the goroutine's ending sends use)
    for ident in types.idents.get(spawn.path, ()):
        mine = ident.obj in (signal.group or (signal.obj,))
        node = spawn.function.named_descendant_for_byte_range(ident.start, ident.end) if mine else None
        receive = receive_of(node) if node is not None else None
        if receive is not None and owner(receive) == spawn.function:
            receives.append(receive)
    found = []
    for receive in receives:
        chosen = selected(types, spawn.path, receive, signal)  # each iteration receives or returns
        stmt = evaluating_statement(types, spawn.path, receive) or (chosen.node if chosen is not None else None)
        select = _select_of(receive) if stmt is None else None
        held = stmt or select
        loop = held.parent.parent.parent if held is not None and held.parent.parent.type == "block" else None
        labelled = loop is not None and loop.parent.type == "labeled_statement"
        if (
            loop is None
            or loop.type != "for_statement"
            or (loop.parent if not labelled else loop.parent.parent) != sending.parent
        ):
            continue
        if loop.start_byte < sending.end_byte:
            continue
        if labelled:
            line = loop.start_point.row + 1
            why = f"the loop at line {line} is labelled: a labelled break or continue may leave it before every receive"
        elif select is not None:
            line = select.start_point.row + 1
            why = (
                f"the select at line {line} is no wait: it has a `default`, or a case that goes on without "
                f"receiving from {signal.name} (neither a return nor a receive of it)"
            )
        else:
            why = _why(types, spawn, receives, receive, stmt, loop, sending)
        found.append((Wait(loop, ()), why))
    return found


def _why(types, spawn, receives, receive, stmt, loop, sending) -> str | None:
    """Why the loop may run fewer receives than the sending loop started goroutines; None when it cannot."""
    where = f"the loop at line {loop.start_point.row + 1}"
    body = loop.child_by_field_name("body")
    jump = leaving(body, loop)
    if jump is not None:
        kind = jump.type.removesuffix("_statement")
        return f"{where} can be left by the {kind} at line {jump.start_point.row + 1} before every receive"
    inside = walk(body, skip=lambda n: n.type == "func_literal")
    continues = (n for n in inside if n.type == "continue_statement" and n.start_byte < receive.end_byte)
    early = next((n for n in continues if jump_target(n) == loop), None)
    if early is not None:
        return f"{where} has a continue at line {early.start_point.row + 1} before its receive"
    if not _once([r for r in receives if contains(loop, r)], stmt):
        return f"{where} receives more than once an iteration"
    if counted(types, spawn.path, spawn.function, spawn.statement, loop):  # `n++; go …`, `i < n`
        return None
    filled = filling(types, spawn.path, spawn.function, loop)  # `for len(out) < len(urls)`: at least as many
    differs = mismatch(types, spawn.path, spawn.function, sending, loop, filled)
    if differs:
        return f"{where} is not proven to run as many times as the loop starting the goroutines: {differs}"
    return None


def _select_of(receive: Node) -> Node | None:
    """The select statement whose case receives by `receive`, when that is its case's communication."""
    case = receive.parent.parent if receive.parent.type == "receive_statement" else None
    return case.parent if case is not None and case.type == "communication_case" else None


def _once(inside: list[Node], stmt: Node) -> bool:
    """Does each run of stmt receive once: the loop's one receive, or (a select) its cases' own receives,
    of which one runs (`case v := <-vals: … case err := <-errc: …`), and no other receive in the loop?"""
    if stmt.type != "select_statement":
        return len(inside) == 1
    return all(r.parent.type == "receive_statement" and r.parent.parent.parent == stmt for r in inside)
