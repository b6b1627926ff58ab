"""Operands of fmt.Sprintf (Sprint, Sprintln, Errorf) that are not plain variables, which the concatenation
(concatenated.py) evaluates as fmt's call did: `parts[0]`, `m[key]`, `u.Email[at+1:]`, `raw[:n]`, `len(items)`,
`string(raw[:n])` of a []byte, and calls whose one result is a string (`strings.TrimPrefix(p, "/")`, `u.Hostname()`)
or an integer or bool (`time.Since(t).Milliseconds()`: digits.py prints it with strconv, a call of the call).

gc evaluates an expression's calls and its slice expressions left to right where they stand, and its other reads
after them, both in a call's arguments and in a concatenation (walk/order.go copies a call, and an OSLICE, to a
temporary where it stands; OADDSTR's and a call's other operands are read where the expression is built).
Measured under go1.24.11 and go1.27.3 with programs whose outputs differ for any other order: `fmt.Sprintf("%s
%s", a, f())` and `a + " " + f()` both show a as f left it, as do `parts[0]`, `m["k"]` and a []byte's bytes beside
a call that writes them; `s[1:]` left of a call that writes s shows the old s both ways, and `buf[:2]` the old
slice with the bytes the call wrote (adv-reach55d); `fmt.Sprintf("%s %s", p.name, boom())` panics with boom's value
both ways. So a call operand may write what other operands read, or panic: the order is the same. An index or a
bound holds no call (_simple): one would run where it stands, before fmt reads an integer to its left but after
the concatenation's strconv call (`fmt.Sprintf("%d %s", seq, parts[first()])`). What differs, and declines
(unordered):
- an integer operand left of a call: the concatenation prints it with strconv, a call, run before the call to its
  right, where fmt reads the integer after every call (`fmt.Sprintf("%d %s", n, bump())` printed bump's n); not
  a rune under `%c`, written `string(r)`: a conversion, read after the calls as fmt's call read it;
- an operand that may panic on a bound (an index of a slice, array or string, a slice expression) beside one that
  reads through a pointer, which may be nil: go1.24.11 panics on the bound first in `p.name + " " + e[1]`, fmt's
  call on the nil pointer; beside another operation of the statement that may panic (concatenated._panicking); and
  beside another such operand, whose panic says other words: gc raised `s[9:]`'s before `e[1]`'s in both forms, so
  it does not go left to right, and no rule says it keeps one order in both.
An index is a constant, a variable, a field of one, len of one, or a sum or difference of those: no call, no panic
of its own. A map read does not panic (a nil map reads the zero value), where its key is of a basic type (an
interface key may hold an unhashable value, which panics)."""

from __future__ import annotations

import dataclasses

from gorewrite import builtins, callees
from gorewrite.rules.iface_direct.digits import SIGNED, UNSIGNED, Number
from gorewrite.rules.iface_direct.fields import VARIABLES, field_type
from gorewrite.syntax import Node, call_args, text, unparen, walk
from gorewrite.typeinfo import Ident, Kind, TypeInfo

CALLED = (Kind.FUNC, Kind.METHOD, *VARIABLES)  # a function, a method, or a variable of a func type
KEYS = ("string", "int", "int64", "int32", "uint", "uint64", "uint32", "byte", "rune", "bool")
SIZES = ("slice", "array", "string", "map")  # what len and cap of a variable read without synchronising
BOUNDED = ("slice_expression",)
INLINED = "~r0"  # how the compiler's messages spell an inlined call's result (`~r0 + " after " + string(~r0)`)
RESULTS = ("string", *SIGNED, *UNSIGNED, "bool")  # a call's one result of a type fmt prints as text or digits


def typed(types: TypeInfo, path: str, operand: Node) -> Ident | None:
    """The operand's type as the record of what it reads, where the operand is one of the shapes above; None for
    any other (a plain variable or field chain included: operands.field's)."""
    if operand.type == "index_expression":
        base = variable(types, path, operand.child_by_field_name("operand"))
        element = _element(base.type) if base is not None else None
        if element is None or not _simple(types, path, operand.child_by_field_name("index")):
            return None
        return dataclasses.replace(base, type=element, named=None)
    if operand.type == "slice_expression":
        base = variable(types, path, operand.child_by_field_name("operand"))
        bounds = [n for n in operand.named_children[1:] if n.type != "comment"]
        if base is None or base.type not in ("string", "[]byte"):  # a named type's text is its name
            return None
        return base if all(_simple(types, path, b) for b in bounds) else None
    if operand.type != "call_expression":
        return None
    name = builtins.called(types, path, operand)
    args = call_args(operand)
    if name in ("len", "cap"):
        sized = variable(types, path, args[0]) if len(args) == 1 else None
        return dataclasses.replace(sized, type="int", named=None) if sized and sized.shape in SIZES else None
    if name == "string":
        converted = unparen(args[0]) if len(args) == 1 else None
        inner = (typed(types, path, converted) or variable(types, path, converted)) if converted else None
        return dataclasses.replace(inner, type="string") if inner is not None and inner.type == "[]byte" else None
    callee = _callee(types, path, operand)
    result = callees.results(callee.type) if callee is not None and callee.type else None
    if callee is None or callee.kind not in CALLED or result not in RESULTS:  # a builtin's kind is no CALLED
        return None
    return dataclasses.replace(callee, type=result, named=None)


def variable(types: TypeInfo, path: str, node: Node) -> Ident | None:
    """The variable a name or a selector chain from one reads (`items`, `b.Items`, `os.Args`, `r.cfg.Parts`)."""
    end = node
    while end.type == "selector_expression":
        end = end.child_by_field_name("operand")
    if end.type != "identifier":
        return None
    ident = types.at(path, node.child_by_field_name("field").start_byte if node != end else node.start_byte)
    return ident if ident is not None and ident.kind in (*VARIABLES, Kind.FIELD) else None


def unordered(types: TypeInfo, path: str, pieces: list) -> str | None:
    """Why the concatenation of the pieces (concatenated.py's: bytes, an operand and whether it is a []byte, or a
    Number) may evaluate them otherwise than fmt's call did; None where the order cannot tell."""
    operands = [p if isinstance(p, Number) else p[0] for p in pieces if not isinstance(p, bytes)]
    nodes = [o.node if isinstance(o, Number) else o for o in operands]
    last_call = max((i for i, n in enumerate(nodes) if called(types, path, n)), default=-1)
    before = operands[: max(last_call, 0)]
    number = next((o for o in before if _printed_by_call(o) and not called(types, path, o.node)), None)
    if number is not None:
        return (
            f"it prints {text(number.node).decode()} with strconv, a call the concatenation makes before the"
            " call to its right, where fmt's call read it after every call"
        )
    bounded = [n for n in nodes if bounded_read(types, path, n)]
    if len(bounded) > 1:
        return (
            f"{text(bounded[0]).decode()} and {text(bounded[1]).decode()} may both panic on their bounds, with"
            " other values: gc need not raise them left to right (`e[1]` and `s[9:]` raised the slice's first)"
        )
    bounded = bounded[0] if bounded else None
    indirect = next((n for n in nodes if n != bounded and through_pointer(types, path, n)), None)
    if bounded is not None and indirect is not None:
        return (
            f"{text(bounded).decode()} may panic on its bounds and {text(indirect).decode()} reads through a"
            " pointer, which may be nil: gc may raise the other panic first in a concatenation"
        )
    return None


def _printed_by_call(operand) -> bool:
    """Does the concatenation print the operand with a call (strconv's, hex's)? `%c` writes `string(r)`, a
    conversion, read after the calls as fmt read it (go1.24.11 and go1.27.3, with and without -race and -l)."""
    return isinstance(operand, Number) and operand.verb != "%c"


def printed_call(types: TypeInfo, path: str, pieces: list) -> bool:
    """Does strconv print a call's result (`d.Milliseconds()`)? The call, inlined into the append, costs the
    function's inliner more: a one-line `Elapsed` went to cost 81 under go1.27.3 (probe iface-sprintf-ints)."""
    return any(isinstance(p, Number) and called(types, path, p.node) for p in pieces)


def called(types: TypeInfo, path: str, node: Node) -> bool:
    """Is the operand a call of a function, method or func value (not len, cap or a conversion)?"""
    return node.type == "call_expression" and builtins.called(types, path, node) is None


def bounded_read(types: TypeInfo, path: str, node: Node) -> bool:
    """May evaluating the operand (not a call's) panic on a bound: an index of anything but a map, or a slice?"""
    if called(types, path, node):
        return False  # a call: run first, in both orders
    for n in walk(node, skip=lambda n: called(types, path, n)):
        if n.type in BOUNDED:
            return True
        if n.type == "index_expression":
            base = variable(types, path, n.child_by_field_name("operand"))
            if base is None or base.shape != "map":
                return True
    return False


def through_pointer(types: TypeInfo, path: str, node: Node) -> bool:
    """May evaluating the operand (not a call's) read through a pointer (fields.py: a selection go/types says has
    no pointer on the way, otherwise any selector or a pointer variable indexed)?"""
    if node.type == "selector_expression":
        return field_type(types, path, node) is None
    if called(types, path, node):
        return False
    for n in walk(node, skip=lambda n: called(types, path, n)):
        if n.type == "selector_expression" and field_type(types, path, n) is None:
            return True
    return False


def _simple(types: TypeInfo, path: str, node: Node | None) -> bool:
    """An index or bound that neither calls nor panics: a constant, a variable or field, len of one, `a+b`, `a-b`."""
    node = unparen(node) if node is not None else None
    if node is None or types.constant(path, node.start_byte, node.end_byte) is not None:
        return node is not None
    if node.type == "binary_expression":
        sides = (node.child_by_field_name("left"), node.child_by_field_name("right"))
        return node.children[1].type in ("+", "-") and all(_simple(types, path, side) for side in sides)
    if node.type == "call_expression":
        sized = typed(types, path, node) if builtins.called(types, path, node) == "len" else None
        return sized is not None
    return node.type in ("identifier", "selector_expression") and variable(types, path, node) is not None


def _element(kind: str | None) -> str | None:
    """The element type of a slice, array or map type's text where it is string, a map's keyed by a basic type."""
    if kind is None or not kind.endswith("]string"):
        return None
    if kind.startswith("map["):
        return "string" if kind[4:-7] in KEYS else None
    head = kind[1:-7]
    return "string" if kind.startswith("[") and (head == "" or head.isdigit()) else None


def _callee(types: TypeInfo, path: str, call: Node) -> Ident | None:
    """What the call calls, by go/types: the name of a function, a package's function or a method."""
    function = unparen(call.child_by_field_name("function"))
    if function.type == "selector_expression":
        return types.at(path, function.child_by_field_name("field").start_byte)
    return types.at(path, function.start_byte) if function.type == "identifier" else None
