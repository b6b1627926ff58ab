"""The code go inlines at a range-over-func `for` besides the loop's body: what may print there too.

The compiler prints the escapes of the iterator's func literal (and of what it inlines in turn) at the
`for`, like the body's (a/a.go:179 of adv35a: `make([]byte, n) escapes to heap` of the iterator `Same`
beside the body's `make([]byte, n) does not escape`). rangefunc.py moves a message only where this code
cannot say it: the range expression's callee (its whole declaration, in the package or in the source
`library` gives, std's from GOROOT) and the functions of its package it calls, and the package's
functions the body calls (by name, transitively: go may inline any of them there). Where the callee is
neither (a func value, a module package's function), its code is not at hand: `None`. Not followed:
calls into a third package (std's strings.SplitSeq inlines utf8's decoding) and the body's calls into
other packages; their code prints at the `for` only where go inlines it.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Iterable
from functools import cache, cached_property

from gorewrite.syntax import Node, import_specs, parse, walk
from gorewrite.toolchain import Toolchain, told_root

Library = Callable[[str], list[bytes] | None]  # import path -> that package's .go files (None: not read)
Inlined = tuple[list[Node], list[Node], set[int]]  # the package's code, another package's, literals exempt
DECLARATIONS = ("function_declaration", "method_declaration")
Source = tuple[bytes, Callable[[], Node]]  # a file's bytes, and its tree when asked (parsed once)
# A name a `func` keyword may declare (receiver skipped, one level of parentheses in it): the files
# worth parsing for a name. Too many is harmless (the tree decides); gofmt'd or not, no declaration escapes it.
FUNC_NAME = re.compile(rb"\bfunc\s*(?:\((?:[^()]|\([^()]*\))*\)\s*)?([A-Za-z_]\w*)")


def inlined(loop: Node, files: Iterable[Source], library: Library | None) -> Inlined | None:
    """The declarations (or literal) whose code go may inline at the loop's `for`, the body's function
    apart: the package's, another package's (whose names go prints qualified: `moved to heap: q.n`), and
    the func literals among them it prints elsewhere (the iterator's own, at the range expression); None
    when the iterator's source is not at hand."""
    ranged = next(c for c in loop.named_children if c.type == "range_clause").child_by_field_name("right")
    declared = _Declared(list(files))
    body = _reach([loop.child_by_field_name("body")], declared)
    if ranged.type == "func_literal":
        return [ranged, *body], [], {ranged.id}
    function = ranged.child_by_field_name("function") if ranged.type == "call_expression" else None
    if function is not None and function.type == "identifier":
        start = declared.get(function.text)
    elif function is not None and function.type == "selector_expression":
        operand, name = function.child_by_field_name("operand"), function.child_by_field_name("field").text
        path = _imports(loop).get(operand.text) if operand.type == "identifier" else None
        if path is None:
            start = [d for d in declared.get(name) if d.type == "method_declaration"]
        else:
            sources = library(path) if library is not None else None
            if sources is None:
                return None
            others = _Declared([(data, cache(lambda data=data: parse(data).root_node)) for data in sources])
            start = [d for d in others.get(name) if d.type == "function_declaration"]
            return (body, _reach(start, others), _returned(start)) if start else None
    else:
        return None
    return (_reach(start, declared) + body, [], _returned(start)) if start else None


class _Declared:
    """The files' functions and methods by name; a file is parsed only when a name it may declare is asked
    for (std's packages that range over an iterator have up to a hundred files; most are never needed)."""

    def __init__(self, files: list[Source]) -> None:
        self.files = files
        self.index: dict[bytes, list[int]] = {}  # name -> the files that may declare it
        self.parsed: dict[int, dict[bytes, list[Node]]] = {}  # file -> its declarations by name, once parsed
        for n, (data, _) in enumerate(files):
            for name in dict.fromkeys(m.group(1) for m in FUNC_NAME.finditer(data)):
                self.index.setdefault(name, []).append(n)

    def get(self, name: bytes) -> list[Node]:
        return [node for n in self.index.get(name, ()) for node in self._declared(n).get(name, ())]

    def _declared(self, n: int) -> dict[bytes, list[Node]]:
        if n not in self.parsed:
            self.parsed[n] = {}
            for node in self.files[n][1]().named_children:
                if node.type in DECLARATIONS:
                    self.parsed[n].setdefault(node.child_by_field_name("name").text, []).append(node)
        return self.parsed[n]


def _reach(start: list[Node], declared: _Declared) -> list[Node]:
    """The declarations among `declared` the start nodes call, by name, transitively (go may inline any),
    the start nodes' own declarations included; a body node itself is left out."""
    found = {n.id: n for n in start if n.type in DECLARATIONS}
    todo = list(start)
    while todo:
        for call in (n for n in walk(todo.pop()) if n.type == "call_expression"):
            function = call.child_by_field_name("function")
            name = function.child_by_field_name("field") if function.type == "selector_expression" else function
            for d in declared.get(name.text) if name is not None else []:
                if d.id not in found:
                    found[d.id] = d
                    todo.append(d)
    return list(found.values())


def _returned(declarations: list[Node]) -> set[int]:
    """The func literals the declarations return themselves: go reports them where the call is."""
    literals = set()
    for d in declarations:
        for node in walk(d.child_by_field_name("body"), skip=lambda n: n.type == "func_literal"):
            if node.type == "return_statement":
                literals |= {n.id for n in walk(node) if n.type == "func_literal" and _outer(n, d)}
    return literals


def _outer(literal: Node, declaration: Node) -> bool:
    """No func literal between the literal and the declaration."""
    node = literal.parent
    while node is not None and node != declaration:
        if node.type == "func_literal":
            return False
        node = node.parent
    return True


def _imports(node: Node) -> dict[bytes, str]:
    """The file's imports by the name they are used under (the path's last element, or the one given)."""
    while node.parent is not None:
        node = node.parent
    named = {}
    for declaration in (n for n in node.named_children if n.type == "import_declaration"):
        for spec in import_specs(declaration):
            path = spec.child_by_field_name("path").text.decode().strip('"`')
            name = spec.child_by_field_name("name")
            parts = path.split("/")
            default = parts[-2] if len(parts) > 1 and parts[-1][:1] == "v" and parts[-1][1:].isdigit() else parts[-1]
            named[name.text if name is not None else default.encode()] = path
    return named


class Standard:
    """A std package's .go files from the toolchain's GOROOT (tests left out); None for any other package.
    go is asked for GOROOT on the first use only (most packages range over no iterator), unless given."""

    def __init__(self, toolchain: Toolchain, cwd: str, goroot: str | None = None) -> None:
        self.toolchain, self.cwd = toolchain, cwd
        if goroot is not None:  # known from a listed std package's directory: go need not be asked
            self._goroot = goroot
        self.read: dict[str, tuple[str, list[tuple[str, bytes]]] | None] = {}  # import path -> folder, files

    def __call__(self, path: str) -> list[bytes] | None:
        found = self._read(path)
        return [data for _, data in found[1]] if found is not None else None

    def fingerprint(self, path: str) -> str:
        """A digest of what the package's files are now, and where they are read from ('': none)."""
        found = self._read(path)
        if found is None:
            return ""
        folder, files = found
        digest = hashlib.sha256(folder.encode())
        for name, data in files:
            digest.update(f"\0{name}\0{len(data)}\0".encode() + data)
        return digest.hexdigest()

    @cached_property
    def _goroot(self) -> str | None:
        said = told_root(self.toolchain, self.cwd)  # the run's first go env said it (the verifier's first round)
        if said:
            return said
        done = self.toolchain.run(["env", "GOROOT"], self.cwd)
        return done.stdout.decode().strip() or None if done.returncode == 0 else None

    def _read(self, path: str) -> tuple[str, list[tuple[str, bytes]]] | None:
        if path not in self.read:
            root = self._goroot if "." not in path.split("/")[0] else None
            folder = os.path.join(root, "src", path) if root else ""
            self.read[path] = None
            if root and os.path.isdir(folder):
                names = sorted(n for n in os.listdir(folder) if n.endswith(".go") and not n.endswith("_test.go"))
                self.read[path] = folder, [(n, _content(os.path.join(folder, n))) for n in names]
        return self.read[path]


def _content(path: str) -> bytes:
    with open(path, "rb") as f:
        return f.read()
