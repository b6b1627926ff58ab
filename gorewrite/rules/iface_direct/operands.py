"""What one directive of a fmt call prints of its operand, as a piece of the concatenation that replaces the call
(concatenated.py): a constant's bytes, a string or []byte operand, or a number digits.py writes; or why it prints
something else, or may run the program's code (a method of its type: methodless.py), or be read otherwise.
"""

from __future__ import annotations

import os

from gorewrite import builtins
from gorewrite.proposals import PackageView
from gorewrite.rules.iface_direct import digits, evaluated
from gorewrite.rules.iface_direct.captured import sliced_capture
from gorewrite.rules.iface_direct.digits import Number
from gorewrite.rules.iface_direct.fields import operand_type
from gorewrite.rules.iface_direct.methodless import foreign, underlying
from gorewrite.rules.iface_direct.printed import BYTES, plain
from gorewrite.rules.iface_direct.verbs import unquoted
from gorewrite.syntax import Node, text
from gorewrite.typeinfo import Ident, Kind, TypeInfo

Piece = bytes | tuple[Node, bool] | Number  # a constant's bytes, an operand and whether it is a []byte, or a number


def is_string(types: TypeInfo, path: str, operand: Node, piece: Piece) -> bool:
    """Is the operand of Sprint, printed as the piece, a string (no space beside it), not a number?"""
    if isinstance(piece, Number):
        return False
    value = types.constant(path, operand.start_byte, operand.end_byte)
    return value.startswith("2:") if value is not None else True


def printed_as(view: PackageView, types: TypeInfo, path: str, operand: Node, verb: str) -> Piece | str:
    """What the directive prints of the operand: a string constant's bytes, a string or []byte variable; or why
    it prints something else, or may run code."""
    shown = text(operand).decode()
    ident = field(types, path, operand)
    basic = underlying(view, types, path, operand, verb)  # a defined type's, where fmt calls no method of it
    steady = types.printed(path, operand.start_byte, operand.end_byte)
    value = types.constant(path, operand.start_byte, operand.end_byte)  # a constant of a named type declines anyway
    if basic is None and steady and value is None and (late := foreign(view, types, path, operand, verb)):
        return late
    if ident is not None and (not steady or basic is None and ident.named is not None):
        return f"it formats {shown}, whose type may have methods fmt calls, here or in another build"
    if ident is not None and ident.kind == Kind.CONST and value is None:
        return (
            f"it formats {shown}, a constant another build may give another value: the compiler prints the value "
            "this build gives it in the concatenation's message, where the claim can only spell its name"
        )
    # a selected constant is a field's ident too (`time.Second`): plain() is its type's check, which may be named
    array = digits.byte_array(operand_type(types, path, operand), verb)  # `sum` of sha256.Sum256's [32]byte
    problem = plain(view, types, path, operand, verb, array) if ident is None or value is not None else None
    problem = problem or (sliced_capture(view, types, path, operand) if array and value is None else None)
    if problem:
        return problem
    if basic is not None and value is None:
        return _named(view, types, path, operand, verb, basic)
    if value is not None:
        data = unquoted(value.partition(":")[2]) if value.startswith("2:") and verb in ("%s", "%v") else None
        data = data if data is not None else digits.constant_text(value, verb)
        return data if data is not None else f"{verb} of the constant {shown} prints more than a string's bytes"
    ident = ident or types.at(path, operand.start_byte)
    number = digits.number(ident.type, operand, verb)
    if number is not None:
        return number
    if ident.type == "string" and verb in ("%s", "%v"):
        return (operand, False)
    if ident.type is None and ident.kind == Kind.CONST:  # untyped, its value withheld: math.MaxInt's is per GOARCH
        return f"{verb} of {shown}, a constant whose value not every build shares, prints what each build gives it"
    if ident.type not in BYTES or verb != "%s":
        kind = f" ({ident.type})" if ident.type else ", of a type gorewrite cannot write here,"
        return f"{verb} of {shown}{kind} prints other bytes than a concatenation would hold"
    if builtins.declared_in_any_build(view, types, os.path.dirname(path), "string"):
        return f"{shown} would be converted by string(…), a name the package declares"
    return (operand, True)


def _named(view: PackageView, types: TypeInfo, path: str, operand: Node, verb: str, basic: str) -> Piece | str:
    """The piece of an operand of a defined type whose underlying type is basic: printValue prints its value as
    that type's (methodless.py), written converted to it (`int64(id)`, `bool(on)`, `string(status)`)."""
    number = digits.number(basic, operand, verb, named=True)
    if number is not None:
        return number
    if basic != "string" or verb not in ("%s", "%v"):
        return f"{verb} of {text(operand).decode()} ({basic}) prints other bytes than a concatenation would hold"
    if builtins.declared_in_any_build(view, types, os.path.dirname(path), "string"):
        return f"{text(operand).decode()} would be converted by string(…), a name the package declares"
    return (operand, True)


def field(types: TypeInfo, path: str, operand: Node) -> Ident | None:
    """What a selector chain from a name reads (`c.Name`, `r.cfg.Host`, `pkg.Var`: no call, index or conversion on
    the way): reading it has no effect, and a nil pointer on the way panics as it did evaluating the arguments."""
    node = operand
    while node.type == "selector_expression":
        node = node.child_by_field_name("operand")
    if operand == node or node.type != "identifier":
        return evaluated.typed(types, path, operand)  # an index, a slice, len, a conversion, a call: or None
    return types.at(path, operand.child_by_field_name("field").start_byte)
