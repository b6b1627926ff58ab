"""Integers and booleans fmt prints, as the strconv calls that print the same bytes and allocate no more for any
value: concatenated.py splits a Sprintf (Sprint, Sprintln) into pieces, and an operand of Go's own integer type or
bool is one of them.

The bytes, by fmt/print.go and format.go: printArg hands an int, int8…int64 (rune is int32) to fmtInteger as
signed, a uint, uint8…uint64 (byte is uint8) or uintptr as unsigned, for `%d` and for `%v` alike (printValue's
`%v` is fmtInteger's verb 'v', base 10; `%#v` is another directive); with no flag, width or precision fmtInteger
writes a minus sign for a negative value and then the digits of its magnitude (`-u` of the uint64, which holds
MinInt64's), exactly strconv.AppendInt(dst, int64(x), 10) and AppendUint(dst, uint64(x), 10). A bool under `%t`
or `%v` is fmtBoolean's "true" or "false", strconv.FormatBool's constants. A predeclared type has no method, so
handleMethods calls none; a defined type's operand prints its underlying type's value where it declares none fmt
calls for the verb (methodless.py), converted to that type.
A constant of such a type (go/types' value, steady in every build) prints its decimal text or true/false inline.

The allocations, measured with testing.AllocsPerRun under go1.24.11 and go1.27.3 (probe iface-sprintf-ints):
fmt boxes an integer without allocating below 256 (static data) and with one allocation above, and Sprintf's
result costs one allocation unless it is at most one byte (a one-byte string is static data). In a concatenation
an integer is `string(strconv.AppendInt(make([]byte, 0, 20), int64(x), 10))`: 20 bytes hold every int64 and
uint64 in base 10, the make does not escape (AppendInt's dst leaks only to its result), and `string(…)` is a
no-copy temporary where the concatenation holds a non-empty constant (gc's order pass, OADDSTR: OBYTES2STRTMP)
and otherwise a copy into a 32-byte stack buffer, or static data for one byte (slicebytetostring), which
concatstrings returns as it is where it is the only non-empty operand (`%s%d` of "" and 5: no allocation, as
fmt's). The concatenation's one allocation is all, never more than fmt's. A call that prints one integer alone
becomes strconv.Itoa (int) or FormatInt/FormatUint, which allocate nothing below 100 and one string above, as
Sprintf's result does from two bytes on; a bool alone FormatBool, no allocation at all.

The other verbs (rules/iface-direct/README.md, "Other verbs", probe iface-verbs): `%x`, `%o`, `%b` are fmtInteger's
base 16, 8, 2, AppendInt's and AppendUint's too (lower case, a minus sign and the magnitude); `%c` and `%q` of a
type whose rune(x) keeps fmt's RuneError past MaxRune (NARROW) are string(rune(x)) and AppendQuoteRune; `%x` of a
constant-length byte array is fmtSbx's hex of its bytes, hex.AppendEncode's into exactly twice its length.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from gorewrite import builtins
from gorewrite.proposals import PackageView
from gorewrite.syntax import Node, text
from gorewrite.typeinfo import TypeInfo

SIGNED = ("int", "int8", "int16", "int32", "int64", "rune")
UNSIGNED = ("uint", "uint8", "uint16", "uint32", "uint64", "uintptr", "byte")
INTEGERS = SIGNED + UNSIGNED
# fmtC and fmtQc print RuneError for a value over MaxRune, as string(rune(x)) and AppendQuoteRune do for these types
NARROW = ("int8", "int16", "int32", "rune", "uint8", "byte", "uint16", "uint32")
PRINTED = {"%d": INTEGERS, "%v": INTEGERS + ("bool",), "%t": ("bool",), "%x": INTEGERS, "%o": INTEGERS}
PRINTED |= {"%b": INTEGERS, "%c": NARROW, "%q": NARROW}
BASES = {"%x": 16, "%o": 8, "%b": 2}  # fmtInteger's, in strconv's lower-case digits; 10 for %d and %v
SIZES = {10: 20, 16: 17, 8: 23, 2: 65}  # the longest int64 or uint64 in the base, a minus sign too: MinInt64's
BYTE_ARRAY = re.compile(r"\[(\d+)\](byte|uint8)")  # go/types' name of an array of bytes of constant length
QUOTED = 12  # AppendQuoteRune's longest: `'\U000e0001'`, a non-printable rune past U+FFFF


class Number(NamedTuple):
    """An operand fmt prints as an integer's digits, a bool's name, or a rune (verb: %c, or quoted by %q); kind:
    its type's name."""

    node: Node
    kind: str
    verb: str = "%d"
    named: bool = False  # of a defined type of that underlying type (methodless.py): written converted to it


def number(kind: str | None, operand: Node, verb: str, named: bool = False) -> Number | None:
    """The operand as the piece the verb prints of it, where its type (go/types' name of a predeclared type, or of
    a defined type's underlying one: named) is an integer's or bool's the verb prints as such."""
    if kind is not None and (kind in PRINTED.get(verb, ()) or byte_array(kind, verb)):
        return Number(operand, kind, verb, named)
    return None


def byte_array(kind: str | None, verb: str) -> tuple[str, ...]:
    """The kind, where it is an array of bytes the verb prints in hex (printValue: fmtSbx of its bytes, as
    hex.AppendEncode writes them); else nothing."""
    return (kind,) if kind is not None and verb == "%x" and BYTE_ARRAY.fullmatch(kind) else ()


def packages(pieces: list) -> list[str]:
    """The std packages the pieces' writing calls: strconv for numbers, bools and quoted runes, encoding/hex for a
    byte array (%c's string(r) calls none)."""
    found = ["encoding/hex" if _hexed(p) else "strconv" for p in pieces if isinstance(p, Number) and p.verb != "%c"]
    return list(dict.fromkeys(found))


def _hexed(piece: Number) -> bool:
    return BYTE_ARRAY.fullmatch(piece.kind) is not None


def constant_text(value: str, verb: str) -> bytes | None:
    """A steady constant of a predeclared type ("<kind>:<exact>", go/constant's) as the verb prints it: an integer's
    exact decimal text, a bool's true or false; None for anything else. go/types holds a constant of a float or
    complex type as a Float or Complex value (representable rounds it: `float64(3)` is Float 3, printed
    %!d(float64=3)), so an Int value is an integer type's."""
    kind, _, exact = value.partition(":")
    if kind == "3" and verb in ("%d", "%v"):
        return exact.encode()
    if kind == "3" and verb in BASES:
        digits = format(abs(int(exact)), verb[-1])  # Python's x, o and b write fmtInteger's digits, no prefix
        return ("-" if exact.startswith("-") else "").encode() + digits.encode()
    if kind == "1" and verb in ("%t", "%v"):
        return exact.encode()
    return None


def spaced(operands: list, strings: list[bool]) -> list:
    """Sprint's pieces: doPrint adds a space between two operands neither of which is a string."""
    out = []
    for i, operand in enumerate(operands):
        if i and not strings[i] and not strings[i - 1]:
            out.append(b" ")
        out.append(operand)
    return out


def written(piece: Number, alone: bool) -> bytes:
    """The Go expression printing the piece: alone, the whole call's string; else a concatenation's operand."""
    if piece.kind == "bool":
        return b"strconv.FormatBool(" + _converted(piece, b"bool") + b")"
    operand = text(piece.node)
    if piece.verb == "%c":
        return b"string(" + _rune(piece) + b")"
    if _hexed(piece):
        size = 2 * int(BYTE_ARRAY.fullmatch(piece.kind)[1])
        return b"string(hex.AppendEncode(make([]byte, 0, %d), %s[:]))" % (size, operand)
    if piece.verb == "%q":
        return b"string(strconv.AppendQuoteRune(make([]byte, 0, %d), %s))" % (QUOTED, _rune(piece))
    base = BASES.get(piece.verb, 10)
    if alone and piece.kind == "int" and base == 10:
        return b"strconv.Itoa(" + _converted(piece, b"int") + b")"
    wide, function = (b"int64", b"Int") if piece.kind in SIGNED else (b"uint64", b"Uint")
    value = _converted(piece, wide)
    if alone:
        return b"strconv.Format%s(%s, %d)" % (function, value, base)
    return b"string(strconv.Append%s(make([]byte, 0, %d), %s, %d))" % (function, SIZES[base], value, base)


def _rune(piece: Number) -> bytes:
    """The operand as a rune: rune(x) keeps the value of every NARROW type in int32's range, and makes one past it
    (a uint32 over MaxInt32) negative, where string and AppendQuoteRune write RuneError as fmt does."""
    operand = text(piece.node)
    return operand if piece.kind in ("rune", "int32") and not piece.named else b"rune(" + operand + b")"


def converted(piece: object) -> bool:
    """Is the piece, alone, a `string(…)` of bytes, which allocates as such (%q's quoted rune)?"""
    return isinstance(piece, Number) and (piece.verb == "%q" or _hexed(piece))


def copied(pieces: list) -> str | None:
    """Why a piece would cost an allocation fmt's call did not make: `string(r)` of %c is a no-copy temporary (in a
    4-byte stack buffer) only where the concatenation holds a non-empty constant (gc's order pass); elsewhere it is
    copied (concatstrings copies a lone non-empty operand held on the stack), where fmt's one-byte result is static
    data (`%c` of 'a', `%s%c` of "" and 'a')."""
    needy = [p for p in pieces if isinstance(p, Number) and p.verb == "%c"]
    if not needy or any(isinstance(p, bytes) and p for p in pieces):
        return None
    shown = text(needy[0].node).decode()
    return f"{needy[0].verb} of {shown} would be copied, with no constant in the concatenation: fmt may not allocate"


def _converted(piece: Number, kind: bytes) -> bytes:
    """The operand as a value of the predeclared type kind: converted unless it is of that type already."""
    operand = text(piece.node)
    return operand if piece.kind == kind.decode() and not piece.named else kind + b"(" + operand + b")"


def names(piece: Number, alone: bool) -> tuple[str, ...]:
    """The universe's names written() writes besides strconv, and the operand's type's: each must mean Go's own."""
    wide = "int64" if piece.kind in SIGNED else "uint64"
    rune = () if piece.kind in ("rune", "int32") and not piece.named else ("rune",)
    if piece.verb == "%c":
        return (piece.kind, "string", *rune)
    if _hexed(piece):
        return (BYTE_ARRAY.fullmatch(piece.kind)[2], "string", "make", "byte")
    if piece.verb == "%q":
        return (piece.kind, "string", "make", "byte", *rune)
    if piece.kind == "bool" or alone and piece.kind == "int" and piece.verb not in BASES:
        return (piece.kind,)
    return (piece.kind, wide) if alone else (piece.kind, wide, "string", "make", "byte")


def shown(piece: Number, alone: bool, release: str) -> str:
    """The piece as the compiler prints it in the concatenation's message: both releases inline FormatBool (its
    result `~r0`); go1.27 inlines AppendInt and AppendUint too (`string(~r0)`), go1.24 names the call."""
    if piece.kind == "bool":
        return "~r0"
    if piece.verb == "%c" or _hexed(piece):
        return written(piece, alone).decode()  # string(r), and AppendEncode's call, neither inlined
    if piece.verb == "%q":
        return "string(~r0)"  # both releases inline AppendQuoteRune
    return "string(~r0)" if release == "go1.27" else written(piece, alone).decode()


def shadowed(view: PackageView, types: TypeInfo, directory: str, pieces: list) -> str | None:
    """Why a name the pieces' strconv calls write (or an operand's type's name) may not mean the universe's: the
    package declares it in some build (builtins.declared_in_any_build)."""
    alone = len(pieces) == 1
    wanted = dict.fromkeys(n for p in pieces if isinstance(p, Number) for n in names(p, alone))
    name = next((n for n in wanted if builtins.declared_in_any_build(view, types, directory, n)), None)
    return f"the rewrite would write {name}, a name the package declares" if name else None
