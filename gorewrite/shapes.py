"""The interval an integer expression's own shape proves from its operands' (bounds.py asks): arithmetic
through intervals.py (`(len(s)-zeros)*733/1000 + 1`, `n & 63`, `h % Buckets`, `1<<k`, `-n` as `0-n`), `min`
and `max`, len and cap (never negative), a value of an unsigned type (never negative), `int(u)` where int holds
every value u can have there, the std functions lengths.py knows, a call of a function of the package whose
every return is bounded (returns.py), an unexported field every write of which is bounded (field_writes.py),
and a sum of which the code bounds a part (regrouped.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from gorewrite import digests, frozen_vars
from gorewrite.ceilings import ceiling
from gorewrite.field_writes import field_range
from gorewrite.intervals import NONNEGATIVE, UNKNOWN, Interval, binary, convert, exactly, join
from gorewrite.lengths import (
    appended,
    below_argument,
    bit_count,
    encoding,
    encoding_length,
    index_of,
    number_length,
    parts_of,
    result_range,
    rune_count,
    slice_length,
    splits,
    substring,
    substring_count,
)
from gorewrite.proposals import PackageView
from gorewrite.regrouped import regrouped
from gorewrite.returns import Given, declared_name, returned
from gorewrite.syntax import Node, call_args, text
from gorewrite.terms import builtin, value_of, window_width
from gorewrite.type_bounds import conversion, int_type, unsigned, wide
from gorewrite.typeinfo import Kind

IDENTIFIERS = ("identifier", "field_identifier")


@dataclass(frozen=True)
class Operands:
    """The intervals a shape builds on, where the expression is evaluated: an operand's (`of`), its length's
    (`length`), and a returned expression's (or its length's) at its return statement in a function of the package
    (`returned`: the file, the expression, the statement, length, the parameters' intervals the call's arguments
    give; UNKNOWN past the depth bounds.py follows calls to); `typed`: whether they include the bounds a small
    integer type alone gives (bounds.Side)."""

    of: Callable[[Node], Interval]
    length: Callable[[Node], Interval]
    returned: Callable[[str, Node, Node, bool, Given], Interval]
    typed: bool


def shape(view: PackageView, path: str, node: Node, operands: Operands) -> Interval:
    """The interval the expression's own shape proves from its operands' intervals."""
    value = value_of(view, path, node)
    if value is not None:
        return exactly(value)
    held = frozen_vars.read(view, path, node)  # `maxFrame`, never written: its initializer's value, or 0
    if held is not None:
        return held
    floor = NONNEGATIVE if unsigned(int_type(view, path, node)) else UNKNOWN  # a uint is never negative
    if node.type == "call_expression":
        return floor.meet(_call(view, path, node, operands))
    if node.type == "unary_expression" and text(node.child_by_field_name("operator")) == b"-":  # 0 - x, wrapping
        return floor.meet(
            binary(b"-", int_type(view, path, node), exactly(0), operands.of(node.child_by_field_name("operand")))
        )
    if node.type == "selector_expression":  # an unexported field: every write of it in the package
        at = lambda f, n, stmt: operands.returned(f, n, stmt, False, ())  # noqa: E731
        return floor.meet(field_range(view, path, node, at, operands.typed))
    if node.type != "binary_expression":
        return floor
    op, kind = text(node.child_by_field_name("operator")), int_type(view, path, node)
    left, right = (operands.of(node.child_by_field_name(s)) for s in ("left", "right"))
    if op == b">>" and operands.typed and kind is not None:  # `int(v>>24)` of a uint32: at most 255 (as typed)
        left = left.meet(Interval(*wide(kind)))
    found = floor.meet(binary(op, kind, left, right))
    if found.hi is None and op == b"/":  # `(n+d-1)/d`: ceilings.py
        return found.meet(ceiling(view, path, node, operands.of))
    return found.meet(regrouped(view, path, node, operands.of)) if op == b"+" and found.hi is None else found


def length(view: PackageView, path: str, node: Node, operands: Operands) -> Interval:
    """The interval the expression's shape proves for its length: an array's, or a constant string's (go/types),
    a SplitN's, a TrimSpace's, a Cut's or an AppendInt's (lengths.py), a slice's `make(T, n)` (n, or the make panics),
    an `append(x, a, b)`'s (len(x) plus its arguments, or plus len(ys) for `ys...`: the spec), a `string(b)` of a
    []byte's or a string's (len(b), by go/types), a `[]byte(s)` or
    `[]rune(s)`'s (at most len(s): its bytes, its runes, or the elements of a slice converted), `x[lo:hi]`'s,
    which is hi - lo or the slicing panics (hi defaults to len(x), lo to 0, and is never below 0), and nil's, 0
    (the universe's, by go/types: a package may declare its own `nil`)."""
    fixed = view.types.length(path, node.start_byte, node.end_byte)
    if fixed is not None:
        return exactly(fixed)
    if node.type == "nil" and _universe_nil(view, path, node):  # `strconv.AppendInt(nil, v, 10)`
        return exactly(0)
    args = call_args(node) if node.type == "call_expression" else []
    if len(args) == 3 and splits(view, path, node.child_by_field_name("function")):  # at most n parts, n >= 0
        parts = operands.of(args[2])
        return Interval(0, parts.hi) if parts.nonnegative and parts.hi is not None else NONNEGATIVE
    if args and substring(view, path, node.child_by_field_name("function")):  # a part of the first argument
        return Interval(0, operands.length(args[0]).hi)
    constant = lambda n: value_of(view, path, n)  # noqa: E731
    digits = number_length(view, path, node, constant) if args else None
    if digits is not None:  # `strconv.Itoa(n)`: a number's digits, at most 20
        return Interval(1, digits)
    grown = appended(view, path, node, constant) if args else None
    if grown is not None:  # `strconv.AppendInt(dst, v, 10)`: dst's elements and at most 20 more
        within = operands.length(args[0]).hi
        return Interval(0, within + grown if within is not None else None)
    if args and parts_of(view, path, node.child_by_field_name("function")):  # at most one part more than bytes
        within = operands.length(args[0]).hi
        return Interval(0, within + 1 if within is not None else None)
    encoded = encoding(view, path, node) if args else None
    if encoded is not None and len(args) == encoded[0] + 1:  # `hex.EncodeToString(src)`, after dst's: AppendEncode
        index, shortest, longest = encoded
        source, before = operands.length(args[index]), operands.length(args[0]) if index else exactly(0)
        least = shortest(source.lo) + before.lo if source.nonnegative and before.nonnegative else 0
        return Interval(least, longest(source.hi) + before.hi if None not in (source.hi, before.hi) else None)
    most = slice_length(view, path, node.child_by_field_name("function")) if node.type == "call_expression" else None
    if most is not None:  # `ip.To4()`: 4 bytes or nil
        return Interval(0, most)
    summed = digests.size(view, path, node.child_by_field_name("function"), "Sum") if len(args) == 1 else None
    if summed is not None:  # `mac.Sum(b)`: b's elements and the hash's Size more
        before = operands.length(args[0])
        return Interval(max(before.lo or 0, 0) + summed, before.hi + summed if before.hi is not None else None)
    if len(args) in (2, 3) and builtin(view, path, node.child_by_field_name("function"), "make"):
        if not _slice_type(view, path, args[0]):  # a map's or a channel's n is room: its len starts at 0
            return NONNEGATIVE
        made = operands.of(args[1])  # len(make(T, n[, c])) is n, or the make panics
        return Interval(max(made.lo or 0, 0), made.hi)
    if args and builtin(view, path, node.child_by_field_name("function"), "append"):  # len(x) plus what it adds
        spread = len(args) == 2 and args[1].type == "variadic_argument"
        added = operands.length(args[1].named_children[0]).hi if spread else len(args) - 1
        base = operands.length(args[0]).hi
        return Interval(0, base + added if base is not None and added is not None else None)
    if node.type == "type_conversion_expression" and node.child_by_field_name("type").type == "slice_type":
        return Interval(0, operands.length(node.child_by_field_name("operand")).hi)  # a string's bytes or runes
    if len(args) == 1 and (node.start_byte, node.end_byte) in view.types.boxes.get("bytes", {}).get(path, {}):
        return operands.length(args[0])  # `string(buf[:n])` of a []byte (gotypes' bytesConversion): its bytes
    if node.type == "call_expression":  # a string or slice a function of the package returns: its returns' lengths
        return NONNEGATIVE.meet(returned(view, path, node, operands.returned, (operands.of, operands.length), True))
    if node.type == "selector_expression":
        return _field_length(view, path, node, operands)
    if node.type != "slice_expression":
        return NONNEGATIVE
    operand, start, end = (node.child_by_field_name(f) for f in ("operand", "start", "end"))
    within = operands.length(operand).hi if end is None or _ends_at_length(view, path, operand) else None
    highs = (operands.of(end).hi if end is not None else None, within)
    high = min((h for h in highs if h is not None), default=None)
    low = operands.of(start).lo if start is not None else 0
    width = window_width(view, path, node)  # `x[i:i+w]`: w elements, or it panics
    found = Interval(0, high - max(low or 0, 0) if high is not None else None)
    return found.meet(Interval(0, operands.of(width).hi)) if width is not None else found


def _field_length(view: PackageView, path: str, node: Node, operands: Operands) -> Interval:
    """The length of an unexported slice or string field of the package, from every value its writes store
    (field_writes.py: `cells: make([]uint8, w*h)` after New's guards on w and h)."""
    at = lambda f, n, stmt: operands.returned(f, n, stmt, True, ())  # noqa: E731
    return NONNEGATIVE.meet(field_range(view, path, node, at, operands.typed, length=True))


def _ends_at_length(view: PackageView, path: str, operand: Node) -> bool:
    """Is a slicing of the operand in range only up to its length, not its capacity: an array or a pointer to one
    (a fixed length, go/types), or a string (`r.buf[:r.n]` of a `[256]float64` field has at most 256 elements, or
    panics: the spec's `0 <= low <= high <= len(a)` for arrays and strings, where a slice's high may reach cap)?"""
    if view.types.length(path, operand.start_byte, operand.end_byte) is not None:
        return True
    name = operand.child_by_field_name("field") if operand.type == "selector_expression" else operand
    ident = view.types.at(path, name.start_byte) if name is not None and name.type in IDENTIFIERS else None
    return ident is not None and ident.end == name.end_byte and ident.shape == "string"


def _slice_type(view: PackageView, path: str, node: Node, depth: int = 4) -> bool:
    """Is the type a slice type: `[]T`, or a name the package declares as one (`type Row []T`, an alias of one), by
    go/types' object? A map's or a channel's make takes room for n, not n elements (`len(make(map[K]V, 10))` is 0)."""
    if node.type == "slice_type":
        return True
    ident = view.types.at(path, node.start_byte) if node.type in ("type_identifier", "identifier") else None
    if depth == 0 or ident is None or ident.kind != Kind.TYPE or ident.end != node.end_byte:
        return False
    file, name = declared_name(view, ident)
    spec = name.parent if name is not None else None
    if spec is None or spec.type not in ("type_spec", "type_alias") or spec.child_by_field_name("name") != name:
        return False  # a type parameter (`S ~[]E`), or unknown
    if spec.child_by_field_name("type_parameters") is not None:
        return False
    return _slice_type(view, file, spec.child_by_field_name("type"), depth - 1)


def _universe_nil(view: PackageView, path: str, node: Node) -> bool:
    """Does the identifier name the universe's nil (go/types' *types.Nil), not a variable called nil?"""
    ident = view.types.at(path, node.start_byte)
    return ident is not None and ident.kind == Kind.NIL and ident.end == node.end_byte


def _call(view: PackageView, path: str, node: Node, operands: Operands) -> Interval:
    """min/max of their arguments, len/cap (never negative), the count `copy` returns (the spec: the lesser
    of len(dst) and len(src)), an encoding's length (`hex.EncodedLen(len(id))`), a count of bits
    (`bits.OnesCount32(x)`, 0 to 32), of runes (`utf8.RuneCountInString(s)`, 0 to len(s)) or of a substring
    (`strings.Count(s, sep)`, 0 to len(s)+1), a random number below its argument (`rand.Intn(n)`), an index into a
    bounded operand (`bytes.IndexByte(b, c)`: -1 up to len(b)-1), `T(x)` where T keeps x's value, and a call
    of a function of the package (returns.py)."""
    function = node.child_by_field_name("function")
    args = call_args(node)
    single = len(args) == 1 and args[0].type != "variadic_argument"
    if builtin(view, path, function, "len") and single and args[0].type not in (*IDENTIFIERS, "selector_expression"):
        return NONNEGATIVE.meet(operands.length(args[0]))  # `len(label(u))`, `len(strings.TrimSpace(s))`
    if builtin(view, path, function, "len") and single and args[0].type == "selector_expression":
        return _field_length(view, path, args[0], operands)  # `len(g.cells)`: every write of the field
    if builtin(view, path, function, "len") or builtin(view, path, function, "cap"):
        return NONNEGATIVE
    if builtin(view, path, function, "copy") and len(args) == 2:  # either length bounds it
        his = [operands.length(a).hi for a in args]
        return Interval(0, min((h for h in his if h is not None), default=None))
    if rune_count(view, path, function) and single:
        return Interval(0, operands.length(args[0]).hi)
    if substring_count(view, path, function) and len(args) == 2:  # an empty separator counts runes, plus one
        within = operands.length(args[0]).hi
        return Interval(0, within + 1 if within is not None else None)
    for name, combine in (("min", _least), ("max", _most)):
        if builtin(view, path, function, name):
            return combine([operands.of(a) for a in args])
    fixed = result_range(view, path, function)
    if fixed is not None:
        return Interval(*fixed)
    hashed = digests.size(view, path, function, "Size") if not args else None
    if hashed is not None:  # `mac.Size()` of `mac := hmac.New(sha256.New, key)`: 32
        return exactly(hashed)
    below = below_argument(view, path, function)
    if below is not None and single:  # `rand.Intn(n)`: from 0 up to n-1 (a call with n <= 0 panics)
        most = operands.of(args[0]).hi
        return Interval(0 if below else None, max(most - 1, 0) if most is not None else None)
    width = bit_count(view, path, function)
    if width is not None:
        return Interval(0, width)
    past = index_of(view, path, function)
    if past is not None and len(args) == 2:  # -1, or an index below the operand's length (Index: up to it)
        within = operands.length(args[0]).hi
        return Interval(-1, within - 1 + past if within is not None else None)
    encoded = encoding_length(view, path, function)
    if encoded is not None and single:
        n = operands.of(args[0])
        if not n.nonnegative:  # what a negative length gives is not the encodings' to say
            return UNKNOWN
        smallest, largest = encoded
        return Interval(smallest(n.lo), largest(n.hi) if n.hi is not None else None)
    converted = conversion(view, path, node)
    if converted is not None:
        target, inner = converted
        return convert(int_type(view, path, inner), target, operands.of(inner))
    return returned(view, path, node, operands.returned, (operands.of, operands.length))


def _least(found: list[Interval]) -> Interval:
    """min(a, b, …): below every argument's upper end, and at least the least lower end where all have one."""
    his = [i.hi for i in found if i.hi is not None]
    return Interval(join(found).lo, min(his) if his else None)


def _most(found: list[Interval]) -> Interval:
    """max(a, b, …): above every argument's lower end, and at most the largest upper end where all have one."""
    los = [i.lo for i in found if i.lo is not None]
    return Interval(max(los) if los else None, join(found).hi)
