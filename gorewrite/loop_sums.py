"""What a loop of increments leaves, for an upper bound (bounds.py asks): `total += len(s)+1` in a range over
at most L elements, each pass adding at most k, leaves total at most its bound before the loop plus L*k, and
`for i := 0; i < len(v) && i < maxItems; i++ { n++ }` leaves n at most its start plus maxItems.

It holds for every input when:
- the passes are bounded before the loop starts (`passes`): a range over an integer (at most its bound), a slice,
  an array or a string (at most its length's bound: range evaluates it once, and a string has no more runes than
  bytes), or `for i := a; cond; i++` (or `i += k`, a constant k >= 1) whose i only that post statement writes: i
  starts at a's lower bound or above, grows by k a pass without wrapping, and the condition holds it at most C in
  the body, so at most (C-a)/k+1 passes (`for i := 0; i < len(src); i += 4` over 32 bytes: 8). A map (an entry
  inserted during the range may be visited), a channel or a function (range over a func calls the body as often
  as it likes) bounds nothing, nor does any other loop;
- each update is `n += k` or `n++` with 0 <= k <= K where it runs, in no func literal, so it runs at most once a
  pass, or in loops nested in this one, each making at most P passes where it starts (counted as this one is),
  at most the product of their P's a pass (a goto voids the fact in bounds.py): a pass adds at most the sum of
  those K's times their products (`for r := 0; r < 9; r++ { for c := 0; c < 9; c++ { … empty++ } }`: 81). A
  negative k could wrap n below its type's least value: none. Clamps `n = min(n, …)` only lower n;
- the bound before the loop holds on each entry to it: a loop around this one runs it again from where its last
  run left n, unless n is declared in that loop's body (each pass starts afresh);
- the sum fits n's type on every GOARCH (int as 32 bits too), so no update on the way wraps.
"""

from __future__ import annotations

from collections.abc import Callable

from gorewrite.guards import DOWN, UP, Side
from gorewrite.proposals import PackageView
from gorewrite.rulekit import FUNCTIONS, owner, use_owner
from gorewrite.syntax import Node, ancestors, statement_of, statements, text, unparen, walk
from gorewrite.type_bounds import int_type, narrow, wide
from gorewrite.typeinfo import Use
from gorewrite.updates import update

At = Callable[[Node, Node, Side], "int | None"]  # the bound of an expression at a statement
Length = Callable[[Node, Node], "int | None"]  # the upper bound of an expression's length at a statement


def accumulated(
    view: PackageView, path: str, loop: Node, updates: list[Node], before: int | None, at: At, length: Length
) -> int | None:
    """The upper bound a loop whose only writes of n are `updates` (and clamps) leaves n with, from n's bound
    before it, or None."""
    target = update(updates[0])[0] if updates else None
    kind = int_type(view, path, target) if target is not None else None
    if before is None or kind is None or not _fresh(view, path, target, loop):
        return None
    most = 0
    for node in updates:
        _, op, amount = update(node)
        times = _times(view, path, node, loop, at, length)
        least, high = (1, 1) if amount is None else (at(amount, node, DOWN), at(amount, node, UP))
        if op != b"+" or times is None or least is None or high is None or least < 0:
            return None
        most += times * high
    count = passes(view, path, loop, at, length)
    if count is None:
        return None
    total = before + count * most
    return total if total <= narrow(kind)[1] else None


def passes(view: PackageView, path: str, loop: Node, at: At, length: Length) -> int | None:
    """The most passes the loop makes, for every input, or None."""
    clause = loop.named_children[0] if loop.named_child_count > 1 else None
    if clause is not None and clause.type == "range_clause":
        over = clause.child_by_field_name("right")
        if int_type(view, path, over) is not None:
            count = at(over, loop, UP)
            return max(count, 0) if count is not None else None
        return length(over, loop)
    if clause is not None and clause.type not in ("for_clause", "range_clause"):  # `for v >= 10 { v /= 10 }`
        return _shrinking(view, path, loop, clause, None, at)
    if clause is None or clause.type != "for_clause":
        return None
    init, step = clause.child_by_field_name("initializer"), clause.child_by_field_name("update")
    stride = _stride(view, path, step) if step is not None else None
    condition = clause.child_by_field_name("condition")
    if stride is None and step is not None and condition is not None:  # `for x := v; x >= 10; x /= 10 { … }`
        return _shrinking(view, path, loop, condition, step, at)
    if init is None or init.type != "short_var_declaration" or stride is None:
        return None
    names, values = (init.child_by_field_name(f).named_children for f in ("left", "right"))
    counter = (
        step.named_children[0] if step.type == "inc_statement" else step.child_by_field_name("left").named_children[0]
    )
    variable = view.types.at(path, counter.start_byte) if counter.type == "identifier" else None
    if len(names) != 1 or len(values) != 1 or variable is None or variable.obj is None:
        return None
    declared = view.types.at(path, names[0].start_byte)
    if declared is None or declared.obj != variable.obj:
        return None
    for use in view.types.idents.get(path, ()):
        if use.obj == variable.obj and use.use in (Use.WRITE, Use.ADDR) and use.start != counter.start_byte:
            return None  # written in the body or through a pointer: not one value a pass
    body = statements(loop.child_by_field_name("body"))
    kind = int_type(view, path, counter)
    low = at(values[0], loop, DOWN)
    high = at(names[0], body[0], UP) if body else None
    if kind is None or low is None or high is None or high + stride > narrow(kind)[1]:
        return None  # i += k from the type's largest values wraps, and the loop goes on
    return max((high - low) // stride + 1, 0)


def _stride(view: PackageView, path: str, step: Node) -> int | None:
    """k of the post statement `i++` (1) or `i += k` of a constant k >= 1 (go/types' value), or None."""
    if step.type == "inc_statement":
        return 1
    found = update(step) if step.type == "assignment_statement" else None
    amount = view.types.value(path, found[2].start_byte, found[2].end_byte) if found and found[1] == b"+" else None
    return amount if amount is not None and amount >= 1 and found[0].type == "identifier" else None


# `v >= C` (C >= 1), `v > C` (C >= 0) and `v != 0`: the least v that passes the test, from the constant C
LEAST = {b">=": lambda c: c, b">": lambda c: c + 1, b"!=": lambda c: 1 if c == 0 else None}


def _shrinking(view: PackageView, path: str, loop: Node, condition: Node, post: Node | None, at: At) -> int | None:
    """The most passes of `for v >= C { …; v >>= k }` (or `v /= d`; `v > C`, `v != 0`) of an unsigned v: each
    pass runs the update once, at its top level (no `continue` skips it) or as the post statement, no `goto`,
    and nothing else writes v (a local: no other write in the loop, none in a func literal or through its address), so v
    is below 2^64 >> (k*p) (or 2^64 / d^p) when the test comes after p passes: `n := 1; for v >= 10 { v /= 10;
    n++ }` makes at most 19 passes. A signed v too, under `v >= C` or `v > C` only (C >= 1, so v is positive where
    the update runs, and never negative after it; `v != 0` lets a negative v through, whose `>>` stays -1), from
    the most its type holds; and from v's bound where the loop starts, when the code proves one (`for x := n; x >=
    10; x /= 10` after `n <= 999`: 2 passes)."""
    condition = unparen(condition)
    op = text(condition.child_by_field_name("operator")) if condition.type == "binary_expression" else b""
    left, right = (unparen(condition.child_by_field_name(f)) for f in ("left", "right")) if op else (None, None)
    limit = view.types.value(path, right.start_byte, right.end_byte) if op in LEAST else None
    least = LEAST[op](limit) if limit is not None else None
    kind = int_type(view, path, left) if least is not None and least >= 1 and left.type == "identifier" else None
    signed = kind is not None and not kind.startswith("uint")
    ident = view.types.at(path, left.start_byte) if kind is not None and not (signed and op == b"!=") else None
    if ident is None or ident.obj is None or not ident.local:  # a package variable: another file may write it
        return None
    root, body = view.tree(path).root_node, loop.child_by_field_name("body")
    uses = [u for u in view.types.idents.get(path, ()) if u.obj == ident.obj and u.use in (Use.WRITE, Use.ADDR)]
    inside = [u for u in uses if loop.start_byte <= u.start < loop.end_byte]
    mine = lambda u: use_owner(root, u) == owner(loop)  # noqa: E731
    if len(inside) != 1 or any(u.use == Use.ADDR or not mine(u) for u in uses):
        return None
    stmt = statement_of(root.descendant_for_byte_range(inside[0].start, inside[0].end))
    found = update(stmt) if stmt is not None and (stmt == post or (post is None and stmt in statements(body))) else None
    amount = view.types.value(path, found[2].start_byte, found[2].end_byte) if found and found[2] else None
    jumps = ("goto_statement",) if post is not None else ("continue_statement", "goto_statement")
    skips = any(n.type in jumps for n in walk(body, skip=lambda n: n.type in FUNCTIONS))
    if amount is None or skips or found[0].start_byte != inside[0].start:
        return None
    if not ((found[1] == b">>" and amount >= 1) or (found[1] == b"/" and amount >= 2)):
        return None
    entry = _entry(view, path, loop, left, ident.obj, at)
    high, count = min(wide(kind)[1], entry if entry is not None else wide(kind)[1]), 0
    while high >= least:  # a pass runs: the test held of some v <= high
        high, count = (high >> amount if found[1] == b">>" else high // amount), count + 1
    return count


def _entry(view: PackageView, path: str, loop: Node, variable: Node, obj: str, at: At) -> int | None:
    """The bound v has when the loop starts: its initializer's value's (`for x := n; …`), or v's where the loop
    statement is (`for v >= 10 { … }`), or None."""
    clause = loop.named_children[0] if loop.named_child_count > 1 else None
    init = clause.child_by_field_name("initializer") if clause is not None and clause.type == "for_clause" else None
    if init is None:
        return at(variable, loop, UP)
    names, values = (
        (init.child_by_field_name(f) for f in ("left", "right"))
        if init.type == "short_var_declaration"
        else (None, None)
    )
    declared = (
        view.types.at(path, names.named_children[0].start_byte) if names and names.named_child_count == 1 else None
    )
    one = declared is not None and declared.obj == obj and values.named_child_count == 1
    return at(values.named_children[0], loop, UP) if one else None


def _times(view: PackageView, path: str, node: Node, loop: Node, at: At, length: Length) -> int | None:
    """How often an update runs in one pass of the loop at most: once, or the product of the passes of the loops
    nested in it that hold the update (`for c := 0; c < 9; c++ { if b[r][c] == 0 { empty++ } }` in a pass over
    rows: 9), each bounded where it starts, as any loop's; None in a func literal or a loop not counted."""
    times = 1
    for around in _between(node, loop):
        count = passes(view, path, around, at, length) if around.type == "for_statement" else 1
        if around.type in FUNCTIONS or count is None:
            return None
        times *= count
    return times


def _between(node: Node, loop: Node) -> list[Node]:
    """The nodes from node's parent up to (not including) the loop."""
    found = []
    for a in ancestors(node):
        if a == loop:
            return found
        found.append(a)
    return found


def _fresh(view: PackageView, path: str, target: Node, loop: Node) -> bool:
    """Does every loop around this one (in its function) declare the variable in its body, so that each entry
    into this loop starts from what the code before it in that pass left?"""
    ident = view.types.at(path, target.start_byte) if target.type == "identifier" else None
    if ident is None or ident.obj is None:
        return False
    decls = [u for u in view.types.idents.get(path, ()) if u.obj == ident.obj and u.use == Use.DECL]
    for outer in ancestors(loop):
        if outer.type in FUNCTIONS:
            return True
        if outer.type == "for_statement":
            body = outer.child_by_field_name("body")
            if len(decls) != 1 or not body.start_byte <= decls[0].start < body.end_byte:
                return False
    return True
