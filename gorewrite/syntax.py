"""tree-sitter-go parsing and the rules' queries; offsets are bytes, so slice bytes."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from pathlib import Path

import tree_sitter_go
from tree_sitter import Language, Node, Parser, Query, QueryCursor, Tree

GO = Language(tree_sitter_go.language())


def parse(source: bytes) -> Tree:
    """Parse Go source; a tree with ERROR nodes still comes back (see error_ranges)."""
    return Parser(GO).parse(source)


def rule_data(name: str) -> Path:
    """rules/<name>/ from the checkout, or gorewrite/_rules/<name>/ inside an installed wheel."""
    packaged = resources.files("gorewrite") / "_rules" / name
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "rules" / name


@cache
def load_query(name: str) -> Query:
    """The rule's tree-sitter query (rules/<name>/query.scm), compiled against the pinned grammar."""
    return Query(GO, (rule_data(name) / "query.scm").read_text())


def captures(query: Query, node: Node) -> list[dict[str, list[Node]]]:
    """One dict of named captures per match, in document order."""
    return [caps for _, caps in QueryCursor(query).matches(node)]


def error_ranges(tree: Tree) -> list[tuple[int, int]]:
    """Byte ranges of ERROR and MISSING nodes: nothing inside or around them is rewritten."""
    found: list[tuple[int, int]] = []
    if not tree.root_node.has_error:
        return found
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        if node.is_error or node.is_missing:
            found.append((node.start_byte, node.end_byte))
        elif node.has_error:
            stack.extend(node.children)
    return found


def text(node: Node) -> bytes:
    """The node's source bytes."""
    return node.text or b""


def int_value(node: Node) -> int | None:
    """The value of an integer literal (Go syntax: 0x, 0o, 0b, legacy octal 017, underscores); else None."""
    if node.type != "int_literal":
        return None
    digits = text(node).decode().replace("_", "")
    try:
        return int(digits, 8) if re.fullmatch(r"0[0-7]+", digits) else int(digits, 0)
    except ValueError:
        return None


def enclosing(node: Node, *types: str) -> Node | None:
    """The nearest ancestor of one of the given types."""
    node = node.parent
    while node is not None and node.type not in types:
        node = node.parent
    return node


def declaration_range(node: Node) -> tuple[int, int]:
    """The byte range of the top-level declaration holding the node: the unit rules rewrite and verify."""
    while node.parent is not None and node.parent.type != "source_file":
        node = node.parent
    return node.start_byte, node.end_byte


def touches_error(tree: Tree, start: int, end: int) -> bool:
    """Does [start, end) overlap an ERROR or MISSING node? Nothing there is rewritten."""
    return any(s < end and start < e for s, e in error_ranges(tree))


def statements(block: Node) -> list[Node]:
    """The statements of a block, without comments (a comment after `{` sits beside the statement_list)."""
    inner = next((c for c in block.named_children if c.type == "statement_list"), None)
    return [s for s in inner.named_children if s.type != "comment"] if inner is not None else []


def directive(node: Node) -> str | None:
    """The first `//go:` compiler directive (nosplit, linkname, …) in the comments right above the
    top-level declaration holding node: rules leave such functions alone."""
    while node.parent is not None and node.parent.type != "source_file":
        node = node.parent
    above = doc_start(node)
    while above is not None and above != node:
        if above.type == "comment" and text(above).startswith(b"//go:"):
            return text(above).decode().split()[0]
        above = above.next_sibling
    return None


def doc_start(decl: Node) -> Node:
    """The first of the comments directly above a declaration (its doc and directives), or the declaration."""
    node, above = decl, decl.prev_sibling
    while above is not None and above.type == "comment" and above.end_point.row >= node.start_point.row - 1:
        node, above = above, above.prev_sibling
    return node


def first_of(node: Node, types: tuple[str, ...]) -> Node | None:
    """A node of one of the types at or below node (depth first), or None."""
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type in types:
            return current
        stack.extend(current.named_children)
    return None


def import_specs(declaration: Node) -> list[Node]:
    """The import specs of one import declaration, grouped in parentheses or not."""
    specs = []
    for child in declaration.named_children:
        specs += child.named_children if child.type == "import_spec_list" else [child]
    return [s for s in specs if s.type == "import_spec"]
