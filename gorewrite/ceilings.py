"""The upper end of a ceiling `(n + d - 1) / d` whose divisor d nothing bounds above (shapes.py asks): a count of
blocks, `(len(read)+w-1)/w` after `w < 1 || len(read) > MaxReadLen` (make-const-bio, session 53).

Interval arithmetic gives nothing there: n + d may wrap for a d near the type's largest. Go's `+` and `-` are
exact modulo 2^N, so the numerator is the rest of its terms, R (their true sum, each term a value of the type),
plus d, modulo 2^N, whatever the order the tree adds them in. Where R is at least the type's least minus 1 on each
GOARCH word, with that word's least (`len(s) - 1` of a uint is -1 at least; an int's least is -2^31 on 386), and
1 <= d <= the type's largest, R + d cannot fall below the least, and:

- R + d fits the type: for R >= 0 the quotient is floor(R/d) + 1, at most floor(R.hi/d.lo) + 1; for R < 0,
  R + d < d, and the quotient is at most 0;
- R + d exceeds the largest: it wraps to V = R + d - k*2^N (k >= 1) <= R.hi + largest - 2^N = R.hi + least - 1
  < R.hi, so the quotient is below R.hi/d.lo (at most 0 where V < 0). It is at most 0 wherever R < 2^N (V < d),
  not beyond: three int8 terms of 127 and d = 1 wrap to 126, which divides to 126.

The upper end is floor(R.hi/d.lo) + 1, or 0 where R.hi < 0. A sum that may fall below the least wraps to any
size (`(n-2+w)/w` of an int8 n = -128 and w = 1 is 127).

d is read twice: the whole expression must be pure (pure.py: no call, no receive, nothing another goroutine may
move), so both reads give one value.
"""

from __future__ import annotations

from collections.abc import Callable

from gorewrite.intervals import UNKNOWN, Interval
from gorewrite.proposals import PackageView
from gorewrite.pure import pure
from gorewrite.syntax import Node, text, unparen
from gorewrite.terms import key_of
from gorewrite.type_bounds import int_type, ranges

SUMS = (b"+", b"-")
FLIPPED = {b"+": b"-", b"-": b"+"}


def ceiling(view: PackageView, path: str, node: Node, of: Callable[[Node], Interval]) -> Interval:
    """The interval (its upper end) of a division `(… + d …) / d` of a d at least 1, from its other terms'."""
    kind = int_type(view, path, node)
    divisor = unparen(node.child_by_field_name("right"))
    key = key_of(view, path, divisor)
    if kind is None or key is None or not pure(view, path, node):
        return UNKNOWN
    terms = _terms(unparen(node.child_by_field_name("left")), b"+")
    same = next((t for t in terms if t[0] == b"+" and key_of(view, path, t[1]) == key), None)
    d = of(divisor)
    if same is None or d.lo is None or d.lo < 1:
        return UNKNOWN
    terms.remove(same)
    ends = [(of(term), sign == b"+") for sign, term in terms]
    if any((t.hi if plus else t.lo) is None for t, plus in ends):
        return UNKNOWN
    for least, most in ranges(kind):  # the rest's least, each term's unbounded end its type's
        if sum(_end(t.lo, least) if plus else -_end(t.hi, most) for t, plus in ends) + 1 < least:
            return UNKNOWN
    most_rest = sum(t.hi if plus else -t.lo for t, plus in ends)
    return Interval(None, most_rest // d.lo + 1 if most_rest >= 0 else 0)


def _end(value: int | None, otherwise: int) -> int:
    return otherwise if value is None else value


def _terms(node: Node, sign: bytes) -> list[tuple[bytes, Node]]:
    """The terms of a sum, each with its sign: `a + d - 1` is [(+, a), (+, d), (-, 1)]."""
    op = text(node.child_by_field_name("operator")) if node.type == "binary_expression" else None
    if op not in SUMS:
        return [(sign, node)]
    left, right = (unparen(node.child_by_field_name(f)) for f in ("left", "right"))
    return _terms(left, sign) + _terms(right, sign if op == b"+" else FLIPPED[sign])
