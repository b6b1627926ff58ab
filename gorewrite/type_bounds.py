"""Bounds from types: a `byte` count is at most 255 however the code writes it, a `uint` is never
negative, and `int(u)` keeps u's value where int holds every value u's type has.

Where the code proves no bound (bounds.py), a size held in a small predeclared integer type still
has one for every input. The type is go/types' own, and a package that declares a type of the
same name (which go/types would print the same) gets none.
"""

from __future__ import annotations

import re

from gorewrite.proposals import PackageView
from gorewrite.rulekit import memo
from gorewrite.syntax import Node, text, unparen, walk
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
# The element type of a slice, an array or a pointer to an array, as go/types prints the type.
ELEMENT = re.compile(r"\*?\[\d*\](\w+)")
ARITHMETIC = (b"+", b"-", b"*", b"/", b"%", b"&", b"|", b"^", b"&^")


def narrow(name: str) -> tuple[int, int]:
    """The values the type holds on every GOARCH (int: those of int32)."""
    bits, signed = INTEGERS[name] if name in INTEGERS else (32, WORD[name])
    return (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if signed else (0, (1 << bits) - 1)


def wide(name: str) -> tuple[int, int]:
    """The values the type may hold on some GOARCH (int: those of int64)."""
    bits, signed = INTEGERS[name] if name in INTEGERS else (64, WORD[name])
    return (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if signed else (0, (1 << bits) - 1)


def small_range(view: PackageView, path: str, node: Node, upper: bool) -> int | None:
    """The largest (or least) value of the expression's type, when it is a small integer type (a byte: 255)."""
    kind = int_type(view, path, node)
    return (narrow(kind)[1] if upper else narrow(kind)[0]) if kind in SMALL_INTEGERS else None


def int_type(view: PackageView, path: str, node: Node) -> str | None:
    """The predeclared integer type of an expression, where go/types' facts on identifiers tell it:
    a variable's or a field's type (`hdr.count`), an element's (`msg[off]` of a []byte or a string),
    `len`/`cap` (int), a conversion's, arithmetic's (its operand's: Go has no mixed-type arithmetic;
    a shift: its left operand's). None when unknown or untyped."""
    node = unparen(node)
    if node.type in ("identifier", "selector_expression"):
        return _integer(view, _declared(view, path, node))
    if node.type == "index_expression":
        held = _declared(view, path, unparen(node.child_by_field_name("operand")))
        element = ELEMENT.fullmatch(held) if held is not None else None
        if held == "string":
            return "byte" if predeclared(view, "string") else None
        return _integer(view, element[1] if element else None)
    if node.type == "call_expression":
        converted = conversion(view, path, node)
        if converted is not None:
            return converted[0]
        function = node.child_by_field_name("function")
        ident = view.types.at(path, function.start_byte) if function.type == "identifier" else None
        builtin = ident is not None and ident.kind == Kind.BUILTIN and ident.name in ("len", "cap")
        return "int" if builtin else None
    if node.type == "binary_expression":
        op = text(node.child_by_field_name("operator"))
        sides = ("left",) if op in (b"<<", b">>") else ("left", "right") if op in ARITHMETIC else ()
        found = [int_type(view, path, node.child_by_field_name(s)) for s in sides]
        return next((t for t in found if t is not None), None)
    return None


def _declared(view: PackageView, path: str, node: Node) -> str | None:
    """The type go/types gives a variable (`n`) or a field (`hdr.count`), as it prints it."""
    name = node.child_by_field_name("field") if node.type == "selector_expression" else node
    ident = view.types.at(path, name.start_byte) if name is not None and name.type.endswith("identifier") else None
    kinds = (Kind.FIELD,) if node.type == "selector_expression" else (Kind.VAR, Kind.PARAM, Kind.RESULT)
    return ident.type if ident is not None and ident.kind in kinds else None


def _integer(view: PackageView, name: str | None) -> str | None:
    """The name, if it is a predeclared integer type the package does not redeclare."""
    return name if name in {**INTEGERS, **WORD} and predeclared(view, name) else None


def conversion(view: PackageView, path: str, node: Node) -> tuple[str, Node] | None:
    """(T, x) for `T(x)` with T a predeclared integer type (not one the package redeclares)."""
    node = unparen(node)
    if node.type != "call_expression":
        return None
    function, args = node.child_by_field_name("function"), node.child_by_field_name("arguments").named_children
    ident = view.types.at(path, function.start_byte) if function.type == "identifier" else None
    if ident is None or ident.kind != Kind.TYPE or len(args) != 1 or args[0].type == "variadic_argument":
        return None
    name = text(function).decode()
    return (name, args[0]) if name in {**INTEGERS, **WORD} and predeclared(view, name) else None


def preserves(source: str | None, target: str) -> bool:
    """Does converting any value of type source to target keep it, on every GOARCH?"""
    if source is None:
        return False
    (low, high), (least, most) = wide(source), narrow(target)
    return least <= low and high <= most


def unsigned(name: str | None) -> bool:
    return name is not None and wide(name)[0] == 0


def predeclared(view: PackageView, name: str) -> bool:
    """Is the type name Go's own, not one of the package's types of the same name?"""
    return name not in memo(view, ("bounds.declared_types",), lambda: _declared_types(view))


def _declared_types(view: PackageView) -> set[str]:
    """The names of every type the package's files declare, at any scope, type parameters included
    (`func Len[byte ~uint16]`, and a method's receiver `(s *S[uint8])`, which may name them anew)."""
    names = set()
    for path in view.sources:
        for node in walk(view.tree(path).root_node):
            if node.type in ("type_spec", "type_alias"):
                names.add(text(node.child_by_field_name("name")).decode())
            elif node.type == "type_parameter_declaration":
                names.update(text(name).decode() for name in node.children_by_field_name("name"))
            elif node.type == "method_declaration":
                for args in walk(node.child_by_field_name("receiver")):
                    if args.type == "type_arguments":
                        names.update(text(arg).decode() for arg in walk(args) if arg.type == "type_identifier")
    return names
