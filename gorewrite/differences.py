"""The most a difference `hi - lo` can be where hi was set from lo plus a constant (bounds.py asks): a chunking
loop's `end := min(i+K, len(s))`, or `end := off + K; if end > len(p) { end = len(p) }`, leaves `end - i` (and
`len(s[i:end])`) at most K, however large i and s are. Interval arithmetic cannot see it: it bounds each operand
alone, and neither is bounded.

Go's integers wrap, so the proof is done modulo the type's width. hi = lo + K (K >= 0) gives hi - lo = K exactly,
wrapped or not. A lowering to a value X >= 0 (`min(lo+K, X)`, or a clamp `if hi > X { hi = X }`, `hi = min(hi,
X)`) happens only where X < lo+K as computed: where lo+K did not wrap, X - lo <= K, and X - lo >= -MaxInt cannot
wrap; where it wrapped it is negative, and no X >= 0 is below it. Only for a signed type: an unsigned `min(i+16,
n)` with i = MaxUint-20 and n = 0 leaves n - i = 21 (must-decline `difference_unsigned`), and an X that may be
negative lets `MinInt - i` wrap to a small positive (`difference_negative_clamp`).

hi and lo are local variables whose address is never taken and that only this function writes (a closure does
not run in between). The setting statement and the lowerings are earlier statements of a block that holds the
bounded statement (or a statement around it), nothing between them or in that statement writes lo, and hi only
as those lowerings, and the function has no goto: each time the bounded statement runs, they ran just before it,
in this pass of any loop around it (must-declines `difference_low_written`, `difference_raised`). After the
lowerings, a statement may also set lo or hi to the other (or to min or max of the two), one of them per assignment:
each such write leaves the two as they were or equal, so hi - lo as it was or 0 (a snippet's `if lo > hi { lo = hi
}`, a window's `if hi < lo { hi = lo }`; must-declines `low_met_below`, `low_decremented`, `low_met_high_raised`,
`low_swapped`, `low_met_then_reset`, `high_met_above`, `low_met_below_min` for a min of something else too,
`low_met_by_other_max` for a local func named max).
"""

from __future__ import annotations

from collections.abc import Callable

from gorewrite.guards import DOWN
from gorewrite.proposals import PackageView
from gorewrite.rulekit import owner, use_owner, uses_goto
from gorewrite.syntax import Node, assignments, call_args, text, unparen
from gorewrite.terms import builtin, subject_of, value_of
from gorewrite.trips import local
from gorewrite.type_bounds import int_type
from gorewrite.typeinfo import Use

Lowest = Callable[[Node, Node], "int | None"]
Bound = Callable[..., "int | None"]
COMPARISONS = {b">": False, b">=": False, b"<": True, b"<=": True}  # operator -> is hi on the right?


def difference(view: PackageView, path: str, size: Node, stmt: Node, length: bool, bound: Bound) -> int | None:
    """K where the code proves `size <= K` at stmt for a size `hi - lo` (length: of len(s[lo:hi])); bound is
    bounds.bound, asked for the least value an expression has at a statement."""
    if size.type != ("slice_expression" if length else "binary_expression"):
        return None
    if not length and text(size.child_by_field_name("operator")) != b"-":
        return None
    high, low = (size.child_by_field_name(f) for f in (("end", "start") if length else ("left", "right")))
    lowest = lambda n, at: bound(view, path, n, at, DOWN)  # noqa: E731
    return _difference(view, path, high, low, stmt, lowest) if high is not None and low is not None else None


def _difference(view: PackageView, path: str, high: Node, low: Node, stmt: Node, lowest: Lowest) -> int | None:
    high, low = unparen(high), unparen(low)
    hi, lo = _local(view, path, high), _local(view, path, low)
    kind = int_type(view, path, high)
    if (
        hi is None
        or lo is None
        or hi == lo
        or kind is None
        or kind.startswith("u")
        or kind != int_type(view, path, low)
    ):
        return None
    function = owner(stmt)
    root = view.tree(path).root_node
    uses = [u for u in view.types.idents.get(path, ()) if u.obj in (hi, lo)]
    if function is None or uses_goto(function) or any(u.use == Use.ADDR for u in uses):
        return None
    writes = [u for u in uses if u.use in (Use.WRITE, Use.DECL)]
    if any(use_owner(root, u) != function for u in writes if u.use == Use.WRITE):
        return None
    node = stmt
    while node != function and node.parent is not None:
        if node.parent.type == "statement_list":
            if any(node.start_byte <= u.start < node.end_byte for u in writes):
                return None
            found = _set_before(view, path, node, hi, lo, writes, lowest)
            if found != "none":
                return found
        node = node.parent
    return None


def _local(view: PackageView, path: str, node: Node) -> str | None:
    """The object of a local variable or parameter the node names."""
    ident = local(view.types, path, node)
    return ident.obj if ident is not None else None


def _set_before(view: PackageView, path: str, node: Node, hi: str, lo: str, writes, lowest: Lowest) -> int | None | str:
    """K from the nearest earlier statement of node's block setting hi to lo+K (past lowerings of hi, and past
    statements after them that only meet lo and hi), None where one writes lo or writes hi otherwise, "none" where
    no earlier statement of the block writes either."""
    sibling, lowered = node.prev_named_sibling, False
    while sibling is not None:
        inside = [u for u in writes if sibling.start_byte <= u.start < sibling.end_byte]
        if inside and _meets(view, path, sibling, hi, lo, inside):
            if lowered:
                return None
        elif any(u.obj == lo for u in inside):
            return None
        elif inside and not _lowers(view, path, sibling, hi, lowest):
            return _offset(view, path, sibling, hi, lo, lowest)
        else:
            lowered = lowered or bool(inside)
        sibling = sibling.prev_named_sibling
    return "none"


def _meets(view: PackageView, path: str, stmt: Node, hi: str, lo: str, inside) -> bool:
    """Does the statement write lo and hi only by setting one to the other (`lo = hi`, `hi = lo`) or to min or max of
    the two, one of them per assignment? Each such write leaves the two as they were or equal, so hi - lo as it was or
    0: `if lo > hi { lo = hi }` after `hi := min(lo+K, len(s))` (a snippet's start kept within its end) leaves it at
    most K as before. `lo, hi = hi, lo` would negate it."""
    root = view.tree(path).root_node
    return all(
        u.use == Use.WRITE and _meeting(view, path, root.descendant_for_byte_range(u.start, u.end), hi, lo)
        for u in inside
    )


def _meeting(view: PackageView, path: str, name: Node, hi: str, lo: str) -> bool:
    """Is name the left side of a plain assignment setting lo or hi (and not both) to the other, or to min or max
    of the two?"""
    left = name.parent
    if left is None or left.type != "expression_list" or left.parent.type != "assignment_statement":
        return False
    pairs = assignments(left.parent)
    if left.parent.child_by_field_name("left") != left or sum(_local(view, path, n) in (hi, lo) for n, _ in pairs) != 1:
        return False
    values = [v for n, v in pairs if n == name]
    if len(values) != 1:
        return False
    value, other = unparen(values[0]), lo if _local(view, path, name) == hi else hi
    if value.type == "call_expression" and any(
        builtin(view, path, value.child_by_field_name("function"), f) for f in ("min", "max")
    ):
        args = {_local(view, path, unparen(a)) for a in call_args(value)}
        return other in args and args <= {hi, lo}
    return _local(view, path, value) == other


def _offset(view: PackageView, path: str, stmt: Node, hi: str, lo: str, lowest: Lowest) -> int | None:
    """K where the statement sets hi to lo+K or to min(lo+K, X…) with each X >= 0 (K >= 0), else None."""
    values = [v for n, v in assignments(stmt) if _local(view, path, n) == hi]
    if len(values) != 1 or values[0].type == "var_spec":
        return None
    value = unparen(values[0])
    if value.type != "call_expression" or not builtin(view, path, value.child_by_field_name("function"), "min"):
        return _plus(view, path, value, lo)
    args = call_args(value)
    ks = [_plus(view, path, unparen(a), lo) for a in args]
    others = [a for a, k in zip(args, ks, strict=True) if k is None]
    if len(others) != len(args) - 1 or not all(_nonnegative(a, stmt, lowest) for a in others):
        return None
    return next(k for k in ks if k is not None)


def _plus(view: PackageView, path: str, value: Node, lo: str) -> int | None:
    """K of `lo + K` or `K + lo`, a constant K >= 0."""
    if value.type != "binary_expression" or text(value.child_by_field_name("operator")) != b"+":
        return None
    left, right = (unparen(value.child_by_field_name(s)) for s in ("left", "right"))
    for name, constant in ((left, right), (right, left)):
        k = value_of(view, path, constant)
        if k is not None and k >= 0 and _local(view, path, name) == lo:
            return k
    return None


def _lowers(view: PackageView, path: str, stmt: Node, hi: str, lowest: Lowest) -> bool:
    """Is the statement `hi = min(hi, X…)` or `if hi > X { hi = X }` (no else, that one statement; `>=`, `X < hi`
    too), each X >= 0 where it is assigned?"""
    values = [v for n, v in assignments(stmt) if _local(view, path, n) == hi]
    if stmt.type == "assignment_statement" and len(values) == 1:
        value = unparen(values[0])
        if value.type != "call_expression" or not builtin(view, path, value.child_by_field_name("function"), "min"):
            return False
        args = [unparen(a) for a in call_args(value)]
        others = [a for a in args if _local(view, path, a) != hi]
        return len(others) == len(args) - 1 and all(_nonnegative(a, stmt, lowest) for a in others)
    if (
        stmt.type != "if_statement"
        or stmt.child_by_field_name("alternative")
        or stmt.child_by_field_name("initializer")
    ):
        return False
    condition, body = unparen(stmt.child_by_field_name("condition")), stmt.child_by_field_name("consequence")
    statements = body.named_children[0].named_children if body.named_child_count == 1 else []
    if condition.type != "binary_expression" or len(statements) != 1 or statements[0].type != "assignment_statement":
        return False
    flipped = COMPARISONS.get(text(condition.child_by_field_name("operator")))
    sides = [unparen(condition.child_by_field_name(s)) for s in ("left", "right")]
    if flipped is None:
        return False
    name, limit = (sides[1], sides[0]) if flipped else (sides[0], sides[1])
    pairs = assignments(statements[0])
    if _local(view, path, name) != hi or len(pairs) != 1 or _local(view, path, pairs[0][0]) != hi:
        return False
    same = subject_of(view, path, limit)
    return same is not None and same == subject_of(view, path, pairs[0][1]) and _nonnegative(limit, stmt, lowest)


def _nonnegative(node: Node, at: Node, lowest: Lowest) -> bool:
    least = lowest(node, at)
    return least is not None and least >= 0
