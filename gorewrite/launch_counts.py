"""A counter of the goroutines a loop starts: `n++; go func() {…}()`, then `for i := 0; i < n; i++ { <-ch }`.

Where the spawning loop's own trip count is unknown (a range over a map, a `continue` skipping some
items), code counts what it starts: a local integer declared with a non-negative constant (`n := 0`, `var
n int`), whose every write (go/types: every write and address of it) is an `n++` statement of the function's
own code (a func literal's would race with the function's: a lost update counts one goroutine fewer) right
before a go statement of its statement list. A statement list runs from its start, statement after statement
(happens_before declines a function with a goto), so each such go statement runs right after its own `n++`,
and each `n++` is followed by its go statement unless a panic ends the function first: n is the constant it
started at plus the goroutines those statements started, and the go statement the proof is about is one of
them. A later loop that runs n times — `for i := 0; i < n; i++` or `range n` (trips.py; n read every
iteration, only ever increased, so never fewer), or the countdown `for ; n > 0; n--` on the counter itself,
whose post statement is the one other write allowed — runs at least once per goroutine started. n is not a
small integer type: it wraps only after 2^31 go statements, the bound trips.py's `<=` loops take.
"""

from __future__ import annotations

from gorewrite.rulekit import owner
from gorewrite.syntax import Node, items
from gorewrite.trips import local, trip
from gorewrite.type_bounds import SMALL_INTEGERS
from gorewrite.typeinfo import Ident, TypeInfo, Use


def counted(types: TypeInfo, path: str, function: Node, go: Node, loop: Node) -> bool:
    """Does loop run at least once for every goroutine `go` started, by a counter incremented beside it?"""
    counter, post = _counter(types, path, loop)
    if counter is None or types.integer(path, counter.start, counter.end) in SMALL_INTEGERS:
        return False
    uses = [u for u in types.idents.get(path, ()) if u.obj == counter.obj]
    decl = next((u for u in uses if u.use == Use.DECL), None)
    if decl is None or not _declared_zero(types, path, function, decl):
        return False
    paired = []
    for use in uses:
        if use.use == Use.ADDR:
            return False
        if use.use != Use.WRITE or (post is not None and use.start == post.start_byte):
            continue
        stmt = function.named_descendant_for_byte_range(use.start, use.end).parent
        if stmt.type != "inc_statement" or owner(stmt) != function or _paired(stmt) is None:
            return False
        paired.append(_paired(stmt))
    return go in paired


def _counter(types: TypeInfo, path: str, loop: Node) -> tuple[Ident | None, Node | None]:
    """The local integer loop runs as many times as (`i < n`, `range n`: trips.py), or the n of `for ; n > 0; …`
    with the operand of its post statement when that is a decrement (a write of n there is the countdown's own);
    None for any other loop."""
    clause = loop.named_children[0] if loop.named_child_count > 1 else None
    if clause is not None and clause.type == "for_clause" and clause.child_by_field_name("initializer") is None:
        cond, update = clause.child_by_field_name("condition"), clause.child_by_field_name("update")
        if cond is None or cond.type != "binary_expression" or cond.child_by_field_name("operator").type != ">":
            return None, None
        right = cond.child_by_field_name("right")
        if types.value(path, right.start_byte, right.end_byte) != 0:
            return None, None
        step = update.named_children[0] if update is not None and update.type == "dec_statement" else None
        return local(types, path, cond.child_by_field_name("left")), step
    counts = trip(types, path, loop)  # `i < n`, `range n`: kind "int", whose key matches n's object
    if counts is None:
        return None, None
    return next((i for i in types.idents.get(path, ()) if i.obj == counts.count.key), None), None


def _declared_zero(types: TypeInfo, path: str, function: Node, decl: Ident) -> bool:
    """Is the counter declared with a non-negative constant, or none (`var n int`)?"""
    name = function.named_descendant_for_byte_range(decl.start, decl.end)
    spec = name.parent if name is not None else None
    if spec is not None and spec.type == "expression_list" and spec.parent.type == "short_var_declaration":
        left, right = items(spec), items(spec.parent.child_by_field_name("right"))
    elif spec is not None and spec.type == "var_spec":
        left, right = spec.children_by_field_name("name"), items(spec.child_by_field_name("value"))
    else:
        return False  # a parameter, a result, a range or a select's variable
    if not right:
        return True
    value = right[left.index(name)] if len(left) == len(right) else None
    start = types.value(path, value.start_byte, value.end_byte) if value is not None else None
    return isinstance(start, int) and start >= 0


def _paired(increment: Node) -> Node | None:
    """The go statement right after the `n++` in its statement list (comments aside), or None."""
    node = increment.next_named_sibling
    while node is not None and node.type == "comment":
        node = node.next_named_sibling
    return node if node is not None and node.type == "go_statement" else None
