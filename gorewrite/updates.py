"""What an update of a bounded integer leaves (bounds.py asks): `n += 4` after a guard `n <= Max` leaves
n <= Max+4, and so do `n = n + 4` (an assignment, through shapes.py), `n++` and, with a lower bound on n,
`n -= k`; likewise `n *= 2`, `n <<= 1`, `n /= 4`, `n >>= k`, `n %= k`, `n &= 7`, `n |= k`, `n ^= k` and
`n &^= k`. The arithmetic is
intervals.py's, in n's own type on every GOARCH: a uint8 `n += 4` near 255 keeps no lower bound, an int
`n *= 4096` keeps none unless n is small enough not to wrap as an int32, `n *= -2` swaps n's ends, and
`n /= k` or `n %= k` bounds nothing unless k >= 1 (a zero k panics before the make, as it did).

A loop whose only writes of n are such updates leaves n within the join of the bound it had before the
loop and what each update leaves (the last write on any path through the loop is one of them, or none).
An update that moves n away from the side asked without wrapping — an increment by k >= 0 for a lower
bound, where n + k cannot pass the type's largest value — keeps whatever bound n had before it, so it
adds nothing to the join: `i := 0; for i < size && buf[i] == 0 { i++ }` leaves i >= 0, by induction
over the writes on the path. So does one that never moves a value past the bound (keeps: `n /= 2` under
`n <= 64`), which bounds.py also uses to let a fact hold through such writes in a loop around the make. Any
other update leaves what it leaves from n's bound where it runs, which the loop's own writes void (`for … {
n *= 2 }` grows without bound) unless the update bounds n by itself (`n &= 7`) or a fact inside the loop does.
A switch path's updates in turn (`stepped`) start from the bound the one before left.
"""

from __future__ import annotations

from collections.abc import Callable

from gorewrite.guards import Side
from gorewrite.intervals import Interval, binary, exactly
from gorewrite.proposals import PackageView
from gorewrite.syntax import Node, text
from gorewrite.type_bounds import int_type, narrow

STEPS = {"inc_statement": b"+", "dec_statement": b"-"}
# The compound assignments whose operation intervals.binary evaluates: `n *= k` is `n = n * k`, in n's type.
OPERATORS = {op + b"=": op for op in (b"+", b"-", b"*", b"/", b"%", b"<<", b">>", b"&", b"|", b"^", b"&^")}
# The bound of an expression where an update evaluates it (before its own write), on the side asked.
At = Callable[[Node, Side], "int | None"]


def update(node: Node) -> tuple[Node, bytes, Node | None] | None:
    """(target, operator, amount; None for 1) of `x++`, `x--` or `x OP= k` (`x += k`, `x *= k`, …), or None."""
    if node.type in STEPS:
        return node.named_children[0], STEPS[node.type], None
    op = node.child_by_field_name("operator") if node.type == "assignment_statement" else None
    if op is None or text(op) not in OPERATORS:
        return None
    left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
    if left.named_child_count != 1 or right.named_child_count != 1:
        return None
    return left.named_children[0], OPERATORS[text(op)], right.named_children[0]


def updated(view: PackageView, path: str, node: Node, side: Side, at: At) -> int | None:
    """The bound the update leaves its target with, from the target's and the amount's intervals before it."""
    target, op, amount = update(node)
    before = lambda n: Interval(at(n, side.toward(False)), at(n, side.toward(True)))  # noqa: E731
    by = exactly(1) if amount is None else before(amount)
    return binary(op, int_type(view, path, target), before(target), by).end(side.upper)


def stepped(view: PackageView, path: str, node: Node, current: int | None, side: Side, at: At) -> int | None:
    """The bound the update leaves where its target's bound before it, on the side asked, is `current` (the one
    an earlier update on the same path left: `w += 1; fallthrough; case 1: w += 8`); at: the amount's."""
    target = update(node)[0]
    here = lambda n, s: (current if s.upper == side.upper else None) if n == target else at(n, s)  # noqa: E731
    return updated(view, path, node, side, here)


def after_loop(view: PackageView, path: str, updates: list[Node], before: int | None, side: Side, at) -> int | None:
    """The bound after a loop whose only writes of the subject are `updates`, from the bound before it
    (at(n, update, side): the bound of n where that update evaluates it)."""
    if before is None:
        return None
    found = [before]
    for node in updates:
        here = lambda n, s, node=node: at(n, node, s)  # noqa: E731
        if not keeps(view, path, node, before, side, here):
            found.append(updated(view, path, node, side, here))
    return side.worst(found)


def keeps(view: PackageView, path: str, node: Node, limit: int | None, side: Side, at: At) -> bool:
    """Does the update leave its target on the side's side of `limit` whenever it was there before, so that a
    bound holds through any number of them (a loop's)? An increment by k >= 0 that cannot wrap past the type's
    end moves away from a lower bound (a decrement from an upper one), whatever the limit. For an upper limit
    L >= 0, `n /= k` and `n %= k` (k >= 1), `n >>= s` never raise a value above max(n, 0), nor does `n &= m`
    or `n &^= m` of an n >= 0 (or with m >= 0: a negative n stays negative); `n &= m` of an m in 0..L is in
    0..L whatever n was. For a lower limit L <= 0, `/`, `%` (k >= 1) and `>>` never take a value below
    min(n, 0), nor `&` with an m >= 0 (0 or more); for a lower limit L >= 0, `n *= k` (k >= 1) and `n <<= s`
    never take an n >= L below it where n's largest value times k (times 2^s) fits n's type: `for size < want {
    size <<= 1 }` keeps `size >= 1`. `n /= -1` negates, `n %= m` of an unknown m may divide by anything: none."""
    target, op, amount = update(node)
    kind = int_type(view, path, target)
    least, most = (1, 1) if amount is None else (at(amount, side.toward(False)), at(amount, side.toward(True)))
    if kind is None:
        return False
    if op in (b"+", b"-"):
        rising = op == b"+"
        if least is None or most is None or least < 0 or rising == side.upper:
            return False
        if rising:
            high = at(target, side.toward(True))
            return high is not None and high + most <= narrow(kind)[1]
        low = at(target, side.toward(False))
        return low is not None and low - most >= narrow(kind)[0]
    if op in (b"*", b"<<") and not side.upper:  # n >= L >= 0 grown by a factor >= 1 and not wrapping: still >= L
        high = at(target, side.toward(True))
        factor = (least if op == b"*" else 1 << least) if least is not None and 0 <= least < 64 else None
        scale = (most if op == b"*" else 1 << most) if most is not None and 0 <= most < 64 else None
        grown = high * scale if None not in (high, scale) and high >= 0 else None
        return (
            limit is not None
            and limit >= 0
            and factor is not None
            and factor >= 1
            and grown is not None
            and grown <= narrow(kind)[1]
        )
    if limit is None or (limit < 0 if side.upper else limit > 0):
        return False
    divides = op in (b"/", b"%") and least is not None and least >= 1
    if op == b">>" or divides:
        return True
    masked = least is not None and least >= 0
    if not side.upper:
        return op == b"&" and masked
    if op == b"&" and masked and most is not None and most <= limit:
        return True
    if op in (b"&", b"&^"):
        low = at(target, side.toward(False))
        return (low is not None and low >= 0) or (op == b"&^" and masked)
    return False
