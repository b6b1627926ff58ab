"""Interval arithmetic on Go integers (shapes.py, updates.py, returns.py): each value gets [lo, hi], None on a
side nothing bounds, and an operation's interval comes from its operands' in the operation's integer type.

Go's integers wrap. An operation gives an interval only where it cannot wrap on any GOARCH: its true result,
with each operand anywhere its type allows on a side the code proves nothing of, must fit the type (`int` and
`uint` as 32-bit and as 64-bit). A product that could wrap gives nothing, even where only a huge input makes it
wrap: `2*n` of `n = MinInt64+50` is 100. A size that may be negative is fine (make panics, and so does the
slicing of make-const's exact form), so the lower end of `(len(s)-zeros)*733/1000+1` may be -92 while its upper
end, 94 after `len(s) <= 128`, bounds the size.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from gorewrite.type_bounds import narrow, ranges, wide

INF = float("inf")  # an unbounded end while the corners of an operation are computed, never in an Interval
Ends = tuple  # (lo, hi): ints, or -INF / INF for an end nothing bounds


@dataclass(frozen=True)
class Interval:
    """The values an integer expression can have: lo <= value <= hi, None where nothing bounds that side."""

    lo: int | None = None
    hi: int | None = None

    def end(self, upper: bool) -> int | None:
        return self.hi if upper else self.lo

    def meet(self, other: Interval) -> Interval:
        """The values both intervals allow (each holds: the tighter end of each side)."""
        return Interval(_pick(max, self.lo, other.lo), _pick(min, self.hi, other.hi))

    @property
    def nonnegative(self) -> bool:
        return self.lo is not None and self.lo >= 0


UNKNOWN = Interval()
NONNEGATIVE = Interval(0, None)


def exactly(value: int) -> Interval:
    return Interval(value, value)


def join(found: Iterable[Interval]) -> Interval:
    """The values any of the intervals allows (a value that came one of several ways): each end only where all
    of them bound it."""
    found = list(found)
    if not found:
        return UNKNOWN
    los, his = [i.lo for i in found], [i.hi for i in found]
    return Interval(None if None in los else min(los), None if None in his else max(his))


def _pick(best: Callable, *values: int | None) -> int | None:
    """The best of the known values (None if none is)."""
    known = [v for v in values if v is not None]
    return best(known) if known else None


def binary(op: bytes, kind: str | None, a: Interval, b: Interval) -> Interval:
    """The interval of `a op b` done in the integer type kind (as go/types names it; None: not an integer)."""
    if kind is None:
        return UNKNOWN
    if op in WRAPPING:
        counted = _scale(b) if op == b"<<" else b  # a << s is a * 2**s, or a panic for a negative s
        if counted is None or not all(_fits(WRAPPING[op], a, counted, r) for r in {narrow(kind), wide(kind)}):
            return UNKNOWN
        return _interval(WRAPPING[op](_ends(a), _ends(counted)))
    if op in EXACT:
        return EXACT[op](a, b)
    return UNKNOWN


def convert(source: str | None, target: str, a: Interval) -> Interval:
    """`T(x)`: x's interval where T holds every value x can have there (x's type fills an end nothing bounds)
    on every GOARCH, each with its own word (`Bytes(n)` of an int n for a `type Bytes int` keeps n), else
    none: a narrowing conversion wraps (`int8(200)` is -56)."""
    if source is None:
        return UNKNOWN
    for (low, high), (least, most) in zip(ranges(source), ranges(target), strict=True):
        if not least <= _pick(max, a.lo, low) or not _pick(min, a.hi, high) <= most:
            return UNKNOWN
    return Interval(_pick(max, a.lo, 0) if wide(source)[0] == 0 else a.lo, a.hi)


def _ends(a: Interval) -> Ends:
    return (-INF if a.lo is None else a.lo, INF if a.hi is None else a.hi)


def _interval(ends: Ends) -> Interval:
    lo, hi = ends
    return Interval(None if lo == -INF else int(lo), None if hi == INF else int(hi))


def _fits(operation: Callable[[Ends, Ends], Ends], a: Interval, b: Interval, values: tuple[int, int]) -> bool:
    """Does the operation's true result fit the range, with each operand's unbounded ends at the range's?"""
    least, most = values
    fill = lambda i: (least if i.lo is None else i.lo, most if i.hi is None else i.hi)  # noqa: E731
    lo, hi = operation(fill(a), fill(b))
    return least <= lo and hi <= most


def _times(x, y):
    """x * y where either may be unbounded (0 times anything is 0)."""
    if x == 0 or y == 0:
        return 0
    if INF in (abs(x), abs(y)):
        return INF if (x > 0) == (y > 0) else -INF
    return x * y


def _add(a: Ends, b: Ends) -> Ends:
    return a[0] + b[0], a[1] + b[1]


def _sub(a: Ends, b: Ends) -> Ends:
    return a[0] - b[1], a[1] - b[0]


def _mul(a: Ends, b: Ends) -> Ends:
    corners = [_times(x, y) for x in a for y in b]
    return min(corners), max(corners)


WRAPPING = {b"+": _add, b"-": _sub, b"*": _mul, b"<<": _mul}
SHIFT_LIMIT = 64  # a shift by more bits leaves what a shift by 64 does (0, or -1 for a negative value)


def _scale(count: Interval) -> Interval | None:
    """2**s for a shift count s: a negative count panics (the spec), so the count is at least 0; an unbounded
    count bounds nothing."""
    if count.hi is None or count.hi > SHIFT_LIMIT:
        return None
    return Interval(1 << max(count.lo or 0, 0), 1 << max(count.hi, 0))


def _quo(x: int, y: int) -> int:
    """Go's x / y for y > 0: it rounds toward zero."""
    return -(-x // y) if x < 0 else x // y


def _div(a: Interval, b: Interval) -> Interval:
    """x / d for a divisor d >= 1: monotone in x, and in d toward zero."""
    if b.lo is None or b.lo < 1:
        return UNKNOWN
    far = lambda x: 0 if b.hi is None else _quo(x, b.hi)  # noqa: E731  (x divided by the largest d)
    lo = None if a.lo is None else _quo(a.lo, b.lo) if a.lo < 0 else far(a.lo)
    hi = None if a.hi is None else _quo(a.hi, b.lo) if a.hi >= 0 else far(a.hi)
    return Interval(lo, hi)


def _rem(a: Interval, b: Interval) -> Interval:
    """x % d for a divisor d >= 1: below d in magnitude, no larger than x, with x's sign."""
    if b.lo is None or b.lo < 1:
        return UNKNOWN
    most = b.hi - 1 if b.hi is not None else None
    lo = 0 if a.nonnegative else _pick(max, a.lo, -most if most is not None else None)
    hi = 0 if a.hi is not None and a.hi <= 0 else _pick(min, a.hi, most)
    return Interval(lo, hi)


def _shr(a: Interval, b: Interval) -> Interval:
    """x >> s rounds down (a negative x stays negative); it cannot wrap. A negative count panics."""
    low = min(max(b.lo or 0, 0), SHIFT_LIMIT)
    high = max(min(b.hi if b.hi is not None else SHIFT_LIMIT, SHIFT_LIMIT), low)  # every count below 0 panics
    lo = None if a.lo is None else a.lo >> (high if a.lo >= 0 else low)
    hi = None if a.hi is None else a.hi >> (low if a.hi >= 0 else high)
    return Interval(lo, hi)


def _and(a: Interval, b: Interval) -> Interval:
    """x & m for an m >= 0 keeps only m's bits: from 0 to m's upper end (and x's, if x >= 0 too); for a
    constant m and an x >= 0, at most the largest value up to x's upper end made of m's bits alone."""
    masks = [i for i in (a, b) if i.nonnegative]
    if not masks:
        return UNKNOWN
    hi = _pick(min, *(m.hi for m in masks))
    for x, m in ((a, b), (b, a)):
        if x.nonnegative and x.hi is not None and m.lo is not None and m.lo == m.hi:
            hi = min(hi, _largest(x.hi, m.lo))
    return Interval(0, hi)


def _and_not(a: Interval, b: Interval) -> Interval:
    """x &^ y is x & ^y: for y >= 0 it clears bits of x below y's sign bit, x - (x & y) with 0 <= x & y <= y, so from
    x - y to x (never below 0 for x >= 0); a constant y leaves at most the largest value up to x's upper end without
    y's bits (`(n+3) &^ 3` for n+3 <= 62: 60). For any y, an x >= 0 loses bits only: from 0 to x."""
    if b.nonnegative:
        lo = a.lo - b.hi if a.lo is not None and b.hi is not None else None
        hi = a.hi
        if a.nonnegative and hi is not None and b.lo == b.hi:
            hi = _largest(hi, ~b.lo)
        return Interval(0 if a.nonnegative else lo, hi)
    return Interval(0, a.hi) if a.nonnegative else UNKNOWN


def _xor(a: Interval, b: Interval) -> Interval:
    """x ^ y of x, y >= 0 sets no bit above the higher operand's highest, as `|` does; a negative operand: nothing."""
    return Interval(0, _or(a, b).hi) if a.nonnegative and b.nonnegative else UNKNOWN


def _largest(most: int, bits: int) -> int:
    """The largest v in [0, most] with no bit outside `bits` (a Python int: ~c has every bit above c's set), by the
    bits from the top: below the first bit of `most` v may not have, every allowed bit can be set."""
    v, tight = 0, True
    for bit in reversed(range(most.bit_length())):
        b = 1 << bit
        if tight and most & b and not bits & b:
            tight = False
        elif bits & b and (not tight or most & b):
            v |= b
    return v


def _or(a: Interval, b: Interval) -> Interval:
    """x | y sets no bit above the higher operand's highest, and is negative if either is: at most the all-ones
    mask covering both upper ends; at least the larger operand where both are non-negative."""
    hi = (1 << max(a.hi, b.hi, 0).bit_length()) - 1 if a.hi is not None and b.hi is not None else None
    return Interval(max(a.lo, b.lo) if a.nonnegative and b.nonnegative else None, hi)


EXACT = {b"/": _div, b"%": _rem, b">>": _shr, b"&": _and, b"|": _or, b"&^": _and_not, b"^": _xor}
