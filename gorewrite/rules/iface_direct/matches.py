"""What a type assertion or a type switch case takes for a stored concrete value, by go/types.

A value E of a concrete static type S, boxed into an interface, has the dynamic type S and is never
a nil interface: `c.(I)` succeeds exactly when S implements I, `c.(T)` exactly when T is S
(types.Identical: aliases and named types resolved, gotypes/boxes.go), and a type switch takes its
first case one of whose types does so (`case nil` never), else its default. The rule asks go/types
each time, never the spelling: an assertion that would fail declines (the rewrite would make it
succeed), a case the value's type does not satisfy is passed over.
"""

from __future__ import annotations

import re

from gorewrite.rules.iface_direct.constants import float_folded, unfolded
from gorewrite.syntax import Node, ancestors, text, unparen
from gorewrite.typeinfo import Kind, TypeInfo

BOOL, STRING = "1", "2"  # go/constant's kinds, as typeinfo.constant gives them

# Where `&x` in place of an assertion would bind to less than the whole operand: `(&x).f`, not `&x.f`.
OPERAND_OF = ("selector_expression", "index_expression", "slice_expression", "call_expression")


def value_type(types: TypeInfo, path: str, value: Node) -> int | None:
    """The identity of the stored value's static type (its dynamic type once boxed); None: unknown."""
    value = unparen(value)
    return types.type_id(path, value.start_byte, value.end_byte)


def takes(types: TypeInfo, path: str, value: int | None, kind: Node) -> bool | None:
    """Does a boxed value of that type satisfy the asserted or case type? None when go/types cannot say."""
    asserted = types.type_id(path, kind.start_byte, kind.end_byte)
    if value is None or asserted is None:
        return None
    return asserted == value or types.implements(value, asserted)


def is_nil(types: TypeInfo, path: str, node: Node) -> bool:
    """Go's nil (go/types' *types.Nil), not a type of that name."""
    found = types.at(path, node.start_byte)
    return found is not None and found.kind == Kind.NIL


def replacement(types: TypeInfo, path: str, value: Node, kind: Node, interface: bool) -> bytes | str:
    """What the assertion to kind gives for the stored value: `I(E)` for an interface I, E itself for
    E's own type (identical, never merely implemented: E in place of an interface would change the
    expression's type); or why it would fail (the rewrite would change that) or go/types cannot tell."""
    stored = text(unparen(value))
    asserted = text(kind).decode()
    found = value_type(types, path, value)
    if takes(types, path, found, kind) is False:
        return f"the stored value {stored.decode()} is not of a type the assertion to {asserted} takes: it fails"
    if interface and types.boxed_type(path, value.start_byte, value.end_byte) is not None:
        return f"the stored value {stored.decode()} is a constant asserted to the interface {asserted}: left as it is"
    if interface:
        return text(kind) + b"(" + stored + b")"  # unknown: compiles exactly when it is taken
    if found is None or types.type_id(path, kind.start_byte, kind.end_byte) != found:
        constant = _boxed_constant(types, path, value, kind)
        return constant or f"the assertion is to {asserted}: go/types does not say it is {stored.decode()}'s own type"
    return stored


def _boxed_constant(types: TypeInfo, path: str, value: Node, kind: Node) -> bytes | str | None:
    """A constant boxed as the asserted type (go/types: an untyped one boxes as its default type, `2` of `"n": 2` as
    int; a named type's as that type, `Descending` as a SortOrder) is what the assertion gives, a value of that type:
    written at the assertion as a constant of it, spelled as the assertion spells the type there, it is legal
    wherever the assertion was and equal. A string or integer is written as go/types' exact value (`int(2)`,
    `Role("ADMIN")`); folded with what it meets, integer arithmetic that would wrap or divide by zero does not compile
    instead (the verifier's), and it must not fold into a float (constants.float_folded: `-float64(int(0))` is 0
    where the program computes -0). A bool, float or complex is written as the stored text (`bool(false)`,
    `float64(defaultBoost)`): go/types' exact value of a float ("1/10") is no Go literal of it, and `true` may name
    the package's declaration, while the stored text means at the assertion the constant it meant at the store
    (contents.stable: the function declares none of its names), and converted to the asserted type it is rounded
    as the boxing rounded it, bit for bit. The boxed float is never -0 (a constant has no negative zero), nor is
    the one written; what tells them apart is only Go folding the constant with its neighbours (`-float64(0.0)` is
    0 where the program negates +0 into -0): a float stands only where nothing folds it (constants.unfolded). Why
    not, where only the folding stands in the way."""
    value = unparen(value)
    stored = types.constant(path, value.start_byte, value.end_byte)
    boxed = types.boxed_type(path, value.start_byte, value.end_byte)
    if stored is None or boxed is None or boxed != types.type_id(path, kind.start_byte, kind.end_byte):
        return None
    assertion = kind.parent if kind.parent.type == "type_assertion_expression" else None
    shown = text(value).decode()
    constant, _, exact = stored.partition(":")
    if constant == STRING or types.integer(path, kind.start_byte, kind.end_byte) is not None:
        if assertion is not None and float_folded(types, path, assertion):
            return f"the stored value {shown} is a constant: in the assertion's place it folds into a float"
        return text(kind) + b"(" + exact.encode() + b")"
    if constant != BOOL and (assertion is None or not unfolded(types, path, assertion)):
        return f"the stored value {shown} is a float constant: in the assertion's place Go would fold it"
    return text(kind) + b"(" + text(value) + b")"


def in_place(assertion: Node, expression: bytes) -> bytes:
    """The expression as it stands in place of the assertion: `(&x)` where it is an operand; parenthesized in a
    header (headed)."""
    parent = assertion.parent
    operand = parent.type in OPERAND_OF and parent.child(0) == assertion
    return b"(" + expression + b")" if operand and expression.startswith(b"&") else headed(assertion, expression)


# A composite literal of a type's name (`limits{`, `pkg.T{`, `pair[[2]int]{`), maybe addressed, opening the expression.
NAMED_LITERAL = re.compile(rb"&?([\w.]+)(\[[^{}]*\])?\{")
# Statements whose header (up to the block) cannot hold a composite literal of a type's name unparenthesized.
HEADED = ("if_statement", "for_statement", "expression_switch_statement", "type_switch_statement")


def headed(node: Node, expression: bytes) -> bytes:
    """The expression parenthesized where it lands in an if, for or switch header and opens with a composite literal
    of a type's name (`limits{max: 2}.max`, `T{…}` built again at an assertion, contents._same_value): Go would read
    its `{` as the statement's block (unit cases `struct_field_literal_header`, `boxed_literal_if_header`).
    Parentheses change nothing else."""
    named = NAMED_LITERAL.match(expression)
    if named is None or named.group(1) in (b"struct", b"interface", b"map", b"func", b"chan"):
        return expression  # no literal of a type's name first: `interface{ Flush() error }(&buf)` parses as it is
    for around in ancestors(node):
        if around.type in ("block", "func_literal"):
            return expression
        if around.type in HEADED:
            return b"(" + expression + b")"
    return expression
