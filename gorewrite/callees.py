"""What a call calls: the function or method go/types names (`callee`), and the package's own
functions and methods found by name, the callees retention follows; whether another build may
declare them otherwise (`other_builds`).

`scopes` is syntax only, so `find` can name the declarations whose types a rule will read
(Candidate.also) before go/types runs; retention.py then follows a parameter into the one
go/types names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from gorewrite import build_files
from gorewrite.parameters import FUNCTIONS, parameter_names, receiver_type
from gorewrite.proposals import PackageView
from gorewrite.rulekit import memo
from gorewrite.syntax import Node, held, items, text, walk
from gorewrite.typeinfo import Ident, Kind, Use

DEPTH = 4  # calls into the package's own functions followed from the call site; deeper chains are declined


def declaration(view: PackageView, key: tuple[str, str, str]) -> tuple[str, Node] | None:
    """The compiled file and the declaration of the package's function or method `key`."""
    for path in view.package.files:
        for node in view.tree(path).root_node.named_children:
            name = node.child_by_field_name("name")
            if node.type not in FUNCTIONS or name is None or name.text.decode() != key[2]:
                continue
            if node.type == "function_declaration" and not key[1]:
                return path, node
            if node.type == "method_declaration" and receiver_type(node.child_by_field_name("receiver")) == key[1]:
                return path, node
    return None


# Why a follower of the package's functions stops at one declared without a body: nothing there to read.
NO_BODY = "whose body gorewrite does not find among the package's files (assembly, or //go:linkname)"


def parameter(view: PackageView, found: tuple[str, Node], index: int) -> tuple[Node, Ident, bool] | None:
    """The name of the declaration's parameter `index`, go/types' declaration of it and whether it is
    variadic; None when it has no name or go/types does not describe it."""
    params = parameter_names(found[1].child_by_field_name("parameters"))
    name, variadic = params[index] if index < len(params) else (None, False)
    declared = view.types.at(found[0], name.start_byte) if name is not None else None
    return (name, declared, variadic) if declared is not None and declared.obj is not None else None


def held_local(view: PackageView, path: str, value: Node, first: bool = False) -> tuple[Node, Ident] | None:
    """The `:=` statement and go/types' variable when value is the one value of a one-name `:=` that declares it
    (`b := buf.Bytes()`, `indent := func(d int) {…}`), or with `first`, of the first name a call's several results
    declare (`src, err := format.Source(b)`: the caller knows the others hold none of it); None otherwise."""
    _, holder = held(value)
    statement = holder.parent
    if holder.type != "expression_list" or statement is None or statement.type != "short_var_declaration":
        return None
    left = statement.child_by_field_name("left")
    if statement.child_by_field_name("right") != holder or len(items(holder)) != 1:
        return None
    if len(items(left)) != 1 and not (first and value.type == "call_expression"):
        return None
    declared = view.types.at(path, items(left)[0].start_byte)
    ok = declared is not None and declared.kind == Kind.VAR and declared.use == Use.DECL
    return (statement, declared) if ok else None


def naming(view: PackageView, path: str, declared: Ident) -> Iterator[Node]:
    """Every node of the file that names go/types' object `declared`, but its declaration."""
    root = view.tree(path).root_node
    for use in view.types.idents.get(path, ()):
        if use.obj == declared.obj and use.start != declared.start:
            yield root.descendant_for_byte_range(use.start, use.end)


def scopes(
    view: PackageView, function: Node, depth: int = DEPTH, kinds: tuple[str, ...] = FUNCTIONS
) -> tuple[tuple[str, int, int], ...]:
    """The declarations of the package's functions and methods (of `kinds`) `function` may call, by
    name, `depth` calls deep: the ranges whose types a rule reads when it follows a call (retention
    a parameter; returns.py, which follows functions only, a returned size)."""
    names: dict[str, list[tuple[str, Node]]] = {}
    for path in view.package.files:
        for node in view.tree(path).root_node.named_children:
            if node.type in kinds and node.child_by_field_name("name") is not None:
                names.setdefault(node.child_by_field_name("name").text.decode(), []).append((path, node))
    found: dict[tuple[str, int, int], Node] = {}
    frontier = [function]
    for _ in range(depth):
        called = {_called(c) for f in frontier for c in walk(f) if c.type == "call_expression"}
        fresh = {(p, d.start_byte, d.end_byte): d for name in called for p, d in names.get(name, ())}
        frontier = [d for span, d in fresh.items() if span not in found]
        found.update(fresh)
    return tuple(found)


def _called(call: Node) -> str:
    function = call.child_by_field_name("function")
    if function is not None and function.type == "selector_expression":
        function = function.child_by_field_name("field")
    return function.text.decode() if function is not None else ""


def direct_scopes(view: PackageView, function: Node, text: re.Pattern[bytes]) -> tuple[tuple[str, int, int], ...]:
    """The declarations of the package's functions and methods the function calls directly whose source has
    `text` (a proof's cheap filter: `.Wait(`, `.Go(`), whose types that proof reads, and no others' (their
    types would change what other proofs read of them)."""
    return tuple(s for s in scopes(view, function, depth=1) if text.search(view.sources[s[0]][s[1] : s[2]]))


def callee(view: PackageView, path: str, call: Node, every_build: bool = False) -> tuple[str, str, str] | str:
    """(package path, receiver type or "", name) of the function or method called, or why it is not known.
    `every_build`: also why when it is another package's method and a file another build compiles (other_builds)
    may give the receiver another type there (`var tmpl` a *template.Template here, the package's own type there)."""
    function = call.child_by_field_name("function") or call  # a method value's selector names its method alike
    while function is not None and function.type == "parenthesized_expression":
        function = function.named_children[0] if function.named_children else None
    if function is None or function.type not in ("identifier", "selector_expression"):
        return "a function value gorewrite cannot follow"
    name = function if function.type == "identifier" else function.child_by_field_name("field")
    ident = view.types.at(path, name.start_byte)
    if ident is not None and ident.kind in (Kind.VAR, Kind.PARAM, Kind.RESULT, Kind.FIELD):
        return "a function value gorewrite cannot follow"
    if ident is None or ident.pkg is None or ident.kind not in (Kind.FUNC, Kind.METHOD):
        return "which go/types does not name as a function or method"
    if ident.kind == Kind.METHOD and not ident.recv:
        return "an interface method: the dynamic type that runs it is unknown"
    if function.type == "selector_expression" and ident.kind == Kind.METHOD and _is_type(view, path, function):
        return "a method expression"
    other = other_builds(view) if every_build and ident.recv and ident.pkg != view.package.import_path else None
    if other:
        return f"a method of {ident.recv} in this build: another build compiles {other}, where the receiver may differ"
    return ident.pkg, ident.recv or "", ident.name


# How the grammar parses an instance of a generic type as an operand: `Box[string]` (an index), `Pair[string, int]`
# and `Box[[]byte]` (a type instantiation: several arguments, or one no expression spells).
INSTANCES = ("index_expression", "generic_type", "type_instantiation_expression")


def _is_type(view: PackageView, path: str, selector: Node) -> bool:
    """Is the selector's operand a type (`T.M`, `(*T).M`, `Box[string].M`, `Pair[K, V].M`, `lib.T.M`: a method
    expression)?"""
    operand = selector.child_by_field_name("operand")
    if operand.type == "parenthesized_expression":
        return not _a_value(view, path, operand)
    if operand.type in INSTANCES:  # `Box[string].Arm`, `Pair[string, int].Arm`: an instance of a generic type
        operand = operand.child_by_field_name("operand") or operand.child_by_field_name("type") or operand
    if operand.type in ("selector_expression", "qualified_type"):  # `lib.Plain.Arm`: another package's type
        operand = operand.child_by_field_name("field") or operand.child_by_field_name("name") or operand
    names = ("identifier", "field_identifier", "type_identifier")
    ident = view.types.at(path, operand.start_byte) if operand.type in names else None
    return ident is not None and ident.kind == Kind.TYPE


def _a_value(view: PackageView, path: str, parenthesized: Node) -> bool:
    """Is the parenthesized operand surely a value, so `(…).M(args)` calls M on it: `(&x)` (no type has an
    address), a composite literal `(T{…})`, or a variable go/types names (`(v)`, `(*p)`)? Anything else is taken
    as a type, `(*T)` or `(*lib.T)`, whose method expression shifts the arguments by one."""
    inner = parenthesized.named_children[0] if parenthesized.named_children else None
    if inner is not None and inner.type == "composite_literal":  # `(check{cfg: &c}).err()`: no type is one
        return True
    if inner is not None and inner.type == "unary_expression":
        operator = text(inner.child_by_field_name("operator"))
        if operator == b"&":
            return True
        inner = inner.child_by_field_name("operand") if operator == b"*" else None
    ident = view.types.at(path, inner.start_byte) if inner is not None and inner.type == "identifier" else None
    return ident is not None and ident.kind in (Kind.VAR, Kind.PARAM, Kind.RESULT)


def shown(call: Node) -> str:
    function = call.child_by_field_name("function")
    return text(function).decode() if function is not None else "a call"


def dynamic_type(view: PackageView, path: str, arg: Node | None) -> tuple[str, str] | None:
    """(package path, type name) when the argument is a pointer to a named type: `&v` of a `T`, or a `*T`."""
    if arg is None:
        return None
    ident: Ident | None
    pointer = ""
    if arg.type == "unary_expression" and text(arg.child_by_field_name("operator")) == b"&":
        operand = arg.child_by_field_name("operand")
        ident = view.types.at(path, operand.start_byte) if operand.type == "identifier" else None
        pointer = "*"
    else:
        ident = view.types.at(path, arg.start_byte) if arg.type == "identifier" else None
    named = pointer + ident.named if ident is not None and ident.named else ""
    if not named.startswith("*") or named.startswith("**"):
        return None
    package, _, name = named[1:].rpartition(".")
    return package, name


def result_type(view: PackageView, path: str, call: Node) -> str | None:
    """The called function's results as go/types writes them (`[]byte`, `(int, error)`, "" for none); None when
    unknown."""
    function = call.child_by_field_name("function")
    name = function.child_by_field_name("field") if function.type == "selector_expression" else function
    ident = view.types.at(path, name.start_byte) if name is not None else None
    if ident is None or ident.kind not in (Kind.FUNC, Kind.METHOD) or not ident.type:
        return None
    return results(ident.type)


def results(signature: str) -> str | None:
    """`[]byte` of `func(n int) []byte`: what follows the parameter list's closing parenthesis."""
    if not signature.startswith("func("):
        return None
    depth = 0
    for i, char in enumerate(signature):
        depth += char in "([{"
        depth -= char in ")]}"
        if depth == 0 and char == ")":
            return signature[i + 1 :].strip()
    return None


def other_builds(view: PackageView) -> str | None:
    """A file of the package's directory another build may compile with it, where a function the package
    calls, or anything it relies on (a WaitGroup's type), may be declared differently: its name, or None
    (build_files: a generator's `package main`, or a `//go:build go1.25` file that only adds functions the
    build's files never name, is none)."""
    return memo(view, ("other builds",), lambda: _other_builds(view))


def _other_builds(view: PackageView) -> str | None:
    build = build_files.Build(view.package.dir, view.package.name, view.package.files, lambda p: _tree(view, p))
    return next((f for f in left_out(view) if not build.inert(f)), None)


def shadowing(view: PackageView) -> str | None:
    """Why the package's go/types facts hold for this build only: a file another build may compile with it (an
    in-package test file `go test` compiles with every build too), or one it compiles and another build leaves out,
    declares a name of Go's universe the build's files write (`func min` beside `min(n, 64)`); else None."""
    build = _build(view)
    dropped = sorted(build.conditional())
    if dropped:
        return (
            f"a file of this build that another build leaves out declares {', '.join(dropped)} at package level: "
            "there the build's files name Go's predeclared ones"
        )
    tests = plain_tests(view)  # `go test`'s build: a `var nil` in p_test.go
    for name in left_out(view) + tests:
        shadowed = sorted(build.shadowed(name))
        if shadowed:
            return (
                f"{'go test' if name in tests else 'another build'} compiles {name}, which declares "
                f"{', '.join(shadowed)} at package level: there the build's files name its declarations, not Go's "
                "predeclared ones"
            )
    return None


def universe_declared(view: PackageView) -> dict[str, str]:
    """Each predeclared name a file another build (or `go test`, an in-package test file) may compile with the
    package declares at package level, with that file: a rewrite that writes one names that file's declaration there."""
    return memo(view, ("universe declared",), lambda: _universe_declared(view))


def _universe_declared(view: PackageView) -> dict[str, str]:
    build = _build(view)
    files = left_out(view) + plain_tests(view)
    return {declared: name for name in reversed(files) for declared in build.universe(name)}


def _build(view: PackageView) -> build_files.Build:
    return memo(
        view,
        ("build",),
        lambda: build_files.Build(
            view.package.dir,
            view.package.name,
            view.package.files,
            lambda p: _tree(view, p),
            lambda p: _source(view, p),
            lambda p: view.types.declared.get(p) if view.types is not None else None,
        ),
    )


def left_out(view: PackageView) -> tuple[str, ...]:
    """The files of the package's directory another build compiles and this one does not (build_files.left_out)."""
    return memo(view, ("left out",), lambda: tuple(build_files.left_out(view.package.dir, view.package.files)))


def plain_tests(view: PackageView) -> tuple[str, ...]:
    """The directory's test files without a build constraint, which `go test` compiles with every build
    (build_files.plain_tests), read once per package."""
    return memo(view, ("plain tests",), lambda: tuple(build_files.plain_tests(view.package.dir)))


def _source(view: PackageView, path: str) -> bytes:
    if path in view.sources:
        return view.sources[path]
    with open(path, "rb") as f:
        return f.read()


def _tree(view: PackageView, path: str) -> Node:
    return view.tree(path).root_node if path in view.sources else build_files.parsed(path)


def file_of(view: PackageView, node: Node) -> str:
    """The file whose tree holds the node."""
    root = node
    while root.parent is not None:
        root = root.parent
    return next(p for p in view.sources if view.tree(p).root_node == root)
