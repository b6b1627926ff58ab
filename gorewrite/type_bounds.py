"""Bounds from types: a `byte` count is at most 255 however the code writes it, a `uint` is never
negative, and `int(u)` keeps u's value where int holds every value u's type has.

Where the code proves no bound (bounds.py), a size held in a small integer type still has one for
every input. The type is the one go/types gives the expression, by its underlying type, never a
name: a field of a `type Opcode uint8` is a uint8, a package's own `type int int8` an int8, and a
value of a type parameter (whatever it is named) has none.
"""

from __future__ import annotations

from gorewrite.proposals import PackageView
from gorewrite.syntax import Node, call_args, unparen
from gorewrite.typeinfo import Kind

# The predeclared integer types whose every value is a small bound (a `byte` count is at most 255).
SMALL_INTEGERS = {"byte": 255, "uint8": 255, "int8": 127, "uint16": 65535, "int16": 32767}
# Each predeclared integer type's range as (bits, signed); int, uint and uintptr are 32 or 64 bits
# with GOARCH, so a question about them is answered for both.
INTEGERS = {
    "int8": (8, True),
    "int16": (16, True),
    "int32": (32, True),
    "rune": (32, True),
    "int64": (64, True),
    "uint8": (8, False),
    "byte": (8, False),
    "uint16": (16, False),
    "uint32": (32, False),
    "uint64": (64, False),
}
WORD = {"int": True, "uint": False, "uintptr": False}  # name -> signed
ARITHMETIC = (b"+", b"-", b"*", b"/", b"%", b"&", b"|", b"^", b"&^")


def ranges(name: str) -> tuple[tuple[int, int], tuple[int, int]]:
    """The values the type holds on a 32-bit GOARCH and on a 64-bit one: int, uint and uintptr take the
    GOARCH's word together (go/types' sizes), so `int(x)` of an int keeps x on both."""
    bits, signed = INTEGERS[name] if name in INTEGERS else (None, WORD[name])
    return tuple(_values(bits or word, signed) for word in (32, 64))


def _values(bits: int, signed: bool) -> tuple[int, int]:
    return (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if signed else (0, (1 << bits) - 1)


def narrow(name: str) -> tuple[int, int]:
    """The values the type holds on every GOARCH (int: those of int32)."""
    return ranges(name)[0]


def wide(name: str) -> tuple[int, int]:
    """The values the type may hold on some GOARCH (int: those of int64)."""
    return ranges(name)[1]


def small_range(view: PackageView, path: str, node: Node, upper: bool) -> int | None:
    """The largest (or least) value of the expression's type, when it is a small integer type (a byte: 255)."""
    kind = int_type(view, path, node)
    return (narrow(kind)[1] if upper else narrow(kind)[0]) if kind in SMALL_INTEGERS else None


def int_type(view: PackageView, path: str, node: Node) -> str | None:
    """The predeclared integer type go/types gives the expression: its type, or its named type's
    underlying one (`h.Len` of a `type Len uint16`: uint16; `msg[off]` of a []byte or a string:
    uint8). None for a type parameter, an untyped constant, or a type that is not an integer."""
    node = unparen(node)
    return view.types.integer(path, node.start_byte, node.end_byte)


def conversion(view: PackageView, path: str, node: Node) -> tuple[str, Node] | None:
    """(T, x) for a conversion `T(x)` to an integer type, T as int_type names it (`Len(x)` converts
    to uint16); a conversion to a type parameter is none."""
    node = unparen(node)
    if node.type != "call_expression":
        return None
    function, args = node.child_by_field_name("function"), call_args(node)
    name = function.child_by_field_name("field") if function.type == "selector_expression" else function
    ident = view.types.at(path, name.start_byte) if name.type.endswith("identifier") else None
    if ident is None or ident.kind != Kind.TYPE or len(args) != 1 or args[0].type == "variadic_argument":
        return None
    target = int_type(view, path, node)
    return (target, args[0]) if target is not None else None


def preserves(source: str | None, target: str) -> bool:
    """Does converting any value of type source to target keep it, on every GOARCH? `Bytes(n)` of an int n
    for a `type Bytes int` does, as does int64(n); int32(n) and uint(n) do not (they wrap)."""
    if source is None:
        return False
    return all(t[0] <= s[0] and s[1] <= t[1] for s, t in zip(ranges(source), ranges(target), strict=True))


def unsigned(name: str | None) -> bool:
    return name is not None and wide(name)[0] == 0
