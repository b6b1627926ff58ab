"""Filling a semaphore as a wait: the goroutines' releases are ordered before the fill completes.

    sem := make(chan struct{}, limit)
    for _, u := range urls {
        sem <- struct{}{}                   // acquire, by the function, right before the go statement
        go func() {
            defer func() { <-sem }()        // release, deferred first: it runs last, on a panic too
            out[i] = fetch(agent, u)
        }()
    }
    for i := 0; i < limit; i++ {            // or `cap(sem)`, `for range limit`: as many sends as the capacity
        sem <- struct{}{}
    }
    agent = next

The memory model: the kth receive on a channel of capacity C is synchronized before the (k+C)th send
completes. Every send on sem is the function's own (acquires and the fill's sends, statements of its
own body, so in program order), and every receive a release. When the fill's last send, the (A+C)th
for A acquires before it, completes, receives 1..A have happened before it. Each releasing goroutine
is started by a go statement right after an acquire, and receives once, so no more than A of them
exist before the fill: all have received, each after all it did but its release. So the fill loop is
a wait (waits.not_ordering checks it lies on every path to the write), when:

- sem is `sem := make(chan T, K)`, and the fill loop a statement of the same block after it: `for i
  := 0; i < K; i++` (i written by nothing else), `for range K`, or either with `cap(sem)`, K the
  same constant (a smaller fill would complete with receives missing), or the same local variable
  whose address is never taken and that nothing writes from the make to the fill's end, nor any func
  literal (`make(chan struct{}, limit)` … `for range limit`; K < 0 panics in make, and K = 0 makes
  acquires that never complete: no goroutine starts, or the function blocks before the write), its
  body the send alone (no select or break that could end it early), sending no value a call computes;
- every other use of sem is an acquire (a send statement of the function right before a go
  statement whose goroutine releases) or a release (`defer func() { <-sem }()` as a goroutine's first
  statement, its literal that receive alone): no acquire inside a goroutine (the fill could pass it),
  no other receive, close or hand-over;
- no func literal or goroutine inside the goroutine names the variable (it could run after the release).
"""

from __future__ import annotations

from gorewrite.rulekit import owner
from gorewrite.spawns import Spawn, previous, runner
from gorewrite.syntax import Node, ancestors, mentions, statements, text, unparen, walk
from gorewrite.trips import local
from gorewrite.typeinfo import Ident, TypeInfo, Use
from gorewrite.waits import Wait, after_none

VALUES = ("composite_literal", "identifier", "int_literal", "true", "false", "nil")


def unordered(types: TypeInfo, spawn: Spawn, name: str, writes: list[int], why: str) -> str | None:
    """Why a write (byte offsets) of name may not follow the goroutine's reads through a semaphore
    fill; `why` (the goroutine's missing signal) when the goroutine releases no semaphore."""
    if spawn.statement.type != "go_statement" or runner(spawn).parent.parent != spawn.statement:
        return why
    body = statements(spawn.literal.child_by_field_name("body"))
    released = [(at, sem) for at, stmt in enumerate(body) if (sem := _released(stmt)) is not None]
    if not released:
        return why
    at, sem = released[0]
    variable = local(types, spawn.path, sem)
    if variable is None:
        return f"{why}; it releases {text(sem).decode()}, which is not a local variable"
    line = body[at].start_point.row + 1
    if at != 0:
        return (
            f"the goroutine's release of {variable.name} (line {line}) is not its first statement: what comes "
            "before it, an acquire too, is not ordered before the fill"
        )
    inner = (n for n in walk(spawn.literal.child_by_field_name("body")) if n.type in ("func_literal", "go_statement"))
    if any(mentions(n, name.encode()) for n in inner):
        return (
            f"the goroutine makes a func literal or goroutine naming {name}, which may run after it releases "
            f"{variable.name}"
        )
    found = _fills(types, spawn, variable)
    if isinstance(found, str):
        return f"{variable.name} is a semaphore the goroutine releases, but {found}"
    return after_none(spawn, [Wait(loop, ()) for loop in found], writes)


def _released(stmt: Node) -> Node | None:
    """sem of `defer func() { <-sem }()`."""
    call = stmt.named_children[0] if stmt.type == "defer_statement" else None
    literal = unparen(call.child_by_field_name("function")) if call is not None else None
    if literal is None or literal.type != "func_literal" or call.child_by_field_name("arguments").named_child_count:
        return None
    inner = statements(literal.child_by_field_name("body"))
    receive = inner[0].named_children[0] if len(inner) == 1 and inner[0].type == "expression_statement" else None
    if receive is None or receive.type != "unary_expression" or receive.child(0).type != "<-":
        return None
    operand = unparen(receive.child_by_field_name("operand"))
    return operand if operand.type == "identifier" else None


def _fills(types: TypeInfo, spawn: Spawn, variable: Ident) -> list[Node] | str:
    """The fill loops of the semaphore, or why its uses are not only acquires, releases and fills."""
    root = spawn.function
    while root.parent is not None:
        root = root.parent
    uses = [
        (root.named_descendant_for_byte_range(i.start, i.end), i)
        for i in types.idents.get(spawn.path, ())
        if i.obj == variable.obj
    ]
    decl = next((n for n, i in uses if i.use == Use.DECL), None)
    capacity = _capacity(types, spawn.path, decl) if decl is not None else None
    if capacity is None or (isinstance(capacity, int) and capacity < 1):
        return "it is not declared by `sem := make(chan T, K)` alone, K a constant of at least 1 or a local variable"
    made = decl.parent.parent
    fills = [s for s in _after(made) if _fill(types, spawn, s, variable, capacity, made)]
    if not fills:
        shown = f"{capacity.name}, unchanged up to the fill's end" if isinstance(capacity, Ident) else capacity
        return (
            f"no loop of its block after its make fills it: `for i := 0; i < K; i++` or `for range K`, K its "
            f"capacity ({shown}) or cap({variable.name}), whose body is the send alone"
        )
    for node, ident in uses:
        if ident.use == Use.DECL or any(n.start_byte <= node.start_byte < n.end_byte for n in fills):
            continue
        if ident.use == Use.WRITE or not (_acquire(types, spawn, node) or _release_of(types, spawn, node)):
            return (
                f"it is used other than by an acquire right before a go statement, a goroutine's first deferred "
                f"release or a fill of its capacity (line {node.start_point.row + 1})"
            )
    return fills


def _capacity(types: TypeInfo, path: str, decl: Node) -> int | Ident | None:
    """K of `sem := make(chan T, K)`, a constant (by go/types) or a local variable, the declaration's one item."""
    stmt = decl.parent.parent
    if stmt.type != "short_var_declaration" or stmt.parent.type != "statement_list":
        return None
    right = stmt.child_by_field_name("right").named_children
    call = right[0] if len(right) == 1 and len(stmt.child_by_field_name("left").named_children) == 1 else None
    function = call.child_by_field_name("function") if call is not None and call.type == "call_expression" else None
    args = call.child_by_field_name("arguments").named_children if function is not None else []
    if function is None or not types.builtin(path, function.start_byte, "make") or len(args) != 2:
        return None
    value = types.value(path, args[1].start_byte, args[1].end_byte)
    return value if value is not None else local(types, path, unparen(args[1]))


def _after(stmt: Node) -> list[Node]:
    found, sibling = [], previous(stmt, forward=True)
    while sibling is not None:
        found.append(sibling)
        sibling = previous(sibling, forward=True)
    return found


def _fill(types: TypeInfo, spawn: Spawn, loop: Node, variable: Ident, capacity: int | Ident, made: Node) -> bool:
    """Is the statement a loop sending on sem exactly `capacity` times, with nothing else in its body?"""
    path = spawn.path
    if loop.type != "for_statement":
        return False
    body = statements(loop.child_by_field_name("body"))
    send = body[0] if len(body) == 1 and body[0].type == "send_statement" else None
    channel = local(types, path, unparen(send.child_by_field_name("channel"))) if send is not None else None
    value = unparen(send.child_by_field_name("value")) if channel is not None else None
    if value is None or channel.obj != variable.obj or value.type not in VALUES or _computes(value):
        return False
    clause = next((c for c in loop.named_children if c.type in ("for_clause", "range_clause")), None)
    if clause is not None and clause.type == "range_clause":
        bound = clause.child_by_field_name("right")
        return clause.child_by_field_name("left") is None and _bound(
            types, spawn, bound, variable, capacity, made, loop
        )
    if clause is None:
        return False
    init, cond = clause.child_by_field_name("initializer"), clause.child_by_field_name("condition")
    counter = (
        init.child_by_field_name("left").named_children[0]
        if init is not None and init.type == "short_var_declaration"
        else None
    )
    start = init.child_by_field_name("right").named_children[0] if counter is not None else None
    if start is None or types.value(path, start.start_byte, start.end_byte) != 0 or cond is None:
        return False
    names = cond.child_by_field_name("left"), cond.child_by_field_name("operator"), cond.child_by_field_name("right")
    update = clause.child_by_field_name("update")
    return (
        cond.type == "binary_expression"
        and update is not None
        and names[0].text == counter.text
        and names[1].type == "<"
        and text(update).replace(b" ", b"") == counter.text + b"++"
        and _bound(types, spawn, names[2], variable, capacity, made, loop)
    )


def _computes(node: Node) -> bool:
    """Does the sent value call anything (which could write the counter or jump)?"""
    return any(n.type in ("call_expression", "func_literal") for n in walk(node))


def _bound(
    types: TypeInfo, spawn: Spawn, bound: Node, variable: Ident, capacity: int | Ident, made: Node, loop: Node
) -> bool:
    """Is the bound the capacity: the same constant, the same variable unchanged from the make to the
    fill's end, or `cap(sem)`?"""
    path, bound = spawn.path, unparen(bound)
    if bound.type == "call_expression" and types.builtin(path, bound.child_by_field_name("function").start_byte, "cap"):
        args = bound.child_by_field_name("arguments").named_children
        named = local(types, path, unparen(args[0])) if len(args) == 1 else None
        return named is not None and named.obj == variable.obj
    if isinstance(capacity, Ident):
        named = local(types, path, bound)
        return named is not None and named.obj == capacity.obj and _steady(types, spawn, capacity, made, loop)
    return types.value(path, bound.start_byte, bound.end_byte) == capacity


def _steady(types: TypeInfo, spawn: Spawn, capacity: Ident, made: Node, loop: Node) -> bool:
    """Does the variable hold the capacity until the fill ends: its address never taken (a pointer could
    write it anywhere), no write of it from the make to the fill's end, and none in a func literal?"""
    for ident in types.idents.get(spawn.path, ()):
        if ident.obj != capacity.obj or ident.use not in (Use.WRITE, Use.ADDR):
            continue
        node = spawn.function.named_descendant_for_byte_range(ident.start, ident.end)
        if node is None or ident.use == Use.ADDR or owner(node) != spawn.function:
            return False
        if made.start_byte <= ident.start < loop.end_byte:
            return False
    return True


def _acquire(types: TypeInfo, spawn: Spawn, node: Node) -> bool:
    """Is node sem of a send statement of the function right before a go statement that releases sem?"""
    send = node.parent
    if send.type != "send_statement" or send.child_by_field_name("channel") != node or owner(send) != spawn.function:
        return False
    go = previous(send, forward=True)
    call = go.named_children[0] if go is not None and go.type == "go_statement" else None
    literal = unparen(call.child_by_field_name("function")) if call is not None else None
    body = (
        statements(literal.child_by_field_name("body"))
        if literal is not None and literal.type == "func_literal"
        else []
    )
    released = _released(body[0]) if body else None
    same = local(types, spawn.path, released) if released is not None else None
    return same is not None and same.obj == local(types, spawn.path, node).obj


def _release_of(types: TypeInfo, spawn: Spawn, node: Node) -> bool:
    """Is node sem of a goroutine's first statement `defer func() { <-sem }()`, its go statement right after
    an acquire?"""
    stmt = next((a for a in ancestors(node) if a.type == "defer_statement"), None)
    literal = owner(stmt) if stmt is not None else None
    go = literal.parent.parent if literal is not None and literal.type == "func_literal" else None
    if go is None or go.type != "go_statement" or statements(literal.child_by_field_name("body"))[:1] != [stmt]:
        return False
    acquire = previous(go)
    channel = (
        acquire.child_by_field_name("channel") if acquire is not None and acquire.type == "send_statement" else None
    )
    return _released(stmt) == node and channel is not None and _acquire(types, spawn, channel)
