"""The interval of a call from its callee's returns (shapes.py asks): `n := SizeVarint(v); buf := make([]byte,
n)`, where SizeVarint is a function of the package whose every return statement returns a bounded value (`return
1`, `return (bits.Len64(v|1) + 6) / 7`), is bounded for every argument by the widest of them.

Only a call of a function go/types names as one of the package, declared by a `func` declaration (an
identifier, not a func value that may be reassigned), of a local holding the one func literal its `:=` gives it
and never anything else (`held_literal`), or of a method go/types resolves statically to one of the
package's method declarations: `k.Size()` of a `type Kind uint8`, `h.bodyLen()` of a `*header`, promoted through
an embedded struct too (an interface's method, also one promoted from an embedded interface field, is declared by
no method declaration: its dynamic type may run another's; a method expression `T.M(x)` shifts the arguments).
With a body (not one written in assembly), no type parameters, nor a generic receiver (an instance's arithmetic
is its type argument's), one result, a value in every return (a bare `return` returns its named result's value
there) and no `defer` (a deferred call may set a named result after the return, or recover a panic and return the
zero value). Declared in another file than the call, only where every build compiles the same files
(callees.other_builds: a `size_arm64.go` may return more than this build's `size_amd64.go`). A function of
another package is not in the view and bounds nothing. How deep calls are followed (a recursive function bounds
nothing past it) is bounds.py's.

A return may read a parameter the callee never writes nor addresses (`func expandedLen(ref string) int`, a loop
of `n += 2` over ref's bytes): the parameter holds the argument's value wherever the callee reads it (Go passes
a copy, assignable without conversion: an integer keeps its value), so the argument's bound where the call is
evaluated (`Given`: each parameter's object with the argument's interval and, for a string or a slice, its
length's) bounds it inside, beside the callee's own facts; a value receiver likewise holds a copy of the call's
operand. A variadic parameter, or a call spreading another call's results (`f(g())`), binds nothing. The length
of a string or slice a callee returns (`p := prefix(k)` of a switch of constant strings) is the join of its
returns' lengths, each where it returns (`returned`, length).
"""

from __future__ import annotations

from collections.abc import Callable

from gorewrite import callees
from gorewrite.intervals import UNKNOWN, Interval, join
from gorewrite.proposals import PackageView
from gorewrite.rulekit import memo
from gorewrite.syntax import Node, call_args, named_receiver, unparen, walk
from gorewrite.type_bounds import int_type
from gorewrite.typeinfo import Ident, Kind, Use

# What a call binds: (a parameter's object, the argument's interval, the argument's length's interval), each
# where the call is evaluated.
Given = tuple[tuple[str, Interval, Interval], ...]
# The interval of an expression (or, length: of its length) at a statement of a file of the package, inside a
# callee whose parameters the call binds as given.
At = Callable[[str, Node, Node, bool, Given], Interval]
# The interval of an argument (or of its length) where the call is evaluated.
Of = Callable[[Node], Interval]
DEPTH = 2  # calls a bound follows into the package's own functions: a size helper that calls another


def returned(view: PackageView, path: str, call: Node, at: At, args: tuple[Of, Of], length: bool = False) -> Interval:
    """The join of what the callee's return statements return (or, length: of their lengths), each at its
    statement with the parameters bound to the arguments' intervals (args: an argument's, its length's), or
    UNKNOWN."""
    found = declaration(view, path, call)
    values = returns_of(found[1], bare=True) if found is not None else None
    if values is None:
        return UNKNOWN
    given = bound_arguments(view, path, call, *found, *args)
    return join(at(found[0], value, stmt, length, given) for stmt, value in values)


def bound_arguments(
    view: PackageView, path: str, call: Node, file: str, declared: Node, of: Of, length_of: Of
) -> Given:
    """Each parameter the callee only reads, with its argument's intervals (of an integer, of a string's or a
    slice's length) where the call is evaluated; nothing where the arguments do not match the names one to one."""
    names = []
    for param in declared.child_by_field_name("parameters").named_children:
        if param.type != "parameter_declaration":
            return ()  # a variadic parameter collects several arguments
        names += param.children_by_field_name("name") or [None]
    args = call_args(call)
    if len(args) != len(names) or any(a.type == "variadic_argument" for a in args):
        return ()
    pairs = list(zip(names, args, strict=True)) + _receiver(declared, call)
    given = []
    for name, arg in pairs:
        ident = view.types.at(file, name.start_byte) if name is not None else None
        if ident is None or ident.obj is None or not only_read(view, file, ident.obj):
            continue
        if ident.shape in ("string", "slice"):
            given.append((ident.obj, UNKNOWN, length_of(arg)))
        elif int_type(view, path, arg) is not None:
            given.append((ident.obj, of(arg), UNKNOWN))
    return tuple(given)


def _receiver(declared: Node, call: Node) -> list[tuple[Node, Node]]:
    """(a value receiver's name, the operand the call copies into it): `p.digits()` of `func (p Precision)`. A
    pointer receiver shares the operand's storage, and `(*p).M()` copies what p points to: neither binds (a method
    promoted from an embedded field receives the field, never an integer, string or slice operand, which _bound
    alone binds)."""
    name = named_receiver(declared, pointer=False)
    if name is None:
        return []
    operand = unparen(unparen(call.child_by_field_name("function")).child_by_field_name("operand"))
    return [(name, operand)] if operand.type != "unary_expression" else []


def only_read(view: PackageView, file: str, obj: str) -> bool:
    """Does the callee only read the parameter (no write, no address taken, in a func literal neither)?"""
    uses = memo(view, ("uses by object", file), lambda: _uses(view, file))
    return all(u in (Use.DECL, Use.READ) for u in uses.get(obj, ()))


def _uses(view: PackageView, file: str) -> dict[str, list[Use]]:
    found: dict[str, list[Use]] = {}
    for ident in view.types.idents.get(file, ()):
        found.setdefault(ident.obj, []).append(ident.use)
    return found


def declaration(view: PackageView, path: str, call: Node) -> tuple[str, Node] | None:
    """(file, declaration) of the function of the package the call calls, by its go/types object, or None."""
    function = unparen(call.child_by_field_name("function"))
    literal = held_literal(view, path, function)
    if literal is not None:
        return path, literal
    ident, wanted = _called(view, path, function)
    if ident is None:
        return None
    file, name = declared_name(view, ident)
    declared = name.parent if name is not None else None
    if declared is None or declared.type != wanted or declared.child_by_field_name("name") != name:
        return None
    if declared.child_by_field_name("type_parameters") is not None or declared.child_by_field_name("body") is None:
        return None
    receiver = declared.child_by_field_name("receiver")
    if receiver is not None and any(n.type == "generic_type" for n in walk(receiver)):
        return None
    if file != path and callees.other_builds(view):  # a build that compiles the call may declare it otherwise
        return None
    return file, declared


def held_literal(view: PackageView, path: str, function: Node) -> Node | None:
    """The func literal a call's local calls: the one value of the one-name `:=` declaring the variable
    (callees.held_local), whose every other use is the function of a call — never written again, passed, stored
    or address-taken — so it holds that literal at each call (`parse := func(b []byte) (int64, error) {…}`)."""
    ident = view.types.at(path, function.start_byte) if function.type == "identifier" else None
    if ident is None or ident.kind != Kind.VAR or ident.obj is None:
        return None
    file, name = declared_name(view, ident)
    statement = name.parent.parent if name is not None and name.parent is not None else None
    if file != path or statement is None or statement.type != "short_var_declaration":
        return None
    right = statement.child_by_field_name("right")
    literal = unparen(right.named_children[0]) if right is not None and right.named_child_count == 1 else None
    held = callees.held_local(view, path, literal) if literal is not None and literal.type == "func_literal" else None
    if held is None or held[1].obj != ident.obj:
        return None
    for use in callees.naming(view, path, held[1]):
        if (
            use.parent is None
            or use.parent.type != "call_expression"
            or use.parent.child_by_field_name("function") != use
        ):
            return None
    return literal


def declared_name(view: PackageView, ident: Ident) -> tuple[str, Node | None]:
    """(file, the identifier declaring go/types' object the identifier names) in a file of this build, or ("", None)."""
    file, _, offset = (ident.obj or "").rpartition(":")
    if file not in view.package.files or not offset.isdigit():
        return "", None
    return file, view.tree(file).root_node.descendant_for_byte_range(int(offset), int(offset) + len(ident.name))


def _called(view: PackageView, path: str, function: Node) -> tuple[Ident | None, str]:
    """go/types' object a call calls and the declaration that must declare it: a function by its identifier,
    a method by a selector whose operand is a value (no method expression, whose receiver is an argument)."""
    if function.type == "identifier":
        ident = view.types.at(path, function.start_byte)
        found = ident is not None and ident.kind == Kind.FUNC
        return (ident if found and ident.obj is not None else None), "function_declaration"
    if function.type != "selector_expression":
        return None, ""
    field, operand = function.child_by_field_name("field"), function.child_by_field_name("operand")
    ident = view.types.at(path, field.start_byte)
    if ident is None or ident.kind != Kind.METHOD or not ident.recv or ident.obj is None:
        return None, ""
    operand = unparen(operand)
    starred = operand.type in ("unary_expression", "pointer_type") and operand.named_child_count == 1
    operand = unparen(operand.named_children[-1]) if starred else operand  # `(*T).M(p)`, or `(*p).M()`
    named = operand.type in ("identifier", "type_identifier")
    base = view.types.at(path, operand.start_byte) if named else None
    if (named or starred) and (base is None or base.kind not in (Kind.VAR, Kind.PARAM, Kind.RESULT)):
        return None, ""  # a method expression, `T.M(x)` or `(*T).M(p)`, whose receiver is an argument; or unknown
    return ident, "method_declaration"


def returns_of(function: Node, bare: bool = False) -> list[tuple[Node, Node]] | None:
    """(statement, value) of each return of a function with one result, or None where one returns no value or
    a deferred call may change what it returns. With bare, a bare `return` of a named result `(n uint64)` returns
    the name's value there (the spec: "the result parameters act as ordinary local variables"; with no defer
    nothing sets them after it): its value is the name's declaration, which bounds.py reads by go/types' object."""
    result = function.child_by_field_name("result")
    if result is None:
        return None
    body = function.child_by_field_name("body")
    own = list(walk(body, skip=lambda n: n.type == "func_literal"))
    names = []
    if result.type == "parameter_list":
        declared = [p for p in result.named_children if p.type == "parameter_declaration"]
        if len(declared) != 1 or len(declared[0].children_by_field_name("name")) > 1:
            return None
        names = declared[0].children_by_field_name("name")
    if any(n.type == "defer_statement" for n in own):
        return None
    found = []
    for stmt in (n for n in own if n.type == "return_statement"):
        values = stmt.named_children[0] if stmt.named_child_count == 1 else None
        if values is None and bare and len(names) == 1 and stmt.named_child_count == 0:
            found.append((stmt, names[0]))
            continue
        if values is None or values.type != "expression_list" or values.named_child_count != 1:
            return None
        found.append((stmt, values.named_children[0]))
    return found
