"""What every rule needs from a package view, written once: type facts or the reason there are
none, per-file memos, the syntax node at a compiler position, and the syntax-error guard."""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import count
from typing import TypeVar

from gorewrite.constraints import go_version
from gorewrite.edits import Edit
from gorewrite.escapes import Escape
from gorewrite.proposals import PackageView
from gorewrite.syntax import (
    Node,
    Tree,
    ancestors,
    declaration_range,
    enclosing,
    first_of,
    import_specs,
    text,
    touches_error,
)
from gorewrite.typeinfo import TypeInfo

T = TypeVar("T")
FUNCTIONS = ("function_declaration", "method_declaration", "func_literal")
LATER = ("func_literal", "go_statement", "defer_statement")  # code under one of these may run at another time


def uses_goto(function: Node) -> bool:
    """Does the function's own body (not a func literal in it) hold a goto: statement order is then not
    execution order, and a jump may pass over a declaration a rewrite adds?"""
    return first_of(function, ("goto_statement",), skip=lambda n: n.type == "func_literal") is not None


def types_or_reason(view: PackageView) -> TypeInfo | str:
    """The package's go/types facts, or why a rule must decline without them."""
    if view.types is None or view.types.error:
        return f"type information unavailable: {view.types.error if view.types else 'not loaded'}"
    return view.types


def memo(view: PackageView, key: tuple, compute: Callable[[], T]) -> T:
    """A fact a rule derives once per view (query matches per file, keyed by rule name and path)."""
    if key not in view.memo:
        view.memo[key] = compute()
    return view.memo[key]


def node_at(view: PackageView, escape: Escape, stop: tuple[str, ...] = ("identifier", "func_literal")) -> Node | None:
    """The outermost node starting where the compiler points, or the first of the `stop` types on the way up."""
    start = view.offset(escape)
    if start is None:
        return None
    node = view.tree(escape.path).root_node.named_descendant_for_byte_range(start, start)
    while node is not None and node.start_byte == start and node.parent is not None and node.parent.start_byte == start:
        if node.type in stop:
            break
        node = node.parent
    return node


def near_syntax_error(view: PackageView, path: str, node: Node | None) -> str | None:
    """Why nothing in the node's declaration may be rewritten, if tree-sitter-go could not parse it."""
    if node is None:
        return "the compiler's position does not match the source"
    if touches_error(view.tree(path), *declaration_range(node)):
        return "the enclosing declaration has syntax tree-sitter-go cannot parse"
    return None


def owner(node: Node) -> Node | None:
    """The function, method or func literal whose body holds the node."""
    return enclosing(node, *FUNCTIONS)


def run_later(node: Node, function: Node) -> Node | None:
    """The func literal, go or defer statement inside the function that holds the node: its code may run after
    the function's own statement there (once it returned, in another goroutine, or never); None when the node
    runs in the function's own flow."""
    for ancestor in ancestors(node):
        if ancestor == function:
            return None
        if ancestor.type in LATER:
            return ancestor
    return None


def use_owner(root: Node, use) -> Node | None:
    """The function, method or func literal whose body holds a go/types use (its byte range in root's file)."""
    return owner(root.descendant_for_byte_range(use.start, use.end))


def import_declarations(tree: Tree) -> list[Node]:
    """The file's `import` declarations, in order."""
    return [n for n in tree.root_node.named_children if n.type == "import_declaration"]


def file_imports(tree: Tree) -> list[Node]:
    """Every import spec of the file, grouped in parentheses or not."""
    return [spec for declaration in import_declarations(tree) for spec in import_specs(declaration)]


def add_import(view: PackageView, path: str, package: str) -> list[Edit]:
    """Add `"package"` to the file's imports (gofmt sorts it into place). Only insertions, each shared: two
    fixes adding the same import need it once, and the imports that one fix or several add at one point
    apply together in any order. A one-spec `import "x"` becomes a group by two insertions every fix makes
    alike, ` (` after `import` and `\n)` after the spec's line (its comment stays), each import inserted
    before the spec."""
    tree = view.tree(path)
    declarations = import_declarations(tree)
    quoted = f'"{package}"'.encode()
    for declaration in declarations:
        group = next((c for c in declaration.named_children if c.type == "import_spec_list"), None)
        if group is not None:
            at = group.start_byte + 1  # after `(`
            return [Edit(path, at, at, b"\n\t" + quoted, shared=True)]
    # cgo reads `import "C"`'s preamble from the comment right above that declaration: grouped, it would be lost.
    singles = [d for d in declarations if text(import_specs(d)[0]) != b'"C"']
    if declarations and not singles:
        at = declarations[-1].end_byte
        return [Edit(path, at, at, b"\nimport " + quoted, shared=True)]
    if singles:
        declaration = singles[0]
        spec = import_specs(declaration)[0]
        keyword = declaration.start_byte + len(b"import")
        source = tree.root_node.text or b""
        line_end = source.find(b"\n", spec.end_byte)
        rest = source[spec.end_byte : line_end].strip()
        close = line_end if line_end >= 0 and (not rest or rest.startswith(b"//")) else spec.end_byte  # its comment
        if keyword < spec.start_byte:
            return [
                Edit(path, keyword, keyword, b" (", shared=True),
                Edit(path, spec.start_byte, spec.start_byte, quoted + b"\n\t", shared=True),
                Edit(path, close, close, b"\n)", shared=True),
            ]
        at = declaration.end_byte  # `import"x"`: no room for ` (` before the imports, so one of its own
        return [Edit(path, at, at, b"\nimport " + quoted, shared=True)]
    clause = next(n for n in tree.root_node.named_children if n.type == "package_clause")
    return [Edit(path, clause.end_byte, clause.end_byte, b"\n\nimport " + quoted, shared=True)]


def language_minor(view: PackageView, path: str) -> int:
    """The file's Go language minor version, which decides loop-variable semantics; 0 when unknown (decline).

    The module's go line, unless the file's //go:build line implies a minimum go1.N (`go1.23 && linux`; not
    `!go1.21`, nor `go1.22 || linux`), read as the compiler does (constraints.go_version): since go1.21 that
    sets the file's version, to max(go1.N, go1.21) as go/types does — up or down.
    """
    module = re.match(r"(?:go)?1\.(\d+)", view.package.go_version)
    minor = int(module.group(1)) if module else 0
    version = go_version(view.sources[path])
    return minor if version is None else max(21, version)


KEYWORDS = frozenset(  # Go's keywords: no name a rewrite declares may be one
    "break case chan const continue default defer else fallthrough for func go goto if import interface map "
    "package range return select struct switch type var".split()
)


def taken_words(function: Node) -> set[str]:
    """The names a local a rewrite declares in function may not take: every word of the function's text (it would
    shadow one, or be shadowed) and Go's keywords. Words are Unicode (Go's letters are): an ASCII-only scan reads
    `cfgÜber` as `cfg` and `ber`, and would offer them."""
    return set(re.findall(r"[^\W\d]\w*", text(function).decode(errors="replace"))) | set(KEYWORDS)


def fresh_local(function: Node, stem: str) -> str:
    """A name for a local a rewrite declares in function: stem (or stem2, stem3, …), the first no taken word."""
    words = taken_words(function)
    spelled = (stem if k == 1 else f"{stem}{k}" for k in count(1))  # words are finite: one is free
    return next(n for n in spelled if n not in words)
