"""Whether the package's own code may run while its package-level variables are being initialized
(sentinels.py: a sentinel `var errName = errors.New(…)` is nil until its initializer runs).

Go orders the initializers by references only, and a call through an interface method or a func value
is no reference (spec, "Package initialization"): `var table = build(wire{})` declared before errName
may reach checkName through wire.Encode while errName is still nil. So `early` finds the first
initializer of the package (any file of its directory that declares the package: its other builds and
its in-package _test.go files too) with a call other than (a) a conversion or a builtin, or (b) a function
of another package (`strings.Repeat`, not cgo's `C.f`, which may call back), each only on constants:
literals, `iota`, the package's constants of literals (untyped or of a predeclared type: no methods),
another package's names, and calls that pass the same test. No func literal, composite literal or other
value of the package reaches another package's code that way (fmt would call a String method of the
package). Nothing else runs the package's code before every initializer is done: init functions run after
them, an importer's initializers after the package's, and an importee cannot name the package (no import
cycles; a //go:linkname pull can: sentinels.py). Syntax only: a file no build compiles has no types, and a
name this cannot place declines, as does a file of the directory tree-sitter-go cannot parse.
"""

from __future__ import annotations

import glob
import os

from gorewrite.proposals import PackageView
from gorewrite.rulekit import memo
from gorewrite.syntax import Node, import_specs, parse, text, unparen, walk

BUILTINS = {b"len", b"cap", b"make", b"new", b"complex", b"real", b"imag", b"min", b"max"}
TYPES = {
    *(b"bool byte rune string error any uintptr float32 float64 complex64 complex128".split()),
    *(b"int%s uint%s" % (w, w) for w in (b"", b"8", b"16", b"32", b"64")),
}
LITERALS = {
    "int_literal",
    "float_literal",
    "imaginary_literal",
    "rune_literal",
    "interpreted_string_literal",
    "raw_string_literal",
    "true",
    "false",
    "nil",
    "iota",
}
OPERATORS = {"binary_expression", "unary_expression", "parenthesized_expression"}


def early(view: PackageView) -> int | None:
    """The line of the first package-level initializer that may run the package's code, or None."""
    return memo(view, ("initializers",), lambda: _early(view))


def _early(view: PackageView) -> int | None:
    roots = [
        _tree(view, p) for p in sorted({*view.sources, *glob.glob(os.path.join(glob.escape(view.package.dir), "*.go"))})
    ]
    roots = [r for r in roots if _package(r) in (view.package.name.encode(), None)]
    tops = [d for r in roots for d in r.named_children]
    declared = {n.text for d in tops for n in _names(d)}
    types = {n.text for d in tops if d.type == "type_declaration" for n in _names(d)}
    constants = _plain_constants(tops, declared)
    for root in roots:
        broken = [n.start_point.row for n in walk(root, named=False) if n.type == "ERROR" or n.is_missing]
        if broken:  # a file tree-sitter-go cannot parse (one for another build): its initializers are unknown
            return min(broken) + 1
        imports = _imports(root) - declared
        for decl in (d for d in root.named_children if d.type == "var_declaration"):
            for call in (
                n for n in walk(decl, skip=_func_literal) if n.type in ("call_expression", "type_conversion_expression")
            ):
                if not _harmless(call, imports, declared, types, constants):
                    return call.start_point.row + 1
    return None


def _tree(view: PackageView, path: str) -> Node:
    if path in view.sources:
        return view.tree(path).root_node
    with open(path, "rb") as f:
        return parse(f.read()).root_node


def _package(root: Node) -> bytes | None:
    clause = next((c for c in root.named_children if c.type == "package_clause"), None)
    return clause.named_children[0].text if clause is not None and clause.named_child_count else None


def _names(decl: Node) -> list[Node]:
    """The names a top-level declaration declares."""
    if decl.type == "function_declaration":
        return [decl.child_by_field_name("name")]
    specs = ("var_spec", "const_spec", "type_spec", "type_alias")
    return [n for s in walk(decl, skip=_func_literal) if s.type in specs for n in s.children_by_field_name("name")]


def _plain_constants(tops: list[Node], declared: set[bytes]) -> set[bytes]:
    """The package's constants of literals and operators only, untyped or of a predeclared type: none has
    a method (a value omitted in a group repeats the one before, with its type)."""
    plain, parts = (
        set(),
        LITERALS | OPERATORS | {"expression_list", "interpreted_string_literal_content", "escape_sequence"},
    )
    for decl in (d for d in tops if d.type == "const_declaration"):
        typed, value = None, None
        for spec in (s for s in walk(decl) if s.type == "const_spec"):
            if spec.child_by_field_name("value") is not None:
                typed, value = spec.child_by_field_name("type"), spec.child_by_field_name("value")
            predeclared = typed is None or (typed.type == "type_identifier" and typed.text in TYPES - declared)
            if predeclared and value is not None and all(n.type in parts for n in walk(value)):
                plain |= {n.text for n in spec.children_by_field_name("name")}
    return plain


def _imports(root: Node) -> set[bytes]:
    """The names the file's imports bind (but cgo's C: C code may call the package's exported functions)."""
    names = set()
    for decl in (d for d in root.named_children if d.type == "import_declaration"):
        for spec in import_specs(decl):
            name, path = spec.child_by_field_name("name"), text(spec.child_by_field_name("path")).strip(b'"`')
            if name is None:
                names.add(path.rsplit(b"/", 1)[-1])  # when the package is named otherwise, its calls decline
            elif name.type == "package_identifier":  # not `_`, not `.`: a dot import's calls decline
                names.add(name.text)
    return names - {b"C"}


def _harmless(call: Node, imports: set[bytes], declared: set[bytes], types: set[bytes], constants: set[bytes]) -> bool:
    """Is the call a conversion, a builtin or another package's function, on constants only?"""
    if call.type == "type_conversion_expression":  # []byte("x"); generic_type may be a call `f[int](x)`
        kind, args = call.child_by_field_name("type").type, [call.child_by_field_name("operand")]
        return kind != "generic_type" and all(_constant(a, imports, types | constants) for a in args)
    function, args = unparen(call.child_by_field_name("function")), call.child_by_field_name("arguments").named_children
    if function.type == "identifier":
        local = function.text in types or (function.text in BUILTINS | TYPES and function.text not in declared)
        return local and all(_constant(a, imports, types | constants, kinds=True) for a in args)
    if function.type == "unary_expression" and text(function.child_by_field_name("operator")) == b"*":
        function = function.child_by_field_name("operand")  # (*T)(nil)
        if function.type == "identifier" and function.text in types:
            return all(_constant(a, imports, constants) for a in args)
    if function.type == "selector_expression":
        operand = function.child_by_field_name("operand")
        return (
            operand.type == "identifier"
            and operand.text in imports
            and all(_constant(a, imports, constants) for a in args)
        )
    return False


def _constant(node: Node, imports: set[bytes], names: set[bytes], kinds: bool = False) -> bool:
    """Literals, the given names, another package's names, operators and calls (checked on their own);
    types too where `kinds` (make([]T, 4), new(T))."""
    if node.type in LITERALS or node.type in ("call_expression", "type_conversion_expression"):
        return True
    if node.type == "identifier":
        return node.text in names
    if node.type == "selector_expression":
        operand = node.child_by_field_name("operand")
        return operand.type == "identifier" and operand.text in imports
    if node.type in OPERATORS:
        op = node.child_by_field_name("operator")
        return (op is None or op.text != b"<-") and all(_constant(c, imports, names) for c in node.named_children)
    return kinds and (node.type.endswith("_type") or node.type == "type_identifier")


def _func_literal(node: Node) -> bool:
    return node.type == "func_literal"
