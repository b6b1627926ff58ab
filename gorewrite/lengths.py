"""Std functions whose result their argument or their type bounds: an encoding's length (`hex.EncodedLen`), a
count of bits (`bits.OnesCount32`), an index into a slice or string (`bytes.IndexByte`), an offset of a substring
(`strings.Index`: up to len(s)), a count of runes (`utf8.RuneCountInString`), a count of a substring
(`strings.Count`: at most one more than the bytes), a
rune's encoded length (`utf8.RuneLen`, `utf8.EncodeRune`), a varint's (`binary.PutUvarint`), what an Append function
adds to its first argument (`strconv.AppendInt(tmp[:0], v, 10)`: at most 20 bytes), the length of a part of
a string (`strings.TrimSpace(s)`: at most len(s)), and the number of parts a SplitN returns (`strings.SplitN(s,
".", 3)`: at most 3), or a Split or Fields (`strings.Split(s, ",")`: at most len(s)+1), and a number's digits
(`strconv.Itoa(n)`: at most 20 bytes; `strconv.FormatInt(n, 16)` at most 17).

A buffer sized `make([]byte, hex.EncodedLen(len(sum)))` for a SHA-256 sum is 64 bytes for every input; bounds.py
carries the argument's bound through the function. The callee is matched by go/types' object (package path,
receiver type, name), never by text: a package's own `hex.EncodedLen` is another function.
"""

from __future__ import annotations

from collections.abc import Callable

from gorewrite.proposals import PackageView
from gorewrite.syntax import Node, call_args, unparen
from gorewrite.typeinfo import Kind

Value = Callable[[Node], int | None]  # go/types' integer constant of an expression, or None

# The std functions that give an encoding's length for n >= 0 bytes, as their docs and the encodings define it:
# the smallest and the largest result for n, each growing with n. hex's are exact; base64's and base32's depend on
# the receiver's padding (go's encoding/base64: `n/3*4 + (n%3*8+5)/6` unpadded, `(n+2)/3*4` padded; DecodedLen
# `n/4*3 + n%4*6/8` unpadded, `n/4*3` padded; base32 alike with 5 and 8), so the unpadded and the padded length
# bound them (the largest decoded lengths kept as before, above the unpadded ones).
# (package, receiver type or None, name) -> (smallest, largest) result.
ENCODING_LENGTHS = {
    ("encoding/hex", None, "EncodedLen"): (lambda n: n * 2, lambda n: n * 2),
    ("encoding/hex", None, "DecodedLen"): (lambda n: n // 2, lambda n: n // 2),
    ("encoding/base64", "Encoding", "EncodedLen"): (
        lambda n: n // 3 * 4 + (n % 3 * 8 + 5) // 6,
        lambda n: (n + 2) // 3 * 4,
    ),
    ("encoding/base64", "Encoding", "DecodedLen"): (lambda n: n // 4 * 3, lambda n: n * 6 // 8),
    ("encoding/base32", "Encoding", "EncodedLen"): (
        lambda n: n // 5 * 8 + (n % 5 * 8 + 4) // 5,
        lambda n: (n + 4) // 5 * 8,
    ),
    ("encoding/base32", "Encoding", "DecodedLen"): (lambda n: n // 8 * 5, lambda n: n * 5 // 8),
}

# Functions whose result is the encoding of their byte slice argument src (its index, and the encoding's length in
# ENCODING_LENGTHS), as their definitions build it: hex's EncodeToString returns `string(dst)` of `dst :=
# make([]byte, EncodedLen(len(src)))`, base64's and base32's (*Encoding).EncodeToString `string(buf)` of `buf :=
# make([]byte, enc.EncodedLen(len(src)))`, and AppendEncode (go1.22) `dst[:len(dst)+n]` for `n :=
# EncodedLen(len(src))`: its first argument's length and that many more.
ENCODINGS = {
    (package, receiver, name): (index, (package, receiver, "EncodedLen"))
    for package, receiver in (("encoding/hex", None), ("encoding/base64", "Encoding"), ("encoding/base32", "Encoding"))
    for name, index in (("EncodeToString", 0), ("AppendEncode", 1))
}
# Functions and methods whose slice result has at most so many elements, as their definitions return it: net.IP's
# To4 `ip` where len(ip) == IPv4len (4), `ip[12:16]` or nil; To16 `IPv4(…)` (`make(IP, IPv6len)`), `ip` where
# len(ip) == IPv6len (16) or nil; net.ParseIP `IP(addr[:])` of a [16]byte or nil; netip.Addr's AsSlice nil or the
# slice of a [4]byte or a [16]byte.
SLICE_LENGTHS = {
    ("net", "IP", "To4"): 4,
    ("net", "IP", "To16"): 16,
    ("net", None, "ParseIP"): 16,
    ("net/netip", "Addr", "AsSlice"): 16,
}

# The decoded lengths: no int argument makes one wrap (hex's `x / 2`; base64's `n/4*3 + n%4*6/8`, or `n / 4 * 3`
# padded; base32's `n/8*5 + n%8*5/8`, or `n / 8 * 5`), each grows with n, and a negative n gives at most 0. So a
# result of at most C >= 0 leaves n at most the largest n whose smallest result is C, whatever the receiver's
# padding: `if hex.DecodedLen(len(s)) != 16 { return }` leaves len(s) at most 33.
DECODED = {key for key in ENCODING_LENGTHS if key[2] == "DecodedLen"}

# math/bits functions whose result is a count of bits of their argument: from 0 to its width. As math/bits/bits.go
# documents each: `Len64` "returns the minimum number of bits required to represent x; the result is 0 for x == 0",
# `LeadingZeros32` "the number of leading zero bits in x; the result is 32 for x == 0", `OnesCount16` "the number
# of one bits". A `uint` is 32 or 64 bits with GOARCH ("the result is [UintSize] for x == 0"): 64 holds for both.
BIT_COUNTS = {
    ("math/bits", None, f"{name}{width or ''}"): width or 64
    for name in ("OnesCount", "LeadingZeros", "TrailingZeros", "Len")
    for width in (None, 8, 16, 32, 64)
}
# Functions whose result is -1 or the index of a byte of their first argument (a slice or string), so below its
# length. Not `Index` or `LastIndex`: `strings.LastIndex(s, "")` is len(s), and `Index("", "")` is 0.
INDEXES = {
    (package, None, name)
    for package in ("bytes", "strings")
    for name in ("IndexByte", "LastIndexByte", "IndexRune", "IndexAny", "LastIndexAny", "IndexFunc", "LastIndexFunc")
}
# Functions whose result is -1 or an offset into their first argument up to its length: `Index` and `LastIndex`
# return where a substring starts, at most len(s)-len(sep), and for an empty sep 0 and len(s).
OFFSETS = {(package, None, name) for package in ("bytes", "strings") for name in ("Index", "LastIndex")}

# Functions that count the runes of their argument (a slice or string): each rune, a RuneError for an invalid
# byte included, is decoded from at least one byte, so the count is from 0 to the argument's length.
RUNE_COUNTS = {("unicode/utf8", None, "RuneCount"), ("unicode/utf8", None, "RuneCountInString")}

# Functions that count the non-overlapping instances of their second argument in their first: at most one per
# byte of the first, and for an empty separator "1 + the number of Unicode code points" (strings.Count's doc): from
# 0 to the first argument's length plus one, whatever the separator.
COUNTS = {(package, None, "Count") for package in ("strings", "bytes")}

# Results with a fixed range, as their docs say: utf8.RuneLen "returns the number of bytes in the UTF-8 encoding of
# the rune. It returns -1 if the rune is not a valid value to encode in UTF-8", at most utf8.UTFMax (4); EncodeRune
# "returns the number of bytes written", the rune's encoding or RuneError's (3): 1 to 4; binary.PutUvarint and
# PutVarint return "the number of bytes written", a varint of a 64-bit value: 1 to binary.MaxVarintLen64 (10).
RESULTS = {
    ("unicode/utf8", None, "RuneLen"): (-1, 4),
    ("unicode/utf8", None, "EncodeRune"): (1, 4),
    ("encoding/binary", None, "PutUvarint"): (1, 10),
    ("encoding/binary", None, "PutVarint"): (1, 10),
}
# Functions whose result is below their one argument n, as their docs say (math/rand's Intn: "a non-negative
# pseudo-random number in the half-open interval [0,n). It panics if n <= 0"): math/rand's Intn, Int31n and Int63n,
# math/rand/v2's IntN, Int32N, Int64N, UintN, Uint32N and Uint64N, each a function and a *Rand method. The value says
# whether it is also at least 0: not for math/rand's methods, whose Source the caller gives (one whose Int63 breaks
# its contract with a negative value makes Int31n's `v % n` negative); the upper end holds whatever the source.
BELOW = {
    (package, receiver, name): receiver is None or package == "math/rand/v2"
    for package, names in (
        ("math/rand", ("Intn", "Int31n", "Int63n")),
        ("math/rand/v2", ("IntN", "Int32N", "Int64N", "UintN", "Uint32N", "Uint64N")),
    )
    for name in names
    for receiver in (None, "Rand")
}
# strconv functions whose string is a number's digits, as many as its type and base can need: Itoa's int in base 10
# is at most 19 digits and a sign ("-9223372036854775808"), FormatInt's at most 64 binary digits and a sign,
# FormatUint's 64 (a uint64's largest, base 2), FormatBool's "false".
NUMBER_LENGTHS = {
    ("strconv", None, "Itoa"): 20,
    ("strconv", None, "FormatInt"): 65,
    ("strconv", None, "FormatUint"): 64,
    ("strconv", None, "FormatBool"): 5,
}
# strconv's integer formatters whose base is an argument: its index, the largest magnitude of the value's type
# (an int64's least, -2^63; a uint64's largest) and the sign it may take. FormatInt formats "for 2 <= base <= 36"
# (another base panics: "illegal AppendInt/FormatInt base"), so a base the code gives as such a constant needs
# only as many digits as that magnitude has in it: an int64 in decimal is at most 20 bytes, not base 2's 65.
BASES = {
    ("strconv", None, "FormatInt"): (1, 1 << 63, 1),
    ("strconv", None, "AppendInt"): (2, 1 << 63, 1),
    ("strconv", None, "FormatUint"): (1, (1 << 64) - 1, 0),
    ("strconv", None, "AppendUint"): (2, (1 << 64) - 1, 0),
}
# Functions that return their first argument extended by at most so many elements, as their docs say: strconv's
# AppendInt appends "the string form of the integer i, as generated by FormatInt", AppendUint FormatUint's, and
# AppendBool "true" or "false" (NUMBER_LENGTHS); binary.AppendUvarint and AppendVarint "the varint-encoded form of
# x, as generated by PutUvarint" (at most binary.MaxVarintLen64, 10); utf8.AppendRune "the UTF-8 encoding of r",
# RuneError's for a rune out of range (at most utf8.UTFMax, 4). `digits := strconv.AppendInt(tmp[:0], v, 10)` has
# at most 20 bytes.
APPENDED = {
    ("strconv", None, "AppendInt"): 65,
    ("strconv", None, "AppendUint"): 64,
    ("strconv", None, "AppendBool"): 5,
    ("encoding/binary", None, "AppendUvarint"): 10,
    ("encoding/binary", None, "AppendVarint"): 10,
    ("unicode/utf8", None, "AppendRune"): 4,
}
# Functions whose every string (or slice) result is a part of their first argument, so never longer: strings' and
# bytes' Trim family ("returns a slice of the string s with all leading and trailing white space removed", "s
# without the provided leading prefix string", …) and Cut ("slices s around the first instance of sep, returning
# the text before and after sep"), CutPrefix, CutSuffix (`before, after, found := strings.Cut(s, "=")`: the bool is
# no length). Not ToLower or ToUpper, which may change a rune's length, nor path.Base ("." for an empty path).
SUBSTRINGS = {
    (package, None, name)
    for package in ("strings", "bytes")
    for name in (
        *(
            f"Trim{which}"
            for which in ("", "Space", "Left", "Right", "Prefix", "Suffix", "Func", "LeftFunc", "RightFunc")
        ),
        *("Cut", "CutPrefix", "CutSuffix"),
    )
}
# Functions returning at most n parts for n > 0 ("n > 0: at most n substrings"), none for n == 0 (nil), every
# part for n < 0: the count is the third argument.
SPLITS = {(package, None, name) for package in ("strings", "bytes") for name in ("SplitN", "SplitAfterN")}
# Functions returning at most one part more than their first argument has bytes: Split and SplitAfter give
# Count(s, sep)+1 parts for a non-empty sep, and for an empty one split "after each UTF-8 sequence" (at most one
# part a byte); Fields and FieldsFunc give non-empty fields that share no byte.
PARTS = {
    (package, None, name)
    for package in ("strings", "bytes")
    for name in ("Split", "SplitAfter", "Fields", "FieldsFunc")
}


def result_range(view: PackageView, path: str, function: Node) -> tuple[int, int] | None:
    """(least, largest) result of a std function whose docs fix its range (RESULTS), by go/types' object."""
    return RESULTS.get(callee(view, path, function))


def below_argument(view: PackageView, path: str, function: Node) -> bool | None:
    """For a callee whose result is below its argument (BELOW, by go/types' object): whether it is also at least 0;
    None for another callee."""
    return BELOW.get(callee(view, path, function))


def substring(view: PackageView, path: str, function: Node) -> bool:
    """Is the callee one that returns a part of its first argument (SUBSTRINGS), by go/types' object?"""
    return callee(view, path, function) in SUBSTRINGS


def splits(view: PackageView, path: str, function: Node) -> bool:
    """Is the callee a SplitN, whose result has at most n elements for an n >= 0 (SPLITS)?"""
    return callee(view, path, function) in SPLITS


def number_length(view: PackageView, path: str, call: Node, value: Value) -> int | None:
    """The longest string the strconv formatter the call calls gives (NUMBER_LENGTHS), by go/types' object; for a
    constant base (`value`: go/types' constant of an argument), that base's (BASES)."""
    found = callee(view, path, call.child_by_field_name("function"))
    return _in_base(found, call, value, NUMBER_LENGTHS.get(found))


def appended(view: PackageView, path: str, call: Node, value: Value) -> int | None:
    """The most elements the std function the call calls appends to its first argument (APPENDED), by go/types'
    object; for a constant base, that base's digits (BASES)."""
    found = callee(view, path, call.child_by_field_name("function"))
    return _in_base(found, call, value, APPENDED.get(found))


def _in_base(found: tuple | None, call: Node, value: Value, longest: int | None) -> int | None:
    """The digits the magnitude BASES gives the callee take in the call's constant base from 2 to 36, and its
    sign; `longest` for another base, or another callee."""
    args = call_args(call)
    if longest is None or found not in BASES or len(args) <= BASES[found][0]:
        return longest
    index, magnitude, sign = BASES[found]
    base = value(args[index])
    if base is None or not 2 <= base <= 36:
        return longest
    digits = 0
    while magnitude:
        magnitude //= base
        digits += 1
    return sign + digits


def parts_of(view: PackageView, path: str, function: Node) -> bool:
    """Is the callee a Split or a Fields, whose result has at most len(s)+1 elements (PARTS)?"""
    return callee(view, path, function) in PARTS


def encoding_length(
    view: PackageView, path: str, function: Node
) -> tuple[Callable[[int], int], Callable[[int], int]] | None:
    """The smallest and the largest result of the encoding's length function the callee is (ENCODING_LENGTHS), by
    go/types' object."""
    return ENCODING_LENGTHS.get(callee(view, path, function))


def encoding(view: PackageView, path: str, call: Node) -> tuple[int, Callable[[int], int], Callable[[int], int]] | None:
    """For a call of an encoding function (ENCODINGS, by go/types' object): the index of its source argument, and the
    shortest and the longest encoding of n >= 0 bytes (any padding), else None."""
    found = ENCODINGS.get(callee(view, path, call.child_by_field_name("function")))
    return (found[0], *ENCODING_LENGTHS[found[1]]) if found is not None else None


def slice_length(view: PackageView, path: str, function: Node) -> int | None:
    """The most elements the slice the callee returns has (SLICE_LENGTHS, by go/types' object), or None."""
    return SLICE_LENGTHS.get(callee(view, path, function))


def bit_count(view: PackageView, path: str, function: Node) -> int | None:
    """The largest result of the math/bits count the callee is (BIT_COUNTS: its argument's width), by its object."""
    return BIT_COUNTS.get(callee(view, path, function))


def index_of(view: PackageView, path: str, function: Node) -> int | None:
    """How far past the last index of its first argument the callee's result may be, besides -1: 0 for an index
    into it (INDEXES), 1 for an offset up to its length (OFFSETS); None for another callee."""
    found = callee(view, path, function)
    return 0 if found in INDEXES else 1 if found in OFFSETS else None


def rune_count(view: PackageView, path: str, function: Node) -> bool:
    """Is the callee a count of its argument's runes (RUNE_COUNTS), by go/types' object?"""
    return callee(view, path, function) in RUNE_COUNTS


def substring_count(view: PackageView, path: str, function: Node) -> bool:
    """Is the callee strings.Count or bytes.Count (COUNTS), by go/types' object?"""
    return callee(view, path, function) in COUNTS


def callee(view: PackageView, path: str, function: Node) -> tuple | None:
    """(package path, receiver type or None, name) of the func or method a call's function names."""
    name = function.child_by_field_name("field") if function.type == "selector_expression" else function
    ident = view.types.at(path, name.start_byte) if name is not None and name.type.endswith("identifier") else None
    if ident is None or ident.kind not in (Kind.FUNC, Kind.METHOD):
        return None
    return ident.pkg, ident.recv, ident.name


def decoded_from(
    view: PackageView, path: str, node: Node, matches: Callable[[Node], bool]
) -> Callable[[int], int | None] | None:
    """For a call of a decoded length (DECODED, by go/types' object) whose one argument matches the subject: the most
    the argument can be where the call's result is at most C (None for a negative C); else None."""
    args = call_args(node) if node.type == "call_expression" else []
    found = callee(view, path, node.child_by_field_name("function")) if len(args) == 1 else None
    if found not in DECODED or not matches(unparen(args[0])):
        return None
    smallest = ENCODING_LENGTHS[found][0]
    return lambda most: _largest(smallest, most) if most >= 0 else None


def _largest(grows: Callable[[int], int], most: int) -> int:
    """The largest n from 0 to the greatest int64 with grows(n) <= most, for a grows that does not decrease and gives
    0 at 0."""
    low, high = 0, (1 << 63) - 1
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if grows(middle) <= most else (low, middle - 1)
    return low
