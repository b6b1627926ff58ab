"""Bounds an integer expression's own shape proves from its operands' bounds (bounds.py asks):
`n & 63` is at most 63, `n | 1` at most the all-ones mask covering n's bound, `h % Buckets` at
most Buckets-1, `min(n, Max)` at most Max, `2*n` at most twice n's bound where n >= 0, `1<<k` at
most 1<<K where k <= K, `int(u)` u's bound where int holds every value u can have there.

Arithmetic wraps in Go: each shape gives a bound only where the value cannot wrap past it, or
where wrapping could only make the size negative, which panics in both of make-const's forms.
"""

from __future__ import annotations

from collections.abc import Callable

from gorewrite.guards import Side
from gorewrite.lengths import bit_count, encoding_length, index_of, rune_count
from gorewrite.proposals import PackageView
from gorewrite.syntax import Node, call_args, text
from gorewrite.terms import builtin, value_of
from gorewrite.type_bounds import conversion, int_type, narrow, preserves, unsigned, wide

# The bound of an operand where the expression is evaluated, on the side asked (by default the
# expression's own side), or of its length (length=True).
Operand = Callable[..., "int | None"]
Bound = Callable[[Side], "int | None"]  # a value's bound on the side asked


def shape(view: PackageView, path: str, node: Node, side: Side, operand: Operand) -> int | None:
    """The bound the expression's own shape proves from its operands' bounds."""
    value = value_of(view, path, node)
    if value is not None:
        return value
    if node.type == "call_expression":
        return _call(view, path, node, side, operand)
    if node.type == "identifier":
        return 0 if not side.upper and unsigned(int_type(view, path, node)) else None
    if node.type != "binary_expression":
        return None
    op = text(node.child_by_field_name("operator"))
    left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
    constant = value_of(view, path, right)
    if op == b"&":  # C >= 0: no bit beyond C's
        masks = [v for v in (value_of(view, path, left), constant) if v is not None and v >= 0]
        return (min(masks) if side.upper else 0) if masks else None
    if op == b"|":  # no bit above the larger operand's highest, and a negative operand leaves it negative
        ends = [operand(left), operand(right)]
        if None in ends:
            return None
        return (1 << max(*ends, 0).bit_length()) - 1 if side.upper else max(ends) if min(ends) >= 0 else None
    if op == b"%" and constant is not None and constant > 0:  # |x % C| < C, with x's sign
        low = operand(left, side.toward(False))
        return constant - 1 if side.upper else 0 if low is not None and low >= 0 else 1 - constant
    if op == b"/" and constant is not None and constant > 0:  # rounds toward zero
        inner = operand(left)
        return None if inner is None else -(-inner // constant) if inner < 0 else inner // constant
    if op == b">>" and constant is not None and constant >= 0:  # monotone
        inner = operand(left)
        return inner >> constant if inner is not None else None
    if op in (b"+", b"-"):
        kind = int_type(view, path, node)
        return arith(op, kind, lambda s: operand(left, s), lambda s: operand(right, s), side)
    if op == b"<<" and constant is None:
        return _shifted(view, path, node, side, operand)
    if op not in (b"*", b"<<"):
        return None
    # A product or left shift of non-negative values cannot wrap to a value above the true one; it
    # may wrap upward to a negative size, which panics in both forms: the true value bounds it from above.
    down, up = side.toward(False), side.toward(True)
    lows = [operand(left, down), constant if op == b"<<" else operand(right, down)]
    highs = [operand(left, up), constant if op == b"<<" else operand(right, up)]
    if op == b"<<" and (constant is None or not 0 <= constant < 63):
        return None
    if None in highs or not all(low is not None and low >= 0 for low in lows):
        return None
    high = highs[0] * highs[1] if op == b"*" else highs[0] << highs[1]
    if side.upper:
        return high
    kind = int_type(view, path, node)  # the lower bound holds only where nothing can wrap
    if None in lows or kind is None or high > narrow(kind)[1]:
        return None
    return lows[0] * lows[1] if op == b"*" else lows[0] << lows[1]


def _shifted(view: PackageView, path: str, node: Node, side: Side, operand: Operand) -> int | None:
    """`C << k` of a constant C >= 0 by a bounded count k <= K: at most C << K where that fits the
    expression's type (go/types: C takes the type it would have alone), as shifting fewer bits gives
    less; at least C << k's lower bound (C for none). A negative k panics (the spec: a run-time panic
    at the shift), the same in both of make-const's forms."""
    left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
    value, kind = value_of(view, path, left), int_type(view, path, node)
    high = operand(right, side.toward(True))
    if value is None or value < 0 or kind is None or high is None or not 0 <= high < 63:
        return None
    if value << high > narrow(kind)[1]:
        return None  # it could wrap
    low = operand(right, side.toward(False))
    return value << high if side.upper else value << max(low or 0, 0)


def arith(op: bytes, kind: str | None, left: Bound, right: Bound, side: Side) -> int | None:
    """The bound of `left + right` or `left - right` done in the integer type kind, from each operand's
    bound on the side asked: also what `n += k`, `n++` and `n -= k` leave (updates.py). A difference is
    exact where it cannot wrap, below the type's least value (to a large size) or above its largest; a
    sum with a non-negative term cannot wrap below the least value, and may wrap upward only to a
    value below the true one (negative, or small for an unsigned type): the true value bounds it from
    above, and from below only where nothing can wrap."""
    down, up = side.toward(False), side.toward(True)
    if op == b"-":
        ends = [left(down), right(up), left(up), right(down)]
        if None in ends or kind is None or ends[0] - ends[1] < narrow(kind)[0] or ends[2] - ends[3] > narrow(kind)[1]:
            return None
        return ends[2] - ends[3] if side.upper else ends[0] - ends[1]
    lows, highs = [left(down), right(down)], [left(up), right(up)]
    if None in highs or not any(low is not None and low >= 0 for low in lows):
        return None
    if side.upper:
        return highs[0] + highs[1]
    if None in lows or kind is None or highs[0] + highs[1] > narrow(kind)[1]:
        return None
    return lows[0] + lows[1]


def length(view: PackageView, path: str, node: Node, side: Side, operand: Operand) -> int | None:
    """The bound the expression's shape proves for its length: an array's, or a constant string's (go/types),
    and `x[lo:hi]`'s, which is hi - lo or the slicing panics (hi defaults to len(x), lo to 0, and is never
    below 0)."""
    fixed = view.types.length(path, node.start_byte, node.end_byte)
    if fixed is not None or node.type != "slice_expression":
        return fixed
    if not side.upper:
        return 0
    operand_node, start, end = (node.child_by_field_name(f) for f in ("operand", "start", "end"))
    high = operand(end, side) if end is not None else operand(operand_node, side, True)
    low = operand(start, side.toward(False)) if start is not None else 0
    return high - max(low or 0, 0) if high is not None else None


def _call(view: PackageView, path: str, node: Node, side: Side, operand) -> int | None:
    """min/max of bounded arguments, len/cap (never negative), the count `copy` returns (the spec: the
    lesser of len(dst) and len(src)), an encoding's length (`hex.EncodedLen(len(id))`), a count of bits
    (`bits.OnesCount32(x)`, at most 32) or of runes (`utf8.RuneCountInString(s)`, at most len(s)), an index
    into a bounded operand (`bytes.IndexByte(b, c)`: -1 up to len(b)-1), and `T(x)` where T keeps x's value."""
    function = node.child_by_field_name("function")
    args = call_args(node)
    if builtin(view, path, function, b"len") or builtin(view, path, function, b"cap"):
        return None if side.upper else 0
    if builtin(view, path, function, b"copy") and len(args) == 2:  # either length bounds it
        return side.best(operand(a, side, True) for a in args) if side.upper else 0
    if rune_count(view, path, function) and len(args) == 1 and args[0].type != "variadic_argument":
        return operand(args[0], side, True) if side.upper else 0
    for name, any_one in ((b"min", side.upper), (b"max", not side.upper)):
        if builtin(view, path, function, name):  # min(a, b) <= a: one bounded argument bounds it
            found = [operand(a) for a in args]
            return side.best(found) if any_one else side.worst(found)
    width = bit_count(view, path, function)
    if width is not None:
        return width if side.upper else 0
    if index_of(view, path, function) and len(args) == 2:  # -1, or an index below the operand's length
        within = operand(args[0], side, True) if side.upper else None
        return -1 if not side.upper else within - 1 if within is not None else None
    length = encoding_length(view, path, function)
    if length is not None and len(args) == 1 and args[0].type != "variadic_argument":
        low = operand(args[0], side.toward(False))
        if low is None or low < 0:  # what a negative length gives is not the encodings' to say
            return None
        high = operand(args[0], side.toward(True)) if side.upper else None
        return length(high) if high is not None else None if side.upper else 0
    converted = conversion(view, path, node)
    if converted is None:
        return None
    target, inner = converted
    source = int_type(view, path, inner)
    if source is None:  # a float's bounds are not an integer's (`f < 10` leaves 9.9), nor its quotients
        return None
    low, high = operand(inner, side.toward(False)), operand(inner, side.toward(True))
    low = max(low, wide(source)[0]) if low is not None else wide(source)[0]
    least, most = narrow(target)
    kept = preserves(source, target) or (low is not None and high is not None and least <= low and high <= most)
    return (high if side.upper else low) if kept else None
