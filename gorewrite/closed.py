"""Closed interfaces: which methods may run for a call of an interface method whose name is unexported.

An unexported method name is qualified by its package: `render` of package p is not `render` of q.
So only p can declare a method that satisfies an interface's `render` of p, and a type of another
package gets one only by embedding a type of p (a struct of p's, or an interface holding one), whose
promoted method forwards to a method p declared. Whatever the dynamic type, the code that runs with
the arguments is one of p's method declarations named `render`: every one of them, in every build
and in the package's test files (`func (s *spy) render(w *bytes.Buffer) { s.w = w }` in a _test.go),
answers for the call. Retention and the spare-capacity check ask each; a declaration in a file this
build leaves out, or with a receiver gorewrite cannot name (a generic one), closes nothing.
"""

from __future__ import annotations

import glob
import os

from gorewrite.parameters import receiver_type
from gorewrite.proposals import PackageView
from gorewrite.rulekit import memo
from gorewrite.syntax import Node, parse, text
from gorewrite.typeinfo import Kind


def implementations(view: PackageView, path: str, call: Node) -> tuple[tuple[str, str, str], ...] | str | None:
    """The (package, receiver type, name) of every method that may run for the call when it calls an
    interface method of an unexported name of the package, or why another may run; None for any other
    call (an exported name: a type of any package may declare the method that runs)."""
    function = call.child_by_field_name("function")
    if function is None or function.type != "selector_expression":
        return None
    ident = view.types.at(path, function.child_by_field_name("field").start_byte)
    if ident is None or ident.kind != Kind.METHOD or ident.recv != "":
        return None
    if not ident.name[:1].islower() or ident.pkg != view.package.import_path:
        return None  # an exported name: a type of any package may declare the method that runs
    return memo(view, ("closed", ident.name), lambda: _declared(view, ident.name))


def shown(view: PackageView, key: tuple[str, str, str]) -> str:
    """`text.render (r.go:12)`: an implementation, where it is declared."""
    for path in view.package.files:
        for node in _methods(view.tree(path).root_node, key[2]):
            if receiver_type(node.child_by_field_name("receiver")) == key[1]:
                return f"{key[1]}.{key[2]} ({os.path.basename(path)}:{node.start_point.row + 1})"
    return f"{key[1]}.{key[2]}"


def _declared(view: PackageView, name: str) -> tuple[tuple[str, str, str], ...] | str:
    """Every method named `name` of the package's compiled files, or why another may run."""
    found = []
    for path in view.package.files:
        for node in _methods(view.tree(path).root_node, name):
            recv = receiver_type(node.child_by_field_name("receiver"))
            if recv is None:
                line = f"{os.path.basename(path)}:{node.start_point.row + 1}"
                return f"an interface method, and {line} declares a {name} whose receiver gorewrite cannot name"
            found.append((view.package.import_path, recv, name))
    built = set(view.package.files)
    for path in sorted(glob.glob(os.path.join(glob.escape(view.package.dir), "*.go"))):
        if path in built:
            continue
        with open(path, "rb") as f:
            source = f.read()
        if name.encode() in source and any(_methods(parse(source).root_node, name)):
            return (
                f"an interface method, and {os.path.basename(path)}, which this build does not compile (another"
                f" build or the package's tests do), declares a {name} that may run for it"
            )
    return tuple(found)


def _methods(root: Node, name: str) -> list[Node]:
    return [
        n
        for n in root.named_children
        if n.type == "method_declaration" and text(n.child_by_field_name("name")).decode() == name
    ]
