"""A sentinel error of the package that holds a non-nil error whenever the package's code can run
(validators.py): `return errName` of

    var errName = errors.New("name: empty or too long")

gives a non-nil error when errName is unexported (no other package names it in Go), declared once by a call of
errors.New or fmt.Errorf, and every occurrence of its name in the package's files is a read of it or of another
object, as go/types says: no `errName = nil`, no `&errName`. That needs every declaration mentioning the name in
the type index (`scopes`, asked for by make-const when it follows the callees), every occurrence found there, no
file another build compiles (callees.other_builds), and no test file of the directory mentioning the name at all
(a test may set it to nil). Names only choose what to index and look at; go/types' objects decide.

errName is nil until its initializer runs: no initializer of the package may run the package's code before
(initorder.py). And `//go:linkname lenient example.com/pkg.errName` lets another package set it (Go 1.23+
restricts pulls only into std), or pull a function of the package and call it before the package initializes
(no import orders them): no .go file of the main module (the standard library's, for std) may name a symbol of
the package in a //go:linkname. A dependency module's files are not read: a limitation (README, Fix safety).
"""

from __future__ import annotations

import glob
import os
import re

from gorewrite import initorder
from gorewrite.callees import callee, other_builds
from gorewrite.proposals import PackageView
from gorewrite.rulekit import memo
from gorewrite.syntax import Node, assignments, statement_of, unparen, walk
from gorewrite.typeinfo import Kind, Use

NEVER_NIL = {("errors", "", "New"), ("fmt", "", "Errorf")}


def scopes(view: PackageView, followed: tuple[tuple[str, int, int], ...]) -> tuple[tuple[str, int, int], ...]:
    """The top-level declarations mentioning a package-level variable that a followed function returns by name."""
    mentions = memo(view, ("variable mentions",), lambda: _mentions(view))
    returned = set()
    for path, start, end in followed:
        function = view.tree(path).root_node.descendant_for_byte_range(start, end)
        for stmt in (n for n in walk(function) if n.type == "return_statement"):
            returned |= {n.text for n in walk(stmt) if n.type == "identifier" and n.text in mentions}
    return tuple(sorted({span for name in returned for span in mentions[name]}))


def _mentions(view: PackageView) -> dict[bytes, list[tuple[str, int, int]]]:
    """Each unexported package-level variable's name -> the top-level declarations that mention it."""
    tops = [(p, d) for p in view.package.files for d in view.tree(p).root_node.named_children]
    names = {  # unexported ones: an exported variable is never a sentinel here (another package may set it)
        n.text
        for _, d in tops
        if d.type == "var_declaration"
        for n in walk(d)
        if n.type == "identifier" and n.parent.type == "var_spec" and n.text[:1].islower()
    }
    found: dict[bytes, list[tuple[str, int, int]]] = {name: [] for name in names}
    for path, d in tops:
        for name in {n.text for n in walk(d) if n.type == "identifier" and n.text in names}:
            found[name].append((path, d.start_byte, d.end_byte))
    return found


def never_nil(view: PackageView, path: str, value: Node) -> bool:
    """Is the value errors.New(…), fmt.Errorf(…), `&T{…}`, or a sentinel of the package that holds one?"""
    if value.type == "call_expression":
        return callee(view, path, value) in NEVER_NIL
    if value.type == "unary_expression" and value.child_by_field_name("operator").text == b"&":
        return unparen(value.child_by_field_name("operand")).type == "composite_literal"
    ident = view.types.at(path, value.start_byte) if value.type == "identifier" else None
    if ident is None or ident.obj is None or ident.local or ident.kind != Kind.VAR or not ident.name[:1].islower():
        return False
    return memo(view, ("sentinel", ident.obj), lambda: _sentinel(view, ident.obj, ident.name))


def _sentinel(view: PackageView, obj: str, name: str) -> bool:
    if other_builds(view) or _tests_mention(view, name) or initorder.early(view) is not None or _linked(view):
        return False
    decls = []
    for path in view.package.files:
        for node in walk(view.tree(path).root_node):
            if node.type != "identifier" or node.text != name.encode():
                continue
            ident = view.types.at(path, node.start_byte)
            if ident is None:
                return False  # an occurrence the index does not hold: it may write the variable
            if ident.obj == obj and ident.use not in (Use.READ, Use.DECL):
                return False
            decls += [(path, node)] if ident.obj == obj and ident.use == Use.DECL else []
    if len(decls) != 1:
        return False
    path, node = decls[0]
    stmt = statement_of(node)
    value = next((v for n, v in assignments(stmt) if n == node), None) if stmt is not None else None
    return value is not None and value.type == "call_expression" and callee(view, path, value) in NEVER_NIL


def _tests_mention(view: PackageView, name: str) -> bool:
    """Does a test file of the package's directory mention the name (it may set the variable)?"""
    word = re.compile(rb"\b" + re.escape(name.encode()) + rb"\b")
    for path in glob.glob(os.path.join(glob.escape(view.package.dir), "*_test.go")):
        with open(path, "rb") as f:
            if word.search(f.read()):
                return True
    return False


LINKNAME = re.compile(rb"^//go:linkname[ \t]+\S+[ \t]+(\S+)", re.MULTILINE)


def _linked(view: PackageView) -> bool:
    """Does a //go:linkname of the module name a symbol of the package? `//go:linkname lenient
    example.com/pkg.errName` in another package sets the sentinel, and a pulled validator may run before
    the package initializes (the puller need not import it)."""
    return any(
        t.startswith(view.package.import_path.encode() + b".")
        for t in memo(view, ("linknames",), lambda: _linknames(view))
    )


def _linknames(view: PackageView) -> set[bytes]:
    """The symbols every .go file under the module's root names in a //go:linkname (the standard
    library's: GOROOT/src), but in the directories the go command ignores: vendor, testdata, _x, .x."""
    package = view.package
    root = package.module_root or package.dir[: len(package.dir) - len(package.import_path)]
    found = set()
    for top, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d not in ("vendor", "testdata") and d[:1] not in "._"]
        for name in (f for f in files if f.endswith(".go")):
            with open(os.path.join(top, name), "rb") as f:
                source = f.read()
            found |= set(LINKNAME.findall(source)) if b"go:linkname" in source else set()
    return found
