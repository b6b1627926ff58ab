"""A counter under a mutex, waited for on a sync.Cond: each goroutine's increment as its signal.

    var mu sync.Mutex
    cond := sync.NewCond(&mu)
    done := 0
    for i := range rows {
        go func() {
            rows[i].Value *= f              // the goroutine's reads
            mu.Lock()
            done++                          // its last act under mu; only Signal or Broadcast follow
            mu.Unlock()
            cond.Broadcast()
        }()
    }
    mu.Lock()
    for done < len(rows) {                  // read under mu: Lock before, Wait re-locks cond.L, which is &mu
        cond.Wait()
    }
    mu.Unlock()
    f = 0

The memory model: the nth Unlock of a sync.Mutex is synchronized before the mth Lock for n < m. Every
access to done is under mu (the increment between the goroutine's Lock and Unlock, the condition
after the waiter's Lock or Wait's re-lock), and mu is locked and unlocked only by those four
statements, so when the condition reads done >= N it has seen every increment, each after all its
goroutine read. The spawning loop starts at most one goroutine an iteration and runs at most N
(trips.py: the same count, unchanged from the loop's start to the wait's end), done starts at 0 in
the same block and only this increment writes it, once per goroutine (no loop, defer or goto around
it): so done >= N only once every goroutine has incremented. Fewer increments (a goroutine returning
early) leave the wait blocked, rewritten or not. Methods and functions come from go/types, never names.
"""

from __future__ import annotations

from gorewrite.adds import one_go
from gorewrite.after_signal import names_after
from gorewrite.spawns import Spawn, innermost_loop, method_of, previous, runner
from gorewrite.syntax import Node, ancestors, call_args, first_of, mentions, statements, unparen
from gorewrite.trips import count_of, local, same, trip
from gorewrite.typeinfo import Ident, Kind, TypeInfo, Use
from gorewrite.waits import Wait, after_none

LOCK, UNLOCK = ("sync", "Mutex", "Lock"), ("sync", "Mutex", "Unlock")
WAIT, WAKES = ("sync", "Cond", "Wait"), (("sync", "Cond", "Signal"), ("sync", "Cond", "Broadcast"))


def unordered(types: TypeInfo, spawn: Spawn, name: str, writes: list[int], why: str) -> str | None:
    """Why a write (byte offsets) of name may not follow the goroutine's reads through a counter the
    function waits for on a sync.Cond; `why` (the goroutine's missing signal) when it counts nothing."""
    if spawn.statement.type != "go_statement" or runner(spawn).parent.parent != spawn.statement:
        return why
    body = spawn.literal.child_by_field_name("body")
    tail = _increment(types, spawn, body, name)
    if tail is None:
        return why
    mutex, counter = tail
    found = _wait(types, spawn, mutex, counter)
    if isinstance(found, str):
        return f"{why}; it counts {counter.name} under {mutex.name}, but {found}"
    late = names_after(spawn, body, name, set())
    return late or after_none(spawn, [Wait(found, ())], writes)


def _call(types: TypeInfo, path: str, stmt: Node | None) -> tuple[tuple[str, str, str], Ident] | None:
    """The method and local operand of a statement that is a call `x.M()` alone."""
    call = stmt.named_children[0] if stmt is not None and stmt.type == "expression_statement" else None
    function = call.child_by_field_name("function") if call is not None and call.type == "call_expression" else None
    if function is None or function.type != "selector_expression" or call_args(call):
        return None
    method, operand = method_of(types, path, function), local(types, path, function.child_by_field_name("operand"))
    return (method, operand) if method is not None and operand is not None else None


def _increment(types: TypeInfo, spawn: Spawn, body: Node, name: str) -> tuple[Ident, Ident] | None:
    """The mutex and counter of the goroutine's tail `mu.Lock(); …; done++; …; mu.Unlock()`, then only
    Signal or Broadcast calls; nothing after the increment names name (`note.Broadcast()` reads note after
    the count, unordered with the write), and no defer or goto anywhere."""
    if first_of(body, ("defer_statement", "goto_statement", "labeled_statement"), skip=_literal) is not None:
        return None
    own = statements(body)
    end = len(own)
    while end and (_call(types, spawn.path, own[end - 1]) or (None,))[0] in WAKES:
        end -= 1
    unlock = _call(types, spawn.path, own[end - 1]) if end else None
    if unlock is None or unlock[0] != UNLOCK:
        return None
    start = end - 2
    while start >= 0 and _call(types, spawn.path, own[start]) is None:
        start -= 1
    lock = _call(types, spawn.path, own[start]) if start >= 0 else None
    if lock is None or lock[0] != LOCK or lock[1].obj != unlock[1].obj:
        return None
    inside = own[start + 1 : end - 1]
    counts = [at for at, s in enumerate(inside) if s.type == "inc_statement"]
    counter = local(types, spawn.path, unparen(inside[counts[0]].named_children[0])) if len(counts) == 1 else None
    operand = inside[counts[0]].named_children[0] if counter is not None else None
    if (
        counter is None
        or types.integer(spawn.path, operand.start_byte, operand.end_byte) is None
        or any(mentions(s, name.encode()) for s in own[start + 1 + counts[0] :])  # the Unlock and wakes too
    ):
        return None
    return unlock[1], counter


def _literal(node: Node) -> bool:
    return node.type == "func_literal"


def _wait(types: TypeInfo, spawn: Spawn, mutex: Ident, counter: Ident) -> Node | str:
    """The wait loop `for done < N { cond.Wait() }` right after `mu.Lock()`, in the block of the counter's
    `done := 0` and of the loop starting the goroutine, or why there is none."""
    loop = innermost_loop(spawn.statement, spawn.function)
    if loop is None or one_go(loop, spawn.function) != spawn.statement or first_of(spawn.function, ("goto_statement",)):
        return "the goroutine is not the one go statement of a loop (no goto in the function)"
    uses = _uses(types, spawn, counter)
    decls = [n for n, i in uses if i.use == Use.DECL]
    declared = next((a for a in ancestors(decls[0]) if a.parent == loop.parent), None) if len(decls) == 1 else None
    if declared is None or declared.start_byte > loop.start_byte or not _zero(types, spawn.path, decls[0]):
        return f"{counter.name} is not declared as 0 in the block of the loop starting the goroutine"
    if (
        any(i.use in (Use.WRITE, Use.ADDR) and n.parent.type != "inc_statement" for n, i in uses)
        or sum(n.parent.type == "inc_statement" for n, _ in uses) != 1
    ):
        return f"{counter.name} is written or its address taken elsewhere"
    wait = previous(loop, forward=True)
    while wait is not None and not _waits(types, spawn, wait, counter):
        wait = previous(wait, forward=True)
    locked = _call(types, spawn.path, previous(wait)) if wait is not None else None
    if wait is None or locked is None or locked[0] != LOCK or locked[1].obj != mutex.obj:
        return f"no `{mutex.name}.Lock(); for {counter.name} < N {{ cond.Wait() }}` follows the loop in its block"
    condition = unparen(wait.named_children[0])
    counted, runs = count_of(types, spawn.path, condition.child_by_field_name("right")), trip(types, spawn.path, loop)
    between = (loop.start_byte, wait.end_byte)
    if counted is None or runs is None or not same(types, spawn.path, spawn.function, counted, runs.count, between):
        return "its bound is not the trip count of the loop starting the goroutine, unchanged until the wait ends"
    cond = _call(types, spawn.path, statements(wait.child_by_field_name("body"))[0])[1]
    return _guarded(types, spawn, mutex, cond) or wait


def _waits(types: TypeInfo, spawn: Spawn, stmt: Node, counter: Ident) -> bool:
    """Is stmt `for counter < N { cond.Wait() }`, the body the Wait alone?"""
    if stmt.type != "for_statement" or stmt.named_child_count != 2:
        return False
    condition, body = unparen(stmt.named_children[0]), statements(stmt.child_by_field_name("body"))
    if condition.type != "binary_expression" or condition.child_by_field_name("operator").type != "<":
        return False
    left = local(types, spawn.path, unparen(condition.child_by_field_name("left")))
    called = _call(types, spawn.path, body[0]) if len(body) == 1 else None
    return left is not None and left.obj == counter.obj and called is not None and called[0] == WAIT


def _guarded(types: TypeInfo, spawn: Spawn, mutex: Ident, cond: Ident) -> str | None:
    """Why the mutex or the cond may be used otherwise: `var mu sync.Mutex` locked and unlocked only by
    the goroutine's and the wait's statements, its address only in `cond := sync.NewCond(&mu)`, and the
    cond (so cond.L is &mu) used only by its one Wait, Signal and Broadcast."""
    made = None
    for node, ident in _uses(types, spawn, cond):
        if ident.use == Use.DECL:
            made = _new_cond(types, spawn.path, node)
        elif _method(types, spawn.path, node) not in (WAIT, *WAKES):
            return f"{cond.name} is used other than by Wait, Signal or Broadcast (line {node.start_point.row + 1})"
    waited = [n for n, _ in _uses(types, spawn, cond) if _method(types, spawn.path, n) == WAIT]
    if made is None or len(waited) != 1:
        return f"{cond.name} is not `sync.NewCond(&{mutex.name})` alone, waited for once"
    locks, address = [], None
    for node, ident in _uses(types, spawn, mutex):
        if ident.use == Use.DECL:
            if node.parent.type != "var_spec" or node.parent.child_by_field_name("value") is not None:
                return f"{mutex.name} is not declared by `var {mutex.name} sync.Mutex`"
        elif node.parent.type == "unary_expression" and node.parent == made:
            address = node
        else:
            locks.append(_method(types, spawn.path, node))
    if address is None or sorted(map(str, locks)) != sorted(map(str, [LOCK, LOCK, UNLOCK, UNLOCK])):
        return f"{mutex.name} is locked or unlocked elsewhere, or its address is taken other than for {cond.name}"
    return None


def _method(types: TypeInfo, path: str, operand: Node) -> tuple[str, str, str] | None:
    """The method of `x.M()`, a statement alone, whose operand is x; None for any other use of x."""
    selector = operand.parent
    if selector.type != "selector_expression" or selector.child_by_field_name("operand") != operand:
        return None
    found = _call(types, path, selector.parent.parent if selector.parent is not None else None)
    return found[0] if found is not None and selector.parent.child_by_field_name("function") == selector else None


def _new_cond(types: TypeInfo, path: str, decl: Node) -> Node | None:
    """The `&mu` of `cond := sync.NewCond(&mu)`, the declaration's one item."""
    stmt = decl.parent.parent
    if stmt.type != "short_var_declaration" or len(stmt.child_by_field_name("left").named_children) != 1:
        return None
    values = stmt.child_by_field_name("right").named_children
    call = values[0] if len(values) == 1 and values[0].type == "call_expression" else None
    function = call.child_by_field_name("function") if call is not None else None
    field = (
        function.child_by_field_name("field")
        if function is not None and function.type == "selector_expression"
        else None
    )
    made = types.at(path, field.start_byte) if field is not None else None
    args = call_args(call) if made is not None else []
    if made is None or made.kind != Kind.FUNC or (made.pkg, made.name) != ("sync", "NewCond") or len(args) != 1:
        return None
    return args[0] if args[0].type == "unary_expression" else None


def _zero(types: TypeInfo, path: str, decl: Node) -> bool:
    """`done := 0`, `var done int` or `var done = 0`: one name, declared as zero."""
    stmt = decl.parent
    if stmt.type == "var_spec" and len(stmt.children_by_field_name("name")) == 1:
        value = stmt.child_by_field_name("value")
    elif stmt.type == "expression_list" and stmt.parent.type == "short_var_declaration":
        stmt = stmt.parent
        value = stmt.child_by_field_name("right") if len(stmt.child_by_field_name("left").named_children) == 1 else None
        if value is None:
            return False
    else:
        return False
    values = value.named_children if value is not None else []
    return value is None or (len(values) == 1 and types.value(path, values[0].start_byte, values[0].end_byte) == 0)


def _uses(types: TypeInfo, spawn: Spawn, variable: Ident) -> list[tuple[Node, Ident]]:
    """Every occurrence of the variable in the function (a local: nowhere else)."""
    found = []
    for ident in types.idents.get(spawn.path, ()):
        if ident.obj == variable.obj:
            found.append((spawn.function.named_descendant_for_byte_range(ident.start, ident.end), ident))
    return found
