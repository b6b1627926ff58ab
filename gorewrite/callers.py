"""The bound every call of a func literal gives its parameter (bounds.py asks): `fill := func(n int) string {
b := make([]byte, n) … }` called only as `fill(tw)`, with `tw := 8 - l%8` at most 15 where each call is
evaluated, has n at most 15 inside, for every input (BurntSushi/toml's expandTab has this shape).

Only where every call is known: the literal is called where it is made (`func(n int) {…}(k)`, `go func…(k)`), or
it is the one value of a variable's declaration (`fill := func…`, `var fill = func…`, in a `var (…)` group too),
that declaration is the variable's only write, and every other use of it, by go/types' object, is the function of
a call. A variable copied (`f := fill`), passed, stored, returned or assigned again (`fill = grow`) may be called
with anything, elsewhere or later: no bound.

A function or method declaration likewise, when no one else can call it: unexported (no other package names it), no
type parameters, called directly by every use of its object in the package's files (`callers` gives their
declarations' ranges to go/types, and their callers', two up), none in its own body (a recursive call's argument is
what the bound is of), no file of its directory the build leaves out (tests, other builds) naming it, no
`//go:linkname` or cgo `//export` comment naming it, no assembly file calling it (`·name`). Another package linked
into the same binary may call it through a `//go:linkname` pull no file of the package shows: go1.23's linker
refuses a pull of a std symbol its package does not push (by `//go:linkname name`, checked here), but not of a
module's, so a module's function is followed only where no directive or assembly of what can be seen of the build
names it (pulls.py: the main module and every package outside std its builds and tests depend on; a command's
functions are `main.name`, and its import path's, escaped, in its test binary: frozen_vars.prefixes). A method
only where no interface type of the package declares its name: only the package can name an unexported method, and
through such an interface anything may be passed; a method expression `(*T).m(t, n)` passes one argument more than
m has parameters, and is declined. The parameter must be one the function only
reads (no write, no `&n`, none in a nested literal: returns.only_read), and not variadic; each call passes its
arguments one to one, none spread from another call. Each argument is bounded where its call's statement starts (an
expression statement, an assignment, a declaration, a return, a go or defer statement, which evaluate their calls'
arguments before they write anything), and is settled there (settled.py: a local variable no call can write,
constants, arithmetic), so nothing the statement runs before the call changes it. An integer argument keeps its
value (Go passes it without conversion), a string's or a slice's length is the argument's: the bound is the worst
over the calls, each one call deeper (Side.inside), which ends a chain of literals calling each other.
"""

from __future__ import annotations

import glob
import os
import re
from collections.abc import Callable

from gorewrite.build_files import go_files
from gorewrite.frozen_vars import prefixes
from gorewrite.guards import Side
from gorewrite.proposals import PackageView
from gorewrite.returns import DEPTH, only_read
from gorewrite.rulekit import memo, owner
from gorewrite.settled import settled
from gorewrite.syntax import Node, assignments, call_args, enclosing, held, statement_of, walk
from gorewrite.type_bounds import int_type
from gorewrite.typeinfo import Use
from gorewrite.words import whole

# Statements that evaluate a call's arguments before they write anything.
STATEMENTS = (
    "expression_statement",
    "assignment_statement",
    "short_var_declaration",
    "var_declaration",
    "return_statement",
    "go_statement",
    "defer_statement",
)
At = Callable[..., "int | None"]  # bounds.bound
DECLARATIONS = ("function_declaration", "method_declaration")
NAMES = ("identifier", "field_identifier")  # a function's name, a method's in a selector or its declaration


def argument(view: PackageView, path: str, obj: str, length: bool, stmt: Node, side: Side, at: At) -> int | None:
    """The bound on a parameter (or its length) the calls give it: inside a callee a bound asked for follows
    (Side.given), the arguments of the one call; in a func literal, the worst over every call of it; else None."""
    if side.given:
        return side.argument(obj, length)
    function = owner(stmt)
    if function is None or side.calls <= 0 or not only_read(view, path, obj):
        return None
    index = _parameter(view, path, function, obj)
    calls = _calls(view, path, function) if function.type == "func_literal" else _declared_calls(view, path, function)
    if index is None or not calls:
        return None
    found = []
    for file, call in calls:
        args = call_args(call)
        stmt_at = statement_of(call)
        if len(args) != index[1] or any(a.type == "variadic_argument" for a in args) or stmt_at is None:
            return None
        arg = args[index[0]]
        typed = length or int_type(view, file, arg) is not None
        if stmt_at.type not in STATEMENTS or not typed or not settled(view, file, arg):
            return None
        found.append(at(view, file, arg, stmt_at, side.inside(), (), length))
    return side.worst(found)


def _parameter(view: PackageView, path: str, function: Node, obj: str) -> tuple[int, int] | None:
    """(the index of the parameter declaring obj, how many parameters) of a function with no variadic one."""
    names: list[Node | None] = []
    for param in function.child_by_field_name("parameters").named_children:
        if param.type != "parameter_declaration":
            return None  # variadic: several arguments
        names += param.children_by_field_name("name") or [None]
    declared = [view.types.at(path, n.start_byte) if n is not None else None for n in names]
    found = [i for i, d in enumerate(declared) if d is not None and d.obj == obj]
    return (found[0], len(names)) if found else None


def _calls(view: PackageView, path: str, literal: Node) -> list[tuple[str, Node]] | None:
    """Every call of the literal: the one that calls it where it is made, or each use of the variable whose only
    write is the declaration it is the value of; None where a use is no call, or the literal is held otherwise."""
    expr, holder = held(literal)
    if holder.type == "call_expression" and holder.child_by_field_name("function") == expr:
        return [(path, holder)]
    statement = holder.parent if holder.type == "expression_list" else None
    if statement is not None and statement.type == "var_spec":
        statement = enclosing(statement, "var_declaration")
    names = [n for n, v in assignments(statement) if v == expr] if statement is not None else []
    variable = view.types.at(path, names[0].start_byte) if len(names) == 1 else None
    if variable is None or variable.obj is None or variable.use != Use.DECL or not variable.local:
        return None
    root, calls = view.tree(path).root_node, []
    for use in view.types.idents.get(path, ()):
        if use.obj != variable.obj or use.start == variable.start:
            continue
        name, parent = held(root.descendant_for_byte_range(use.start, use.end))
        if use.use != Use.READ or parent.type != "call_expression" or parent.child_by_field_name("function") != name:
            return None
        calls.append((path, parent))
    return calls


def scopes(view: PackageView, function: Node, depth: int = DEPTH) -> tuple[tuple[str, int, int], ...]:
    """The top-level declarations of the package's files that name the function or method declaration, and those
    naming them in turn, `depth` callers up (syntax only: `find` asks go/types for their ranges); none for a
    declaration _declared_calls does not follow."""
    name = _followed(function)
    if name is None or depth <= 0:
        return ()
    found = memo(view, ("callers: naming",), lambda: _naming(view)).get(name, ())
    up = [view.tree(p).root_node.descendant_for_byte_range(s, e) for p, s, e in found]
    return found + tuple(s for node in up if node != function for s in scopes(view, node, depth - 1))


def _naming(view: PackageView) -> dict[bytes, tuple[tuple[str, int, int], ...]]:
    """Each name to the top-level declarations of the package's files that hold it as an identifier or a field or
    method name: one walk of the package for every declaration asked about."""
    found: dict[bytes, dict[tuple[str, int, int], None]] = {}
    for path in view.package.files:
        for node in view.tree(path).root_node.named_children:
            for n in walk(node):
                if n.type in NAMES:
                    found.setdefault(n.text, {})[(path, node.start_byte, node.end_byte)] = None
    return {name: tuple(where) for name, where in found.items()}


def _followed(function: Node) -> bytes | None:
    """The name of an unexported function or method declaration without type parameters, else None."""
    name = function.child_by_field_name("name") if function.type in DECLARATIONS else None
    if name is None or function.child_by_field_name("type_parameters") is not None:
        return None
    return name.text if not name.text.decode()[:1].isupper() else None


def _declared_calls(view: PackageView, path: str, function: Node) -> list[tuple[str, Node]] | None:
    """Every call of a declaration _followed follows, by go/types' object, in the declarations `scopes` gives;
    None where a use is no call, is in its own body, something outside the build may call it, or (a method) an
    interface of the package may hold a value whose method set has it."""
    name = _followed(function)
    declared = view.types.at(path, function.child_by_field_name("name").start_byte) if name is not None else None
    outside = name is not None and memo(view, ("called from outside", name), lambda: _outside(view, name))
    if declared is None or declared.obj is None or outside:
        return None
    if function.type == "method_declaration" and _in_interface(view, name):
        return None
    calls = []
    for file, start, end in scopes(view, function, 1):
        node = view.tree(file).root_node.descendant_for_byte_range(start, end)
        for use in (n for n in walk(node) if n.type in NAMES and n.text == name):
            ident = view.types.at(file, use.start_byte)
            if ident is None:
                return None  # go/types did not say what it names
            if ident.obj != declared.obj or ident.start == declared.start:
                continue  # another object of the name (a local, a field, another type's method), or the declaration
            used, parent = held(use.parent if use.type == "field_identifier" else use)
            called = parent.type == "call_expression" and parent.child_by_field_name("function") == used
            if not called or function.start_byte <= use.start_byte < function.end_byte:
                return None
            calls.append((file, parent))
    return calls


def _in_interface(view: PackageView, name: bytes) -> bool:
    """Does an interface type of the package's files (a named one, a literal in an assertion or a constraint)
    declare a method of the name? Only the package's own can name an unexported method, and through a value of
    it the method is called with arguments no call in the package shows. A file tree-sitter-go cannot parse may
    hide one: yes."""
    roots = [view.tree(path).root_node for path in view.package.files]
    return any(root.has_error for root in roots) or any(
        node.type == "method_elem" and (node.child_by_field_name("name") or node).text == name
        for root in roots
        for node in walk(root)
    )


def _outside(view: PackageView, name: bytes) -> bool:
    """Does a file of the package's directory the build leaves out name it, a directive or cgo export of the
    package name it, an assembly file call it, or (a module's package) the build's //go:linkname directives or
    assembly name it (pulls.py; not listed: unknown, so yes)?"""
    word = re.compile(whole(name))  # words.py: `δpad(1000)` in a test too
    directive = re.compile(rb"//(go:linkname|export)\s[^\n]*" + whole(name))
    for file in go_files(view.package.dir):
        with open(file, "rb") as f:
            source = f.read()
        if (file not in view.package.files and word.search(source)) or directive.search(source):
            return True
    for file in glob.glob(os.path.join(glob.escape(view.package.dir), "*.s")):
        with open(file, "rb") as f:
            if "·".encode() + name in f.read():
                return True
    return not view.package.standard and _pulled(view, name.decode())


def _pulled(view: PackageView, name: str) -> bool:
    """Is the module package's function or method named as a symbol the build links (`p.grow`, `p.(*T).grow`,
    `main.grow` of a command whatever its import path, a dotted last element escaped: frozen_vars.prefixes)?"""
    if view.linked is None:
        return True
    return any(
        s.startswith(p) and (s == p + name or s.endswith("." + name))
        for p in prefixes(view.package)
        for s in view.linked
    )
