"""A worker pool fanned in per item: each item a worker takes is answered by one send, and the function
receives one answer for each item it fed before it writes.

    work, res := make(chan T), make(chan R)
    for w := 0; w < workers; w++ {
        go func() {
            for it := range work {          // every read of x is in this body
                res <- handle(it, &x)       // its last statement: an iteration that completes sends once
            }
        }()
    }
    go func() {
        for _, it := range items {
            work <- it                      // the one send on work: at most once an iteration
        }
        close(work)
    }()
    for range items {                       // as many iterations (trips.py), one receive of res each
        total += (<-res).n
    }
    x = next                                // ordered after every worker's reads

The memory model: a send is synchronized before the completion of its receive. Each worker iteration
takes a distinct item from work, and the one send on work (no other party: work and res are made here
and used only so) runs at most once an iteration of a loop that runs once (in no loop; in a goroutine
started by a go statement of the function's own, in no loop, with no goto in its literal), so there are at
most as many iterations as the feeding loop's trip count N. Res has one send, the last statement of the
range body (no func literal in it, which might run later), and no close, so every receive completes on a
send. A later loop on every path to the write (waits.after_none) evaluates a receive of res each
iteration, cannot be left or continued before it, and runs N times: when it first ends it has received N
answers, from N distinct iterations, so every iteration there is has sent, after its reads (a loop around
it may run it again, but nothing is left to answer then). The literal's
other statements name nothing of x. Fewer sends (a worker that panics, breaks or blocks) leave the loop
blocked, rewritten or not; more receivers elsewhere only make it wait longer. A goto in the function is
the closure rule's decline before any proof; one in a feeding goroutine (whose literal that check skips)
may run the feeding loop again, so it is declined here.
"""

from __future__ import annotations

from gorewrite import builtins
from gorewrite.rulekit import owner
from gorewrite.spawns import Spawn, innermost_loop, sent_on
from gorewrite.syntax import Node, first_of, items, mentions, statements, unparen, walk
from gorewrite.trips import local, mismatch, same, trip
from gorewrite.typeinfo import Ident, TypeInfo, Use
from gorewrite.waits import Wait, after_none, evaluating_statement, leaving, receive_of_unary


def unordered(types: TypeInfo, spawn: Spawn, name: str, writes: list[int], why: str) -> str | None:
    """Why a write (byte offsets) of name may not follow the reads of a worker answering each item it
    takes from a channel; `why` (the goroutine's missing signal) when the goroutine is no such worker."""
    worker = _worker(types, spawn, name)
    if worker is None:
        return why
    work, res, send = worker
    found = _fed_and_received(types, spawn, work, res, send)
    if isinstance(found, str):
        return f"{why}; it answers each item of {work.name} on {res.name}, but {found}"
    return after_none(spawn, [Wait(found, ())], writes)


def _worker(types: TypeInfo, spawn: Spawn, name: str) -> tuple[Ident, Ident, Node] | None:
    """The work and result channels and the answering send of `go func() { for it := range work { …;
    res <- v } }()`, the range loop the literal's one statement naming name; None for anything else."""
    naming = [s for s in statements(spawn.literal.child_by_field_name("body")) if mentions(s, name.encode())]
    loop = naming[0] if len(naming) == 1 and naming[0].type == "for_statement" else None
    clause = loop.named_children[0] if loop is not None else None
    if clause is None or clause.type != "range_clause":
        return None
    work = local(types, spawn.path, unparen(clause.child_by_field_name("right")))
    inner = loop.child_by_field_name("body")
    own = statements(inner)
    send = own[-1] if own and own[-1].type == "send_statement" else None
    res = local(types, spawn.path, unparen(send.child_by_field_name("channel"))) if send is not None else None
    # a func literal there may run after the send, called or started later
    if work is None or res is None or first_of(inner, ("func_literal",)) is not None:
        return None
    return work, res, send


def _fed_and_received(types: TypeInfo, spawn: Spawn, work: Ident, res: Ident, send: Node) -> Node | str:
    """The loop receiving one answer an iteration as often as the feeding loop sends on work, or why none."""
    works = _uses(types, spawn, work)
    answers = _uses(types, spawn, res)
    unmade = next((c for c in (work, res) if not _made(types, spawn, c)), None)
    if unmade is not None:
        return f"{unmade.name} is not a channel the function makes (`{unmade.name} := make(chan …)`)"
    sends = [n for n in works if sent_on(n)]
    other = [n for n in works if not (sent_on(n) or _received(n) or _ranged(n) or _closed(types, spawn, n))]
    if len(sends) != 1 or other:
        return f"{work.name} is sent on more than once, or used other than to send, receive or close"
    sent = unparen(send.child_by_field_name("channel")).start_byte
    if any(not _received(n) and n.start_byte != sent for n in answers):  # more receivers only wait longer
        return f"{res.name} is used other than by the worker's one send and receives (a close, another sender)"
    feeding = _feeding(spawn, sends[0].parent)
    if isinstance(feeding, str):
        return feeding
    loop, start = feeding
    found = [_receiving(types, spawn, loop, start, n.parent) for n in answers if _received(n)]
    proven = [f for f in found if not isinstance(f, str)]
    return (proven or found or [f"nothing receives from {res.name}"])[0]


def _uses(types: TypeInfo, spawn: Spawn, channel: Ident) -> list[Node]:
    """The identifiers naming the channel in the function (a local: nowhere else) but its declaration."""
    found = [i for i in types.idents.get(spawn.path, ()) if i.obj == channel.obj]
    return [spawn.function.named_descendant_for_byte_range(i.start, i.end) for i in found if i.use != Use.DECL]


def _made(types: TypeInfo, spawn: Spawn, channel: Ident) -> bool:
    """Is the channel declared in the function's text by `c := make(chan …)` (or one item of such a declaration)?
    Made in a literal of it (a worker queueing its own items) is as good: that literal's runs are the feeder's."""
    function = spawn.function
    decls = [i for i in types.idents.get(spawn.path, ()) if i.obj == channel.obj and i.use == Use.DECL]
    inside = len(decls) == 1 and function.start_byte <= decls[0].start < function.end_byte
    node = function.named_descendant_for_byte_range(decls[0].start, decls[0].end) if inside else None
    stmt = node.parent.parent if node is not None and node.parent.type == "expression_list" else None
    if stmt is None or stmt.type != "short_var_declaration":
        return False
    names, values = items(node.parent), items(stmt.child_by_field_name("right"))
    return len(values) == len(names) and builtins.called(types, spawn.path, values[names.index(node)]) == "make"


def _received(node: Node) -> bool:
    return receive_of_unary(node.parent)


def _ranged(node: Node) -> bool:
    return node.parent.type == "range_clause" and node.parent.child_by_field_name("right") == node


def _closed(types: TypeInfo, spawn: Spawn, node: Node) -> bool:
    call = node.parent.parent
    return node.parent.type == "argument_list" and builtins.called(types, spawn.path, call) == "close"


def _feeding(spawn: Spawn, send: Node) -> tuple[Node, Node] | str:
    """The loop around the one send on work and the statement of the function's body starting it (the
    loop, or `go func() { … }()` holding it, in no loop of the function): the send at most once an
    iteration, the loop run once."""
    holder = owner(send)
    loop = innermost_loop(send, holder)
    if loop is None or innermost_loop(loop, holder) is not None:
        return "the send on the work channel is not in one loop of its own, run once"
    if holder == spawn.function:
        return loop, loop
    go = holder.parent.parent  # `go func() {…}()`: a literal is the function of a call only where it stands
    if holder.parent.type != "call_expression" or go.type != "go_statement":
        return "the loop sending on the work channel is neither in the function nor a goroutine it starts"
    if owner(go) != spawn.function or innermost_loop(go, spawn.function) is not None:  # each start feeds N more
        return "the goroutine feeding the work channel may start more than once (its go statement in a loop or literal)"
    if first_of(holder, ("goto_statement",), skip=lambda n: n.type == "func_literal") is not None:
        return "a goto in the goroutine feeding the work channel may run its loop again"
    return loop, go


def _receiving(types: TypeInfo, spawn: Spawn, feeder: Node, start: Node, receive: Node) -> Node | str:
    """The later loop of the feeder's block that evaluates the receive once an iteration,
    cannot be left early, and runs as often as the feeder; or why the receive is not in one."""
    stmt = evaluating_statement(types, spawn.path, receive)
    loop = stmt.parent.parent.parent if stmt is not None else None
    line = receive.start_point.row + 1
    if loop is None or loop.type != "for_statement":  # on every path after the feeder: after_none's
        return f"the receive at line {line} is not a statement's of a loop's own body"
    body = loop.child_by_field_name("body")
    inside = walk(body, skip=lambda n: n.type == "func_literal")
    early = any(n.type == "continue_statement" and n.start_byte < receive.start_byte for n in inside)
    if leaving(body, loop) is not None or early:
        return f"the loop at line {loop.start_point.row + 1} can be left or continued before its receive"
    where = f"the loop at line {loop.start_point.row + 1} is not proven to run as often as the feeder"
    differs = mismatch(types, spawn.path, spawn.function, feeder, loop)
    if differs:
        return f"{where}: {differs}"
    count = trip(types, spawn.path, feeder).count
    rest = (start.start_byte, spawn.function.end_byte)  # a feeding goroutine may read its count any time then
    if start != feeder and not same(types, spawn.path, spawn.function, count, count, rest):
        return f"{where}: its count may change after the goroutine feeding it starts"
    return loop
