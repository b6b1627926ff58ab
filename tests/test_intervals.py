"""Interval arithmetic on Go integers (gorewrite/intervals.py), checked against Go's semantics: each end
where an operation cannot wrap on any GOARCH, nothing where it can, and Go's rounding (`/` toward zero,
`>>` down, `%` with the dividend's sign)."""

from __future__ import annotations

import pytest

from gorewrite.intervals import UNKNOWN, Interval, binary, convert, join
from gorewrite.type_bounds import preserves

I = Interval  # noqa: E741

# (op, type, left, right, the interval of `left op right`)
CASES = [
    # base58: (len(s)-zeros)*733/1000+1 after len(s) <= 128, zeros counted up to len(s)
    (b"-", "int", I(0, 128), I(0, 128), I(-128, 128)),
    (b"*", "int", I(-128, 128), I(733, 733), I(-93824, 93824)),
    (b"/", "int", I(-93824, 93824), I(1000, 1000), I(-93, 93)),
    (b"+", "int", I(-93, 93), I(1, 1), I(-92, 94)),
    # the corners of a product with a negative factor
    (b"*", "int", I(-8, 8), I(0, 4), I(-32, 32)),
    (b"*", "int", I(-3, -2), I(-5, 4), I(-12, 15)),
    # one end unbounded: the sum keeps the other where nothing can wrap
    (b"+", "int", I(None, 20), I(4, 4), I(None, 24)),
    (b"-", "int", I(64, 64), I(0, None), I(None, 64)),
    # could wrap: nothing, even where only a huge value wraps
    (b"+", "int", I(None, 20), I(None, 4), UNKNOWN),
    (b"*", "int", I(None, 20), I(2, 2), UNKNOWN),
    (b"*", "int32", I(None, 1 << 20), I(2000, 2000), UNKNOWN),
    (b"+", "uint8", I(8, 255), I(4, 4), UNKNOWN),
    (b"-", "uint", I(0, 20), I(0, 4), UNKNOWN),
    (b"-", "int8", I(-100, 100), I(50, 50), UNKNOWN),
    (b"*", "int", I(0, 1 << 20), I(0, 1 << 20), UNKNOWN),  # fits int64, not a 32-bit int
    (b"*", "int64", I(0, 1 << 20), I(0, 1 << 20), I(0, 1 << 40)),
    # updates (updates.py): `n *= 2` after 0 <= n <= 8, `n *= -2` swaps the ends, `-n` is 0 - n
    (b"*", "int", I(0, 8), I(2, 2), I(0, 16)),
    (b"*", "int", I(0, 8), I(-2, -2), I(-16, 0)),
    (b"*", "int16", I(None, 8), I(-2, -2), UNKNOWN),  # -20000 * -2 wraps to -25536
    (b"*", "int32", I(0, 1 << 20), I(1 << 12, 1 << 12), UNKNOWN),
    (b"*", "int", I(0, 1 << 20), I(1 << 12, 1 << 12), UNKNOWN),  # a 32-bit int wraps too
    (b"*", "int64", I(0, 1 << 20), I(1 << 12, 1 << 12), I(0, 1 << 32)),
    (b"-", "int", I(0, 0), I(-16, 0), I(0, 16)),
    (b"-", "int16", I(0, 0), I(None, 8), UNKNOWN),  # -(-32768) wraps
    # division rounds toward zero, by a divisor of at least 1
    (b"/", "int", I(-7, 7), I(2, 2), I(-3, 3)),
    (b"/", "int", I(10, 100), I(2, 5), I(2, 50)),
    (b"/", "int", I(-100, -10), I(2, None), I(-50, 0)),
    (b"/", "int", I(0, 100), I(0, 5), UNKNOWN),
    # a remainder is below the divisor, no larger than the dividend, with its sign
    (b"%", "int", I(0, None), I(16, 16), I(0, 15)),
    (b"%", "int", I(None, None), I(16, 16), I(-15, 15)),
    (b"%", "int", I(-3, 9), I(16, 16), I(-3, 9)),
    # shifts: left as a product by 2**k (a negative count panics), right rounding down
    (b"<<", "int", I(1, 1), I(0, 6), I(1, 64)),
    (b"<<", "int", I(1, 1), I(None, 6), I(1, 64)),
    (b"<<", "int", I(1, 1), I(0, None), UNKNOWN),
    (b"<<", "int32", I(1, 1), I(0, 31), UNKNOWN),
    (b">>", "int", I(-9, 9), I(1, 1), I(-5, 4)),
    (b">>", "int", I(-9, 9), I(0, None), I(-9, 9)),
    (b">>", "int", I(-9, 9), I(-3, -1), I(-9, 9)),  # every count panics: nothing to say, and no error
    (b"<<", "int", I(1, 1), I(-3, -1), I(1, 1)),
    # masks
    (b"&", "int", I(None, None), I(63, 63), I(0, 63)),
    (b"&", "int", I(0, 10), I(None, None), I(0, 10)),
    (b"&", "int", I(None, 10), I(None, 63), UNKNOWN),
    (b"|", "int", I(0, 255), I(1, 1), I(1, 255)),
    (b"|", "int", I(None, 255), I(1, 1), I(None, 255)),
    # x &^ y: x less some of y's bits (y >= 0), or some of x's bits (x >= 0); a constant y the tightest (probe34b Pad4)
    (b"&^", "int", I(3, 62), I(3, 3), I(0, 60)),
    (b"&^", "int", I(-10, 20), I(0, 7), I(-17, 20)),
    (b"&^", "int", I(0, 20), I(None, None), I(0, 20)),
    (b"&^", "int", I(None, 20), I(None, None), UNKNOWN),
    (b"&", "int", I(0, 50), I(0x3C, 0x3C), I(0, 48)),
    (b"^", "int", I(0, 20), I(5, 5), I(0, 31)),
    (b"^", "int", I(0, 20), I(None, 5), UNKNOWN),
    # not an integer type (a float, a type parameter): nothing
    (b"+", None, I(0, 1), I(0, 1), UNKNOWN),
]


@pytest.mark.parametrize(("op", "kind", "left", "right", "expected"), CASES)
def test_each_operation_gives_go_semantics_or_nothing(op, kind, left, right, expected):
    assert binary(op, kind, left, right) == expected


def test_an_interval_holds_every_value_go_computes():
    """Brute force over small ranges: every Go result (wrapped in int8) lies in the interval given."""

    def wrapped(v: int) -> int:
        return (v + 128) % 256 - 128

    go = {
        b"+": lambda x, y: wrapped(x + y),
        b"-": lambda x, y: wrapped(x - y),
        b"*": lambda x, y: wrapped(x * y),
        b"/": lambda x, y: wrapped(int(x / y)),
        b"%": lambda x, y: x - int(x / y) * y,
        b"&": lambda x, y: x & y,
        b"|": lambda x, y: x | y,
        b"^": lambda x, y: x ^ y,
        b"&^": lambda x, y: x & ~y,
        b">>": lambda x, y: x >> y,
        b"<<": lambda x, y: wrapped(x << y),
    }
    ranges = [I(-9, -3), I(-4, 5), I(0, 7), I(1, 1), I(3, 12), I(60, 70), I(-128, -100)]
    for op, compute in go.items():
        for a in ranges:
            for b in ranges:
                if op in (b"/", b"%", b">>", b"<<") and b.lo < (1 if op in (b"/", b"%") else 0):
                    continue
                found = binary(op, "int8", a, b)
                for x in range(a.lo, a.hi + 1):
                    for y in range(b.lo, b.hi + 1):
                        v = compute(x, y)
                        assert (found.lo is None or found.lo <= v) and (found.hi is None or v <= found.hi), (
                            op,
                            a,
                            b,
                            x,
                            y,
                            v,
                            found,
                        )


def test_a_conversion_keeps_the_interval_only_where_the_target_holds_every_value():
    assert convert("uint32", "int", I(64, 640)) == I(64, 640)
    assert convert("uint32", "int", I(None, 640)) == I(0, 640)  # a uint32 is never negative
    assert convert("int", "int8", I(0, 100)) == I(0, 100)
    assert convert("int", "int8", I(0, 200)) == UNKNOWN  # int8(200) is -56
    assert convert("int64", "int", I(None, 5)) == UNKNOWN  # a 32-bit int wraps a large int64
    assert convert(None, "int", I(0, 9)) == UNKNOWN  # a float: `f < 10` leaves 9.9
    # int, uint and uintptr share the GOARCH's word: int(n) of an int (a `type Bytes int`) keeps n unbounded
    assert convert("int", "int", I(None, 5)) == I(None, 5)
    assert convert("uint", "uint64", I(None, None)) == I(0, None)
    assert convert("int", "int32", I(None, 5)) == UNKNOWN  # a 64-bit int wraps
    assert convert("uint", "int", I(0, None)) == UNKNOWN  # a uint above MaxInt wraps negative


def test_a_conversion_preserves_a_type_where_the_target_holds_it_on_every_goarch():
    assert preserves("int", "int") and preserves("int", "int64") and preserves("int32", "int")
    assert preserves("uint", "uint64") and preserves("uint16", "int") and preserves("uint32", "int64")
    assert not preserves("int64", "int") and not preserves("int", "int32") and not preserves("uint32", "int")
    assert not preserves("int", "uint") and not preserves("int", "int8") and not preserves(None, "int")


def test_a_join_bounds_a_side_only_where_every_interval_does():
    assert join([I(1, 10), I(8, 64)]) == I(1, 64)
    assert join([I(1, 10), I(8, None)]) == I(1, None)
    assert join([]) == UNKNOWN
    assert I(0, 10).meet(I(-5, 4)) == I(0, 4)
