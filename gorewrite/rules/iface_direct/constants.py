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
from gorewrite.syntax import Node, text, unparen, walk
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
