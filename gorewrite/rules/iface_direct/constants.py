"""A constant a literal stores in a field, read back as the field's value: go/types' value, typed as the field is.

`b.Style.Gap` of `b := Box{…, Style: Style{Gap: 1}}`, in a container nothing writes, is 1 at every read, an `int`.
Written in its place as `int(1)` — go/types' exact value converted to the field's type — it is a constant of the
field's very type: legal wherever the `int` read was, and equal to it. It is a constant, so Go folds what it meets
in an expression: integer arithmetic is exact there, and where the program's would wrap (`b.Style.Gap << 63`) or
divide by zero the folded expression does not compile, which the verifier rejects; it never computes another value.
Not where it folds into a float or complex constant (a conversion, real, imag, complex: float_folded): a constant
has no negative zero, so `-float64(b.Depth)` of `Depth: 0` would be 0 where the program computes -0 (fmt prints
"-0", math.Atan2 turns π into -π), and no release fuses a constant's multiply and add as arm64's may the program's.
A bool is written `true` or `false` (builtins.constant: not where the package declares the name), whose default
type is bool: wherever a `bool` read was legal, so is it, and equal. Only Go's predeclared types, spelled here with
no declaration of the name the spelling could mean (the package's, another build's, the function's: `int :=
func(…)`), and not a named type (`Level(2)` would need its name at the read, and a method set: `String`). A float or
complex field declines: go/types' exact value of `ratio: 0.1` is "1/10", which Go reads as an integer division (0),
and a float constant has no negative zero either.
"""

from __future__ import annotations

from gorewrite import builtins, callees
from gorewrite.proposals import PackageView
from gorewrite.syntax import Node, items, text, unparen, walk
from gorewrite.typeinfo import Kind, TypeInfo

INTEGERS = frozenset("int int8 int16 int32 int64 uint uint8 uint16 uint32 uint64 uintptr byte rune".split())


def typed_constant(view: PackageView, types: TypeInfo, path: str, value: Node, read: Node) -> bytes | None:
    """The constant the literal stores at value, written in place of the read `c.f` as a value of the field's
    predeclared bool or integer type (`int(1)`, `true`); None where it is no such constant, the spelling could mean
    another declaration, or it would fold into a float (float_folded)."""
    stored = types.constant(path, value.start_byte, value.end_byte)
    name = predeclared_type(view, types, path, read.child_by_field_name("field"))
    if stored is None or name is None or float_folded(types, path, read):
        return None
    exact = stored.partition(":")[2]
    if name == "bool":
        spelled = builtins.constant(types, [view.tree(p).root_node for p in view.sources], exact == "true")
        return spelled if isinstance(spelled, bytes) else None
    if name not in INTEGERS:
        return None  # a float or complex: its exact value ("1/10") is no Go literal of it
    return f"{name}({exact})".encode()


# What keeps an expression constant when its operand is: Go folds the whole of it (a conversion or builtin is a call)
FOLDED = ("parenthesized_expression", "unary_expression", "binary_expression", "argument_list", "call_expression")
EXACT = INTEGERS | {"string", "bool", "len", "cap", "min", "max"}  # conversions and builtins that fold no float in
INEXACT = frozenset("float32 float64 complex64 complex128 real imag complex".split())


def float_folded(types: TypeInfo, path: str, read: Node) -> bool:
    """Would a constant written at read fold, with the operators, conversions and builtins around it, into a float or
    complex constant (`-float64(int(0))`, `float64(int(3)) * 0.1`)? Constant arithmetic has no negative zero: that
    one is 0 where the program's `-float64(b.Depth)` is -0. A conversion to a type the package or another declares
    folds too: unless go/types gives it an integer type (`time.Duration(x)`), it is taken for a float. A function's
    call is no constant, nor a conversion to no basic type (`[]byte(s)`, a type_conversion_expression to
    tree-sitter): what surrounds it runs as the program did."""
    node = read
    while node.parent is not None and node.parent.type in FOLDED:
        parent = node.parent
        if parent.type == "call_expression":
            name = builtins.called(types, path, parent)
            function = unparen(parent.child_by_field_name("function"))
            named = function.child_by_field_name("field") if function.type == "selector_expression" else function
            callee = types.at(path, named.start_byte) if name is None else None
            if name in INEXACT:
                return True
            if name is None and (callee is None or callee.kind == Kind.TYPE):
                if types.integer(path, parent.start_byte, parent.end_byte) is None:
                    return True  # a conversion to a float type of some package's, or unknown
            elif name not in EXACT:
                return False  # a function's call, or a builtin whose result is no constant (append, new)
        node = parent
    return False


def unfolded(types: TypeInfo, path: str, read: Node) -> bool:
    """Would a constant written at read stand alone, folded with nothing (a float's sign and rounding then are the
    boxed value's, bit for bit)? Only where what holds it is no operator, conversion or builtin (an assignment, a
    return, a function's argument, an element), or an operator whose other operand is surely no constant after the
    rewrite either (runtime_value): `score * args["boost"].(float64)` multiplies at run time as it did."""
    node = read
    while node.parent is not None and node.parent.type == "parenthesized_expression":
        node = node.parent
    parent = node.parent
    if parent is None:
        return True
    if parent.type in ("unary_expression", "type_conversion_expression"):
        return False
    if parent.type == "binary_expression":
        left, right = parent.child_by_field_name("left"), parent.child_by_field_name("right")
        return runtime_value(types, path, right if left == node else left)
    call = parent.parent if parent.type == "argument_list" else None
    return call is None or _called(types, path, call) == "function"


def runtime_value(types: TypeInfo, path: str, node: Node) -> bool:
    """Is the expression surely no constant, in this program and once any rewrite of this rule has written a
    constant for a read in it? A variable (go/types: a var or parameter, which no rewrite turns into a constant), a
    function's call, or an operator or conversion of one (Go folds an expression only when every operand is a
    constant), or a field or method of a variable (`c.n`: no package's constant is selected from a variable; a
    group reads a field as its constant only for a bool or an integer, never folded into a float: float_folded).
    Not an element, an assertion or a field of anything else: a rewrite may write a constant for it."""
    node = unparen(node)
    if node.type == "identifier":
        found = types.at(path, node.start_byte)
        return found is not None and found.kind in (Kind.VAR, Kind.PARAM, Kind.RESULT)
    if node.type == "call_expression":
        arguments = items(node.child_by_field_name("arguments"))
        called = _called(types, path, node)
        one = len(arguments) == 1 and runtime_value(types, path, arguments[0])
        return called == "function" or (called == "conversion" and one)
    if node.type in ("unary_expression", "selector_expression"):
        return runtime_value(types, path, node.child_by_field_name("operand"))
    if node.type == "binary_expression":
        sides = (node.child_by_field_name("left"), node.child_by_field_name("right"))
        return any(runtime_value(types, path, side) for side in sides)
    return False


def _called(types: TypeInfo, path: str, call: Node) -> str:
    """What the call calls, by go/types: "function" (a function, a method or a func value: never folded),
    "conversion" (to a type: a constant of a constant), else "builtin" (`len` of an array variable is a constant
    too) or unknown."""
    name = builtins.called(types, path, call)
    if name is not None:
        return "conversion" if name in builtins.TYPES else "builtin"
    function = unparen(call.child_by_field_name("function"))
    named = function.child_by_field_name("field") if function.type == "selector_expression" else function
    callee = types.at(path, named.start_byte) if named is not None else None
    if callee is not None and callee.kind in (Kind.FUNC, Kind.METHOD, Kind.VAR, Kind.PARAM, Kind.RESULT):
        return "function"
    return "conversion" if callee is not None and callee.kind == Kind.TYPE else "builtin"


def predeclared_type(view: PackageView, types: TypeInfo, path: str, field: Node) -> str | None:
    """The name of the field's type where it is Go's predeclared type of that name (go/types: spelled so at the read,
    where a declaration the name means instead, `int := func(…)`, leaves it unspelled; no named type: an alias of a
    generic instance has none), with no type declared by that name in the package, in any build, that the spelling
    could mean; None otherwise."""
    declared = types.at(path, field.start_byte)
    if declared is None or declared.kind != Kind.FIELD or declared.type is None or declared.named is not None:
        return None
    name = declared.type
    if any(_declares_type(view.tree(p).root_node, name) for p in view.sources):
        return None
    return None if name in callees.universe_declared(view) else name


def _declares_type(root: Node, name: str) -> bool:
    """Does the file declare a type of that name, at package level or in a function (go/types' facts cover only
    the ranges the rules asked for)?"""
    specs = (n for n in walk(root) if n.type in ("type_spec", "type_alias"))
    return any(text(n.child_by_field_name("name")) == name.encode() for n in specs)
