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

The build's `false`, `true`, `iota` and `nil` are written names too (tree-sitter gives them nodes of their own).

`left_out` lists the files (verification races every toolchain when builds differ at all); `method_tests` the
in-package test files it leaves aside that add methods of given names (`go test`'s build, whose method sets they
change), `declares_method` whether a file may;
`Build.inert` says whether one cannot change what the build's files mean (callees.other_builds, parameters.varying);
`Build.universe` the predeclared names one declares (proposing declines a fix writing one). A file tree-sitter-go
cannot parse (0.25 and go1.26's `new(int64(-64))`) declares what go/parser says through gotypes (`suspects`, the
files asked of it): tree-sitter's recovery may lose a group's names or take a local declaration for a package-level
one.
`Build.conditional` the mirror: the predeclared names a constrained file of the build declares, which another
build, leaving it out, gives back to Go (callees.shadowing voids the type facts for both).
"""

from __future__ import annotations

import glob
import os
import re
from collections.abc import Callable

from gorewrite import constraints
from gorewrite.packages import name_constraints
from gorewrite.syntax import Node, import_specs, parse, walk

CGO = frozenset((b'"C"', b"`C`"))
# Go's universe scope: a package-level declaration of one of these in a file only another build compiles
# changes what the name means there
UNIVERSE = frozenset(
    "any bool byte comparable complex64 complex128 error float32 float64 int int8 int16 int32 int64 rune string "
    "uint uint8 uint16 uint32 uint64 uintptr true false iota nil append cap clear close complex copy delete imag "
    "len make max min new panic print println real recover".split()
)
# a comment, or a string or rune kept whole (a `//` inside one starts no comment): Go's tokens that may hide code;
# an unterminated `/*` runs to the end, as Go's scanner reads it (retried at each one, the scan was quadratic)
TOKENS = re.compile(rb'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|`[^`]*`|/\*.*?(?:\*/|\Z)|//[^\n]*', re.S)
# names a declaration keyword declares, read past a parse error go/parser did not answer for (names only decline)
LOOSE = re.compile(rb"\b(func|type|var|const)\s+([\w\x80-\xff]+)")
# where a file (its comments blanked) may declare a universe name: `func min`, `var len …`, or a group `var (`,
# anywhere on a line (`var _ int; func min…`, `package m; func min…`)
SUSPECT = re.compile(
    rb"\b(?:(?:func|type|var|const)\s+(?:[\w\x80-\xff]+\s*,\s*)*(?:" + "|".join(sorted(UNIVERSE)).encode() + rb")\b"
    rb"|(?:var|const|type)\s*\()"
)
# the nodes that name what a declaration may declare: identifiers, and the predeclared constants tree-sitter gives
# nodes of their own (`const false = true` in a file another build compiles)
NAMES = ("identifier", "type_identifier", "package_identifier", "true", "false", "nil", "iota")


class Build:
    """One build of a package as far as the proof needs it: its directory, its package clause's name, the
    files it compiles (absolute paths) and how to parse one; what it derives is kept on it."""

    def __init__(
        self,
        directory: str,
        package: str,
        files: tuple[str, ...],
        tree: Callable[[str], Node],
        read: Callable[[str], bytes] | None = None,  # a file's bytes, to skip parsing one that shadows nothing
        said: Callable[[str], list[str] | None] | None = None,  # go/parser's package-level names of a file (suspects)
    ) -> None:
        self.directory, self.package, self.files, self._tree, self._read = directory, package, files, tree, read
        self._said = said
        self._trees: dict[str, Node] = {}
        self._everywhere: bool | None = None
        self._written: set[str] | None = None

    def inert(self, name: str) -> bool:
        """Can the left-out file (its name in the directory) not change what this build's files mean?"""
        if name.startswith(("_", ".")):
            return True
        root = self.tree(os.path.join(self.directory, name))
        named = package_name(root)
        if named is None or root.has_error:
            return False
        if named != self.package:
            return True
        if self._everywhere is None:
            by_name = any(name_constraints(path) for path in self.files)  # before parsing any
            self._everywhere = not by_name and all(not constrained(path, self.tree(path)) for path in self.files)
        if not self._everywhere or _more(root):
            return False
        return not package_names(root) & self.written()

    def shadowed(self, name: str) -> set[str]:
        """The predeclared names (`min`, `len`, `int`…) the left-out file declares at package level that this
        build's files write: in a build holding the file they name its declarations, not Go's, whatever the
        type facts of this build say. A file go/build never compiles with the package shadows nothing."""
        declared = self.universe(name)
        return declared & self.written() if declared else set()

    def conditional(self) -> set[str]:
        """The predeclared names a file of this build that another build leaves out (a constraint, a `_GOOS`
        name, cgo) declares at package level and the build's files write: where it is left out they are Go's."""
        declared = {n for p in self.files if constrained(p, self.tree(p)) for n in self._declared(p) & UNIVERSE}
        return declared & self.written()

    def universe(self, name: str) -> set[str]:
        """The predeclared names the left-out file declares at package level (in a build holding it a rewrite
        writing one, sync-pool's `func() any`, names that declaration)."""
        path = os.path.join(self.directory, name)
        if name.startswith(("_", ".")) or (self._read is not None and not SUSPECT.search(_code(self._read(path)))):
            return set()
        named = package_name(self.tree(path))
        if named is not None and named != self.package:
            return set()
        return self._declared(path) & UNIVERSE

    def _declared(self, path: str) -> set[str]:
        """The package-level names a file declares. Where tree-sitter-go cannot parse it (0.25 and go1.26's
        `new(int64(-64))`), its recovery may take a package-level declaration for a local one or lose a group's
        names: go/parser's answer through gotypes (`said`). Without one (go/parser cannot parse it either: no build
        compiles it; or no type facts, when no rule reads them) the tree's names and every name a declaration
        keyword precedes anywhere."""
        root = self.tree(path)
        said = self._said(path) if self._said is not None and root.has_error else None
        if said is not None:
            return set(said)
        loose = {_word(m.group(2)) for m in LOOSE.finditer(_code(root.text or b""))} if root.has_error else set()
        return package_names(root) | loose

    def tree(self, path: str) -> Node:
        """The file's syntax tree, parsed once for this build."""
        if path not in self._trees:
            self._trees[path] = self._tree(path)
        return self._trees[path]

    def written(self) -> set[str]:
        """Every identifier written in the files this build compiles."""
        if self._written is None:
            self._written = {_word(n.text) for p in self.files for n in walk(self.tree(p)) if n.type in NAMES}
        return self._written


def go_files(directory: str) -> list[str]:
    """The paths of the directory's regular .go files, sorted: every reader of a package's files starts here (a
    directory named `x.go` is no file of any build)."""
    return [p for p in sorted(glob.glob(os.path.join(glob.escape(directory), "*.go"))) if os.path.isfile(p)]


def suspects(directory: str) -> list[str]:
    """The directory's .go files whose code may declare a universe name at package level (SUSPECT): those whose
    names gotypes asks go/parser for, in case tree-sitter-go cannot parse them (Build's `said`)."""
    found = []
    for path in go_files(directory):
        try:
            with open(path, "rb") as f:
                if SUSPECT.search(_code(f.read())):
                    found.append(path)
        except OSError:
            continue  # gone since: go/parser has nothing to say (Build falls back)
    return found


def parsed(path: str) -> Node:
    """A file's syntax tree, read from disk."""
    with open(path, "rb") as f:
        return parse(f.read()).root_node


def left_out(directory: str, built: tuple[str, ...]) -> list[str]:
    """The names of the directory's .go files another build compiles and this one (`built`) does not: those
    it leaves out, and test files with a build constraint."""
    found = []
    for path in go_files(directory):
        if path in built:
            continue
        if not path.endswith("_test.go") or _has_constraint(path):
            found.append(os.path.basename(path))
    return found


def plain_tests(directory: str) -> list[str]:
    """The names of the directory's test files left_out leaves aside (no build constraint): `go test` compiles
    those of the package's own clause with every build of it (Build.universe and Build.shadowed skip the others)."""
    found = [p for p in go_files(directory) if p.endswith("_test.go")]
    return [os.path.basename(p) for p in found if not _has_constraint(p)]


def method_tests(directory: str, package: str, names: frozenset[str]) -> list[str]:
    """The names of the directory's in-package test files left_out leaves aside (no build constraint) that declare
    a method of one of names (any receiver's), or may (they do not parse): `go test` compiles them with the package,
    whose method sets they change."""
    found = []
    for name in plain_tests(directory):
        root = parsed(os.path.join(directory, name))
        if (root.has_error or package_name(root) == package) and declares_method(root, names):
            found.append(name)
    return found


def declares_method(root: Node, names: frozenset[str]) -> bool:
    """May the file declare a method of one of names, any receiver's (one that does not parse may)?"""
    return root.has_error or bool(_methods(root) & names)


def _methods(root: Node) -> set[str]:
    """The names of the methods a file declares."""
    declared = (d.child_by_field_name("name") for d in root.named_children if d.type == "method_declaration")
    return {_word(name.text) for name in declared if name is not None}


def _has_constraint(path: str) -> bool:
    """Does the file have a build constraint as go/build reads it (or one it refuses)?"""
    with open(path, "rb") as f:
        return constraints.read(f.read()) is not None


def _code(text: bytes) -> bytes:
    """The source with each comment a blank (`func/**/min` is `func min` to Go)."""
    return TOKENS.sub(lambda m: m.group() if m.group()[:1] in b"\"'`" else b" ", text)


def constrained(path: str, root: Node) -> bool:
    """May some build of the package leave the file out: a build constraint, a `_GOOS`/`_GOARCH` name, cgo?"""
    constrained = constraints.read(root.text or b"") is not None  # or one go/build refuses
    return bool(name_constraints(path)) or constrained or bool(_imports(root) & CGO)


def _imports(root: Node) -> set[bytes]:
    return {
        spec.child_by_field_name("path").text
        for decl in root.named_children
        if decl.type == "import_declaration"
        for spec in import_specs(decl)
    }


def package_name(root: Node) -> str | None:
    """The name a file's package clause declares; None where it has none."""
    clause = next((n for n in root.named_children if n.type == "package_clause"), None)
    return _word(clause.named_children[0].text) if clause is not None and clause.named_children else None


def _more(root: Node) -> bool:
    """May a left-out file do more than add package-level names: a method, an init, a variable's initializer,
    a go:linkname, cgo or unsafe?"""
    if _imports(root) & (CGO | {b'"unsafe"', b"`unsafe`"}):
        return True
    specs = [
        n for decl in root.named_children if decl.type == "var_declaration" for n in walk(decl) if n.type == "var_spec"
    ]
    if any(d.type == "method_declaration" for d in root.named_children):
        return True
    if any(spec.child_by_field_name("value") is not None for spec in specs):
        return True
    return "init" in package_names(root) or any(b"go:linkname" in n.text for n in walk(root) if n.type == "comment")


def package_names(root: Node) -> set[str]:
    """The package-level names a file declares (functions, types, variables, constants; not methods)."""
    names = set()
    for decl in root.named_children:
        if decl.type == "function_declaration":
            names.add(_word(decl.child_by_field_name("name").text))
        if decl.type in ("var_declaration", "const_declaration", "type_declaration"):
            specs = [n for n in walk(decl) if n.type in ("var_spec", "const_spec", "type_spec", "type_alias")]
            names |= {_word(n.text) for s in specs for n in s.children_by_field_name("name")}
    return names - {"_"}


def _word(name: bytes) -> str:
    """A name as text; bytes that are no UTF-8 (a Latin-1 file another build would reject) name nothing of Go's."""
    return name.decode(errors="replace")
