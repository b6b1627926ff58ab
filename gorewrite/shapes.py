"""Bounds an integer expression's own shape proves from its operands' bounds (bounds.py asks):
`n & 63` is at most 63, `n | 1` at most the all-ones mask covering n's bound, `h % Buckets` at
most Buckets-1, `min(n, Max)` at most Max, `2*n` at most twice n's bound where n >= 0, `int(u)`
u's bound where int holds every value u can have there.

Arithmetic wraps in Go: each shape gives a bound only where the value cannot wrap past it, or
where wrapping could only make the size negative, which panics in both of make-const's forms.
"""

from __future__ import annotations

from collections.abc import Callable

from gorewrite.guards import Side
from gorewrite.lengths import encoding_length
from gorewrite.proposals import PackageView
from gorewrite.syntax import Node, text
from gorewrite.terms import builtin, value_of
from gorewrite.type_bounds import conversion, int_type, narrow, preserves, unsigned, wide

# The bound of an operand where the expression is evaluated, on the side asked (by default the
# expression's own side).
Operand = Callable[..., "int | None"]


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
    if op == b"-":  # exact where it cannot wrap, below the type's least value (to a large size) or above its largest
        down, up, kind = side.toward(False), side.toward(True), int_type(view, path, node)
        ends = [operand(left, down), operand(right, up), operand(left, up), operand(right, down)]
        if None in ends or kind is None or ends[0] - ends[1] < narrow(kind)[0] or ends[2] - ends[3] > narrow(kind)[1]:
            return None
        return ends[2] - ends[3] if side.upper else ends[0] - ends[1]
    if op not in (b"+", b"*", b"<<"):
        return None
    # A sum with a non-negative term cannot wrap below the type's least value; a product or left
    # shift of non-negative values cannot wrap to a value above the true one. Either may wrap
    # upward to a negative size, which panics in both forms: the true value bounds it from above.
    down, up = side.toward(False), side.toward(True)
    lows = [operand(left, down), constant if op == b"<<" else operand(right, down)]
    highs = [operand(left, up), constant if op == b"<<" else operand(right, up)]
    if op == b"<<" and (constant is None or not 0 <= constant < 63):
        return None
    nonnegative = [low is not None and low >= 0 for low in lows]
    if None in highs or not (any(nonnegative) if op == b"+" else all(nonnegative)):
        return None
    high = highs[0] + highs[1] if op == b"+" else highs[0] * highs[1] if op == b"*" else highs[0] << highs[1]
    if side.upper:
        return high
    kind = int_type(view, path, node)  # the lower bound holds only where nothing can wrap
    if None in lows or kind is None or high > narrow(kind)[1]:
        return None
    return lows[0] + lows[1] if op == b"+" else lows[0] * lows[1] if op == b"*" else lows[0] << lows[1]


def _call(view: PackageView, path: str, node: Node, side: Side, operand) -> int | None:
    """min/max of bounded arguments, len/cap (never negative), an encoding's length (`hex.EncodedLen(len(id))`),
    and `T(x)` where T keeps x's value."""
    function = node.child_by_field_name("function")
    args = node.child_by_field_name("arguments").named_children
    if builtin(view, path, function, b"len") or builtin(view, path, function, b"cap"):
        return None if side.upper else 0
    for name, any_one in ((b"min", side.upper), (b"max", not side.upper)):
        if builtin(view, path, function, name):  # min(a, b) <= a: one bounded argument bounds it
            found = [operand(a) for a in args]
            return side.best(found) if any_one else side.worst(found)
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
