"""The upper end of a ceiling `(n + d - 1) / d` whose divisor d nothing bounds above (shapes.py asks): a count of
blocks, `(len(read)+w-1)/w` after `w < 1 || len(read) > MaxReadLen` (make-const-bio, session 53).

Interval arithmetic gives nothing there: n + d may wrap for a d near the type's largest. Go's `+` and `-` are
exact modulo 2^N, so the numerator is the rest of its terms, R (whose true sum the intervals bound, within the
type), plus d, modulo 2^N, whatever the order the tree adds them in. With 1 <= d <= the type's largest:

- R + d fits the type: for R >= 0 the quotient is floor(R/d) + 1, at most floor(R.hi/d.lo) + 1; for R < 0,
  R + d < d, and the quotient is at most 0;
- R + d exceeds the largest (it cannot fall below the least: d >= 1): the numerator is R + d - 2^N, at most
  R.hi - 1 for an unsigned type (so is the quotient), and for a signed one at most R.hi + least - 1, which is
  at most 0 while R.hi <= 1 - least (2^31 + 1 for an int on a 32-bit target), so the quotient is at most 0.

d is read twice: the whole expression must be pure (pure.py: no call, no receive, nothing another goroutine may
move), so both reads give one value.
"""

from __future__ import annotations

from collections.abc import Callable

from gorewrite.intervals import UNKNOWN, Interval, binary, exactly
from gorewrite.proposals import PackageView
from gorewrite.pure import pure
from gorewrite.syntax import Node, text, unparen
from gorewrite.terms import key_of
from gorewrite.type_bounds import int_type, ranges, unsigned

SUMS = (b"+", b"-")


def ceiling(view: PackageView, path: str, node: Node, of: Callable[[Node], Interval]) -> Interval:
    """The interval (its upper end) of a division `(… + d …) / d` of a d at least 1, from its other terms'."""
    kind = int_type(view, path, node)
    divisor = unparen(node.child_by_field_name("right"))
    key = key_of(view, path, divisor)
    if kind is None or key is None or not pure(view, path, node):
        return UNKNOWN
    terms = _terms(view, path, unparen(node.child_by_field_name("left")), kind, b"+")
    same = next((t for t in terms if t[0] == b"+" and key_of(view, path, t[1]) == key), None)
    d = of(divisor)
    if same is None or d.lo is None or d.lo < 1:
        return UNKNOWN
    terms.remove(same)
    rest = exactly(0)
    for sign, term in terms:
        rest = binary(sign, kind, rest, of(term))
    if rest.hi is None or not unsigned(kind) and any(rest.hi + least - 1 > 0 for least, _ in ranges(kind)):
        return UNKNOWN
    return Interval(None, rest.hi // d.lo + 1 if rest.hi >= 0 else 0)


def _terms(view: PackageView, path: str, node: Node, kind: str, sign: bytes) -> list[tuple[bytes, Node]]:
    """The terms of a sum done in kind, each with its sign: `a + d - 1` is [(+, a), (+, d), (-, 1)]."""
    op = text(node.child_by_field_name("operator")) if node.type == "binary_expression" else None
    if op not in SUMS or int_type(view, path, node) != kind:
        return [(sign, node)]
    flip = {b"+": b"-", b"-": b"+"}
    left = _terms(view, path, unparen(node.child_by_field_name("left")), kind, sign)
    right_sign = sign if op == b"+" else flip[sign]
    return left + _terms(view, path, unparen(node.child_by_field_name("right")), kind, right_sign)
