"""fmt's format grammar, read as fmt/print.go's doPrintf reads it, and Go string literals both ways: printed.py
splits a format at the directives that print an operand's bytes unchanged, and needs to know exactly which
operands every other directive takes (a `*` width takes one too) and where each directive ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FLAGS = b"#0+- "
NAMED = {"a": 7, "b": 8, "f": 12, "n": 10, "r": 13, "t": 9, "v": 11, "\\": 92, "'": 39, '"': 34}
TOO_LARGE = 1_000_000  # fmt's tooLarge
LARGE = "its format has a width or precision over 1e6, which fmt reads as %!(NOVERB) and the operands left as EXTRA"
ESCAPED = {"\a": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\v": "\\v"}
SHOWN = {9: "\\t", 10: "\\n", 13: "\\r", 34: '\\"', 92: "\\\\"}


@dataclass(frozen=True)
class Directive:
    """One `%…` of a format: its bytes [start, end), its verb, and how many operands it takes."""

    start: int
    end: int
    verb: str
    operands: int  # the `*` widths and precisions, then the verb's own (a percent sign has none: `%*%` takes one)


def directives(format: bytes) -> list[Directive] | str:
    """Every directive of the format in order, or why gorewrite does not split it: an argument index (`%[2]s`
    reorders the operands, and changes which `*` reads which), a `%` with no verb at the end (`%!(NOVERB)`), or a
    width or precision fmt's parsenum overflows (past 1e6 it reads the rest of the format as `%!(NOVERB)` and
    prints every operand left as EXTRA, which a piece would print differently)."""
    found, i, end = [], 0, len(format)
    while True:
        i = format.find(b"%", i)
        if i < 0:
            return found
        start, i, stars = i, i + 1, 0
        while i < end and format[i] in FLAGS:
            i += 1
        if i < end and format[i : i + 1] == b"*":
            i, stars = i + 1, stars + 1
        else:
            i = _digits(format, i)
        if i < 0:
            return LARGE
        if i + 1 < end and format[i : i + 1] == b".":  # a `.` last is the verb, as in doPrintf
            i += 1
            if format[i : i + 1] == b"*":
                i, stars = i + 1, stars + 1
            else:
                i = _digits(format, i)
            if i < 0:
                return LARGE
        if b"[" in format[start:i] or format[i : i + 1] == b"[":
            return f"its format reorders operands by index ({format[start : i + 1].decode(errors='replace')}…)"
        if i >= end:
            return "its format ends in a % with no verb, which fmt prints as %!(NOVERB)"
        verb, size = _rune(format, i)
        found.append(Directive(start, i + size, verb, stars + (verb != "%")))  # `%*%` reads its width
        i += size


def _rune(format: bytes, i: int) -> tuple[str, int]:
    """The verb at i and its size, as utf8.DecodeRuneInString gives them (an invalid byte: U+FFFD, 1 byte)."""
    for size in (1, 2, 3, 4):
        try:
            return format[i : i + size].decode("utf-8"), size
        except UnicodeDecodeError:
            continue
    return "\ufffd", 1


def _digits(format: bytes, i: int) -> int:
    """Past the number at i, as fmt's parsenum reads it; -1 where it overflows (a digit after a value over 1e6)."""
    value = 0
    while i < len(format) and format[i : i + 1].isdigit():
        if value > TOO_LARGE:
            return -1
        value, i = value * 10 + format[i] - ord("0"), i + 1
    return i


def unquoted(value: str) -> bytes | None:
    """The bytes of a string constant as go/types writes it (constant.ExactString: strconv.Quote's form); None
    for anything else."""
    if len(value) < 2 or value[0] != '"' or value[-1] != '"':
        return None
    out, i, body = bytearray(), 0, value[1:-1]
    while i < len(body):
        c = body[i]
        if c != "\\":
            out += c.encode()
            i += 1
            continue
        kind = body[i + 1 : i + 2]
        if kind in NAMED:
            out.append(NAMED[kind])
            i += 2
        elif kind in ("x", "u", "U"):
            digits = {"x": 2, "u": 4, "U": 8}[kind]
            code = int(body[i + 2 : i + 2 + digits], 16)
            out += bytes([code]) if kind == "x" else chr(code).encode()
            i += 2 + digits
        elif re.fullmatch(r"[0-7]{3}", body[i + 1 : i + 4]):
            out.append(int(body[i + 1 : i + 4], 8))
            i += 4
        else:
            return None
    return bytes(out)


def quoted(data: bytes) -> str:
    """A Go interpreted string literal of exactly these bytes: printable text as it is, every other byte escaped."""
    try:
        chars = [(ch, ch.encode()) for ch in data.decode("utf-8")]
    except UnicodeDecodeError:
        chars = [(chr(b) if b < 0x80 else "", bytes([b])) for b in data]
    out = []
    for ch, raw in chars:
        if len(raw) == 1 and raw[0] in SHOWN:
            out.append(SHOWN[raw[0]])
        elif len(raw) == 1 and (raw[0] < 0x20 or raw[0] >= 0x7F):
            out.append(f"\\x{raw[0]:02x}")
        elif not ch.isprintable():
            out.append("".join(f"\\x{b:02x}" for b in raw))
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def compiler_quoted(data: bytes) -> str:
    """A string constant as the compiler quotes it in a message (go/constant's String: strconv.Quote, cut to 72
    runes with `...`), so a claim can name the escape a concatenation of it reports."""
    out, i = ['"'], 0
    while i < len(data):
        ch, size = _rune(data, i)
        if ch == "\ufffd" and data[i : i + 3] != "\ufffd".encode():
            out.append(f"\\x{data[i]:02x}")
        elif ch in '"\\':
            out.append("\\" + ch)
        elif ch.isprintable():
            out.append(ch)
        elif ch in ESCAPED:
            out.append(ESCAPED[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\x{ord(ch):02x}")
        else:
            out.append(f"\\u{ord(ch):04x}" if ord(ch) < 0x10000 else f"\\U{ord(ch):08x}")
        i += size
    shown = "".join(out) + '"'
    return shown if len(shown) <= 72 else shown[:69] + "..."
