"""Integers and booleans fmt prints, as the strconv calls that print the same bytes and allocate no more for any
value: concatenated.py splits a Sprintf (Sprint, Sprintln) into pieces, and an operand of Go's own integer type or
bool is one of them.

The bytes, by fmt/print.go and format.go: printArg hands an int, int8…int64 (rune is int32) to fmtInteger as
signed, a uint, uint8…uint64 (byte is uint8) or uintptr as unsigned, for `%d` and for `%v` alike (printValue's
`%v` is fmtInteger's verb 'v', base 10; `%#v` is another directive); with no flag, width or precision fmtInteger
writes a minus sign for a negative value and then the digits of its magnitude (`-u` of the uint64, which holds
MinInt64's), exactly strconv.AppendInt(dst, int64(x), 10) and AppendUint(dst, uint64(x), 10). A bool under `%t`
or `%v` is fmtBoolean's "true" or "false", strconv.FormatBool's constants. A predeclared type has no method, so
handleMethods calls none (a named type may: `type Port int` with String, `type Code int` with Format, declined).
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
"""

from __future__ import annotations

import os
from typing import NamedTuple

from gorewrite import builtins
from gorewrite.edits import Edit
from gorewrite.proposals import PackageView
from gorewrite.rulekit import add_import, file_imports
from gorewrite.syntax import Node, text, walk
from gorewrite.typeinfo import Kind, TypeInfo

SIGNED = ("int", "int8", "int16", "int32", "int64", "rune")
UNSIGNED = ("uint", "uint8", "uint16", "uint32", "uint64", "uintptr", "byte")
NAMES = ("identifier", "package_identifier", "type_identifier")  # a field's or method's name is no name of the scope
PRINTED = {"%d": SIGNED + UNSIGNED, "%v": SIGNED + UNSIGNED + ("bool",), "%t": ("bool",)}


class Number(NamedTuple):
    """An operand fmt prints as an integer's decimal digits or a bool's name; kind: its type's name."""

    node: Node
    kind: str


def number(kind: str | None, operand: Node, verb: str) -> Number | None:
    """The operand as the piece the verb prints of it, where its type (go/types' name of a predeclared type) is an
    integer's or bool's the verb prints as such."""
    return Number(operand, kind) if kind is not None and kind in PRINTED.get(verb, ()) else None


def constant_text(value: str, verb: str) -> bytes | None:
    """A steady constant of a predeclared type ("<kind>:<exact>", go/constant's) as the verb prints it: an integer's
    exact decimal text, a bool's true or false; None for anything else. go/types holds a constant of a float or
    complex type as a Float or Complex value (representable rounds it: `float64(3)` is Float 3, printed
    %!d(float64=3)), so an Int value is an integer type's."""
    kind, _, exact = value.partition(":")
    if kind == "3" and verb in ("%d", "%v"):
        return exact.encode()
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
    operand = text(piece.node)
    if piece.kind == "bool":
        return b"strconv.FormatBool(" + operand + b")"
    if alone and piece.kind == "int":
        return b"strconv.Itoa(" + operand + b")"
    wide, function = (b"int64", b"Int") if piece.kind in SIGNED else (b"uint64", b"Uint")
    value = operand if piece.kind == wide.decode() else wide + b"(" + operand + b")"
    if alone:
        return b"strconv.Format" + function + b"(" + value + b", 10)"
    return b"string(strconv.Append" + function + b"(make([]byte, 0, 20), " + value + b", 10))"


def names(piece: Number, alone: bool) -> tuple[str, ...]:
    """The universe's names written() writes besides strconv, and the operand's type's: each must mean Go's own."""
    wide = "int64" if piece.kind in SIGNED else "uint64"
    if piece.kind == "bool" or alone and piece.kind == "int":
        return (piece.kind,)
    return (piece.kind, wide) if alone else (piece.kind, wide, "string", "make", "byte")


def shown(piece: Number, alone: bool, release: str) -> str:
    """The piece as the compiler prints it in the concatenation's message: both releases inline FormatBool (its
    result `~r0`); go1.27 inlines AppendInt and AppendUint too (`string(~r0)`), go1.24 names the call."""
    if piece.kind == "bool":
        return "~r0"
    return "string(~r0)" if release == "go1.27" else written(piece, alone).decode()


def shadowed(view: PackageView, types: TypeInfo, directory: str, pieces: list) -> str | None:
    """Why a name the pieces' strconv calls write (or an operand's type's name) may not mean the universe's: the
    package declares it in some build (builtins.declared_in_any_build)."""
    alone = len(pieces) == 1
    wanted = dict.fromkeys(n for p in pieces if isinstance(p, Number) for n in names(p, alone))
    name = next((n for n in wanted if builtins.declared_in_any_build(view, types, directory, n)), None)
    return f"the rewrite would write {name}, a name the package declares" if name else None


def strconv_import(view: PackageView, types: TypeInfo, path: str) -> list[Edit] | str:
    """The edits importing Go's strconv into the file under its own name (none where it does so already), or why
    `strconv.` may not be written: the file imports another package as strconv, or the package declares the name
    in some build (a file's, or a function's `strconv := …`), where it would name that declaration. Another file's
    import of strconv declares nothing here: an import's name is its own file's."""
    specs = file_imports(view.tree(path))
    own = [s for s in specs if text(s.child_by_field_name("path")) == b'"strconv"' and _alias(s) in (None, b"strconv")]
    other = [s for s in specs if s not in own and (_alias(s) or _last(s)) == b"strconv"]
    if other:
        return f"strconv names {text(other[0]).decode()} in the file, not Go's strconv the rewrite calls"
    shadowing = [i for f in types.idents.values() for i in f if i.name == "strconv" and i.kind != Kind.PKGNAME]
    if own and not shadowing:
        return []
    # another file's import of strconv is that file's own name (the file block), no declaration of the package's
    files = builtins.package_level(view, os.path.dirname(path)).values()
    if own or shadowing or any("strconv" in names for names in files):
        return "the rewrite would call strconv, a name the package declares"
    if any(n.type in NAMES and text(n) == b"strconv" for n in walk(view.tree(path).root_node)):
        # `strconv.Quote` of example.com/conv, whose package clause says strconv: an import would clash with it
        return "the file names strconv otherwise (a package whose path ends in another name), not Go's strconv"
    return add_import(view, path, "strconv")


def _alias(spec: Node) -> bytes | None:
    name = spec.child_by_field_name("name")
    return text(name) if name is not None else None


def _last(spec: Node) -> bytes:
    return text(spec.child_by_field_name("path")).strip(b'"`').rsplit(b"/", 1)[-1]
