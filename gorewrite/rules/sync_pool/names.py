"""Names in a package sync-pool adds code to: imports, words taken, fresh names, constrained files
(the pool and its helpers must not collide with or shadow anything, and must be built everywhere
their callers are)."""

from __future__ import annotations

import re

from gorewrite.build_files import constrained
from gorewrite.edits import Edit
from gorewrite.frozen_vars import pulled_as
from gorewrite.proposals import PackageView
from gorewrite.rulekit import file_imports, memo
from gorewrite.rules.sync_pool.sites import NAME
from gorewrite.syntax import Node, text, walk
from gorewrite.toolchain import release_minor


def any_name(view: PackageView) -> str:
    """`any`, or `interface{}` where go.mod's go line predates it (go1.18) or the package names something else
    `any` at top level or by an import (sprig's `func any(v ...interface{}) bool`): the pool is declared at
    package level, where that `any` is not a type."""
    version = view.package.go_version
    if version and release_minor(version) < 18:
        return "interface{}"
    shadowed = "any" in _package_names(view) or any("any" in imported(view, p) for p in view.sources)
    return "interface{}" if shadowed else "any"


def every_build(view: PackageView, path: str) -> bool:
    """Is the file compiled by every build of the package (neither a test's nor one some build leaves out: a
    build constraint, a _GOOS/_GOARCH name, cgo)? Only there may a site reuse the pool or helpers a previous
    run added: another file's are missing from some builds (`CGO_ENABLED=0` leaves out a file importing "C")."""
    return path in view.package.files and not constrained(path, view.tree(path).root_node)


def words(view: PackageView) -> set[str]:
    """Every identifier-like word in the package's files: a new name must collide with none of them."""
    key = (NAME, "words")
    if key not in view.memo:
        view.memo[key] = {w.decode() for source in view.sources.values() for w in re.findall(rb"[A-Za-z_]\w*", source)}
    return view.memo[key]


def spellings(view: PackageView, name: str) -> int | None:
    """How often the package's .go files (tests and other builds' too) spell the identifier name, or None when
    code outside them may name it: an exported name (another package), or a //go:linkname (or the module's
    assembly) naming it. A package-level variable spelled only where the package declares and uses it is used
    nowhere else."""
    if not (name[0].islower() or name[0] == "_"):
        return None
    if pulled_as(view, name):
        return None
    return memo(view, (NAME, "spellings", name), lambda: _spelled(view, name.encode()))


def _spelled(view: PackageView, encoded: bytes) -> int | None:
    count = 0
    for path in view.sources:
        for node in walk(view.tree(path).root_node):
            if node.type == "comment" and b"go:linkname" in text(node) and encoded in text(node).split():
                return None
            count += node.type == "identifier" and text(node) == encoded
    return count


def fresh(name: str, taken: set[str]) -> str:
    candidate, n = name, 2
    while candidate in taken:
        candidate, n = f"{name}{n}", n + 1
    taken.add(candidate)
    return candidate


def import_name(view: PackageView, path: str, package: str) -> str | None:
    """The name a std package (sync, io) goes by in the file (its import alias), or None when it
    cannot be used."""
    for spec in file_imports(view.tree(path)):
        if import_path(spec) == package:
            alias = spec.child_by_field_name("name")
            if alias is None:
                return package
            return None if text(alias) in (b"_", b".") else text(alias).decode()
    if package in _package_names(view):
        return None
    return package


def _package_names(view: PackageView) -> set[str]:
    """The names the package declares at top level (functions, vars, consts, types)."""
    names = set()
    for path in view.sources:
        for node in view.tree(path).root_node.named_children:
            if node.type == "function_declaration":
                names.add(text(node.child_by_field_name("name")).decode())
            elif node.type in ("var_declaration", "const_declaration", "type_declaration"):
                stack = list(node.named_children)
                while stack:
                    spec = stack.pop()
                    if spec.type.endswith("_spec_list"):
                        stack += spec.named_children
                    elif spec.type.endswith("_spec"):
                        names.update(text(n).decode() for n in spec.children_by_field_name("name"))
    return names


def imports(view: PackageView, path: str, package: str) -> bool:
    """Does the file import the package under its own name?"""
    return any(
        import_path(s) == package and s.child_by_field_name("name") is None for s in file_imports(view.tree(path))
    )


def unused_import(view: PackageView, path: str, name: str, replaced: list[Edit]) -> list[Edit]:
    """The edit removing the file's import that goes by `name`, when no code names it outside the
    text the edits replace (comments do not count); else nothing."""
    spans = [(e.start, e.end) for e in replaced if e.path == path and e.end > e.start]
    for node in walk(view.tree(path).root_node, skip=lambda n: n.type == "import_declaration"):
        if node.type in ("identifier", "package_identifier") and text(node) == name.encode():
            if not any(start <= node.start_byte < end for start, end in spans):
                return []
    spec = imported(view, path).get(name)
    if spec is None:
        return []
    if spec.parent is not None and spec.parent.type == "import_declaration":
        return [Edit(path, spec.parent.start_byte, spec.parent.end_byte, b"")]
    source = view.sources[path]
    start = source.rfind(b"\n", 0, spec.start_byte) + 1
    return [Edit(path, start, source.index(b"\n", spec.end_byte) + 1, b"")]


def imported(view: PackageView, path: str) -> dict[str, Node]:
    """The file's import specs by the name each goes by in it: its alias, else its path's last element."""
    found = {}
    for spec in file_imports(view.tree(path)):
        alias = spec.child_by_field_name("name")
        found[text(alias).decode() if alias is not None else import_path(spec).rsplit("/", 1)[-1]] = spec
    return found


def import_path(spec: Node) -> str:
    """The package an import spec names: `"text/tabwriter"` without its quotes."""
    return text(spec.child_by_field_name("path")).strip(b'"').decode()
