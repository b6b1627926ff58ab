"""The number a std integer parser returns from a string the code bounds (results.py asks): `n, err :=
strconv.Atoi(strings.TrimSpace(string(hdr[:4])))` is at most 9999, whatever the bytes, so `make([]byte, n)` after
it fits a `[9999]byte` — a fixed-width decimal field of a record header (ar, tar, cpio, a length prefix in text).

Why it holds, from strconv's definitions: ParseInt(s, base, bitSize) reads s as an optional sign and digits of the
base (base 0: a `0x`, `0o` or `0b` prefix picks 16, 8 or 2, else 10, and underscores may separate digits), one
byte each, so a string of at most L bytes has at most L digits and a value of magnitude at most base^L - 1 (base
0: 16^L - 1, the largest base it may pick). On a syntax error the result is 0; on a range error it is the largest
magnitude of bitSize, which only a value above it reaches: at most base^L - 1 too. ParseUint's result is never
negative; Atoi is ParseInt(s, 10, 0). The base must be a constant go/types evaluates (a variable base of 16 makes
"fff" 4095), 0 or 2 to 36 (another base returns 0 and an error); the callee is matched by go/types' object, never
by its text (a package's own `Atoi` is another function).
"""

from __future__ import annotations

from collections.abc import Callable

from gorewrite.intervals import UNKNOWN, Interval
from gorewrite.lengths import callee
from gorewrite.proposals import PackageView
from gorewrite.syntax import Node, call_args, int_value

# (package, receiver, name) -> (the base argument's index or the base itself, whether the result may be negative)
PARSERS = {
    ("strconv", None, "Atoi"): (None, True),
    ("strconv", None, "ParseInt"): (1, True),
    ("strconv", None, "ParseUint"): (1, False),
}
WIDEST_PREFIXED = 16  # base 0 reads a 0x prefix as hexadecimal


def parsed(view: PackageView, path: str, call: Node, length: Callable[[Node], Interval]) -> Interval:
    """The interval of the first result of a std parser call whose string's length is bounded (`length`: its
    interval where the call is evaluated); UNKNOWN for another call or an unbounded string."""
    found = PARSERS.get(callee(view, path, call.child_by_field_name("function")))
    args = call_args(call)
    if found is None or len(args) != (1 if found[0] is None else 3):
        return UNKNOWN
    base = 10 if found[0] is None else _constant(view, path, args[found[0]])
    if base is None or not (base == 0 or 2 <= base <= 36):
        return UNKNOWN
    longest = length(args[0]).hi
    if longest is None:
        return UNKNOWN
    most = (base or WIDEST_PREFIXED) ** max(longest, 0) - 1
    return Interval(-most if found[1] else 0, most)


def _constant(view: PackageView, path: str, node: Node) -> int | None:
    value = int_value(node)
    return value if value is not None else view.types.value(path, node.start_byte, node.end_byte)
