"""The files of a package's directory this build leaves out, and whether one can change what its files mean.

A proof that reads a function's body (a helper that waits, a callee's verdict on a parameter, the
types holding a WaitGroup) holds for every build only when no build declares that function, or what
it relies on, otherwise. A left-out file cannot, in any build, when

- go/build never compiles it with the package: its name starts with `_` or `.`, or its package
  clause names another package (`package main` of a `//go:build ignore` generator, an external
  test's `package p_test`): go/build refuses two packages in one build;
- or it only adds code the build's files cannot name: every file this build compiles is compiled by
  every build (no build constraint, no `_GOOS`/`_GOARCH` name, no `import "C"`), so a build holding
  the left-out file holds them unchanged and cannot declare their names again; and the left-out file
  declares no method (a method set, a promoted method's selector would change), no `init` and no
  variable with an initializer (code that runs without being called), has no `go:linkname` and
  imports neither "C" nor unsafe, parses cleanly, and none of its package-level names is an
  identifier written in the build's files (else one there, a universe `min` or a function of a
  constrained file, could resolve to it in that build). Names serve only to decline, never to accept.

`left_out` is any such file (verification races every toolchain when builds differ at all); `redeclaring`
the first that may change what the build's files mean.
"""

from __future__ import annotations

import glob
import os
import re

from gorewrite.packages import PACKAGE_CLAUSE, header, name_constraints
from gorewrite.proposals import PackageView
from gorewrite.rulekit import memo
from gorewrite.syntax import Node, parse, walk

CONSTRAINT = re.compile(rb"^//(go:build|\s*\+build)\b", re.M)
NAMES = ("identifier", "type_identifier", "package_identifier")


def left_out(view: PackageView) -> str | None:
    """A file of the package's directory another build compiles and this one does not: one it leaves
    out, or a test file with a build constraint; its name, or None."""
    return memo(view, ("left out",), lambda: next(iter(_left_out(view)), None))


def redeclaring(view: PackageView) -> str | None:
    """The first left-out file another build may compile with the package and that may change what this
    build's files mean (module docstring); its name, or None."""
    return memo(view, ("redeclaring",), lambda: next((f for f in _left_out(view) if not _inert(view, f)), None))


def _left_out(view: PackageView) -> list[str]:
    built = set(view.package.files)
    found = []
    for path in sorted(glob.glob(os.path.join(glob.escape(view.package.dir), "*.go"))):
        if path in built:
            continue
        if not path.endswith("_test.go") or CONSTRAINT.search(header(path)):
            found.append(os.path.basename(path))
    return found


def _inert(view: PackageView, name: str) -> bool:
    if name.startswith(("_", ".")):
        return True
    path = os.path.join(view.package.dir, name)
    root = view.tree(path).root_node if path in view.sources else _parsed(path)
    clause = next((n for n in root.named_children if n.type == "package_clause"), None)
    named = clause.named_children[0].text.decode() if clause is not None and clause.named_children else None
    if named is None or root.has_error:
        return False
    if named != view.package.name:
        return True
    if not memo(view, ("every build",), lambda: _everywhere(view)):
        return False
    added = _declared(root)
    return added is not None and not (added & memo(view, ("written names",), lambda: _written(view)))


def _parsed(path: str) -> Node:
    with open(path, "rb") as f:
        return parse(f.read()).root_node


def _everywhere(view: PackageView) -> bool:
    """Does every build of the package compile each file this one does?"""
    for path in view.package.files:
        source = view.sources[path]
        clause = PACKAGE_CLAUSE.search(source)
        if name_constraints(path) or CONSTRAINT.search(source[: clause.start() if clause else len(source)]):
            return False
        if _imports(view.tree(path).root_node) & {b'"C"', b"`C`"}:
            return False
    return True


def _imports(root: Node) -> set[bytes]:
    return {
        n.child_by_field_name("path").text
        for decl in root.named_children
        if decl.type == "import_declaration"
        for n in walk(decl)
        if n.type == "import_spec"
    }


def _declared(root: Node) -> set[str] | None:
    """The package-level names a left-out file adds; None when it may do more than add them."""
    if _imports(root) & {b'"C"', b"`C`", b'"unsafe"', b"`unsafe`"}:
        return None
    names = set()
    for decl in root.named_children:
        if decl.type == "method_declaration":
            return None
        if decl.type == "function_declaration":
            names.add(decl.child_by_field_name("name").text.decode())
        if decl.type in ("var_declaration", "const_declaration", "type_declaration"):
            specs = [n for n in walk(decl) if n.type in ("var_spec", "const_spec", "type_spec", "type_alias")]
            if decl.type == "var_declaration" and any(s.child_by_field_name("value") is not None for s in specs):
                return None
            names |= {n.text.decode() for s in specs for n in s.children_by_field_name("name")}
    if "init" in names or any(b"go:linkname" in n.text for n in walk(root) if n.type == "comment"):
        return None
    return names - {"_"}


def _written(view: PackageView) -> set[str]:
    """Every identifier written in the files this build compiles."""
    return {n.text.decode() for path in view.package.files for n in walk(view.tree(path).root_node) if n.type in NAMES}
