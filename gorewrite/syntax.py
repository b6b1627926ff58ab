"""tree-sitter-go parsing and the rules' queries; offsets are bytes, so slice bytes."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache
from importlib import resources
from pathlib import Path

import tree_sitter_go
from tree_sitter import Language, Node, Parser, Query, QueryCursor, Tree

GO = Language(tree_sitter_go.language())
# The node types of Go's literal tokens (numbers, runes, strings): values with no effect to evaluate.
LITERALS = (
    "int_literal",
    "float_literal",
    "imaginary_literal",
    "rune_literal",
    "interpreted_string_literal",
    "raw_string_literal",
)


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
    if not tree.root_node.has_error:
        return []
    inside = walk(tree.root_node, skip=lambda n: not (n.has_error or n.is_missing), named=False)
    return [(n.start_byte, n.end_byte) for n in inside if n.is_error or n.is_missing]


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


def walk(node: Node, skip: Callable[[Node], bool] | None = None, named: bool = True) -> Iterator[Node]:
    """The node and every node below it, depth first in stack order (later siblings first); a
    descendant for which `skip` is true is passed over with its subtree (a nested func literal, say)."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        children = current.named_children if named else current.children
        stack.extend(c for c in children if skip is None or not skip(c))


def unparen(node: Node) -> Node:
    """The expression inside any parentheses around it."""
    while node.type == "parenthesized_expression" and node.named_child_count == 1:
        node = node.named_children[0]
    return node


def unparen_type(node: Node) -> Node:
    """The type inside any parentheses around it: `(*T)` in `func (c (*T)) M()` is a pointer receiver."""
    while node.type == "parenthesized_type" and node.named_child_count == 1:
        node = node.named_children[0]
    return node


def held(node: Node) -> tuple[Node, Node]:
    """The expression the node is, through any parentheses around it, and the node that holds that."""
    expr, parent = node, node.parent
    while parent.type == "parenthesized_expression":
        expr, parent = parent, parent.parent
    return expr, parent


def ancestors(node: Node) -> Iterator[Node]:
    """The node's parent, its parent, and so on up to the source file."""
    node = node.parent
    while node is not None:
        yield node
        node = node.parent


def ancestors_below(node: Node, top: Node) -> list[Node]:
    """The node's ancestors below top (all of them when top is none)."""
    found = []
    for above in ancestors(node):
        if above == top:
            break
        found.append(above)
    return found


def contains(outer: Node, inner: Node) -> bool:
    """Does outer's byte range hold inner's?"""
    return outer.start_byte <= inner.start_byte and inner.end_byte <= outer.end_byte


def mentions(node: Node, name: bytes) -> bool:
    """Is the identifier `name` used at or below node?"""
    return any(n.type == "identifier" and n.text == name for n in walk(node))


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


def items(node: Node | None) -> list[Node]:
    """The named children of a list (a call's arguments, an expression list) without comments: tree-sitter
    keeps a comment between two items as a named child, which would shift every index after it."""
    return [c for c in node.named_children if c.type != "comment"] if node is not None else []


def call_args(call: Node) -> list[Node]:
    """A call's arguments, without comments (`f(/* verbose */ true)`)."""
    return items(call.child_by_field_name("arguments"))


def indentation(source: bytes, at: int) -> bytes:
    """The whitespace before `at` on its line, what a line a rewrite adds there starts with; b"" where
    something else precedes `at` on the line (`calls++; b := make(…)`): repeated before every added line,
    it would run again (gofmt indents such lines when the rewrite is formatted)."""
    prefix = source[source.rfind(b"\n", 0, at) + 1 : at]
    return prefix if not prefix.strip() else b""


def statements(block: Node) -> list[Node]:
    """The statements of a block, without comments (a comment after `{` sits beside the statement_list)."""
    inner = next((c for c in block.named_children if c.type == "statement_list"), None)
    return [s for s in inner.named_children if s.type != "comment"] if inner is not None else []


DECLARING = ("var_declaration", "const_declaration", "type_declaration")
SPECS = ("var_spec", "const_spec", "type_spec", "type_alias")


def declared(stmts: list[Node]) -> set[bytes]:
    """Names statements declare at their own level (:=, var, const, type, grouped or not, behind a label); a
    nested statement_list counts as theirs. A spec inside a declaration's values counts too (never fewer)."""
    names: set[bytes] = set()
    for stmt in stmts:
        while stmt.type == "labeled_statement" and stmt.named_child_count > 1:
            stmt = stmt.named_children[-1]
        if stmt.type == "statement_list":
            names |= declared(stmt.named_children)
        elif stmt.type == "short_var_declaration":
            names |= {n.text for n in items(stmt.child_by_field_name("left"))}
        elif stmt.type in DECLARING:
            names |= {n.text for spec in walk(stmt) if spec.type in SPECS for n in spec.children_by_field_name("name")}
    return names


# `//go:` comments that are the go command's, not the compiler's: they constrain nothing about a function.
TOOL_DIRECTIVES = ("//go:generate", "//go:build")


def directive(node: Node) -> str | None:
    """The first `//go:` compiler directive (nosplit, linkname, …) in the comments right above the
    top-level declaration holding node: rules leave such functions alone."""
    while node.parent is not None and node.parent.type != "source_file":
        node = node.parent
    above = doc_start(node)
    while above is not None and above != node:
        said = text(above).decode().split()[0] if above.type == "comment" and text(above).startswith(b"//go:") else ""
        if said and said not in TOOL_DIRECTIVES:
            return said
        above = above.next_sibling
    return None


def doc_start(decl: Node) -> Node:
    """The first of the comments directly above a declaration (its doc and directives), or the declaration."""
    node, above = decl, decl.prev_sibling
    while above is not None and above.type == "comment" and above.end_point.row >= node.start_point.row - 1:
        node, above = above, above.prev_sibling
    return node


def first_of(node: Node, types: tuple[str, ...], skip: Callable[[Node], bool] | None = None) -> Node | None:
    """A node of one of the types at or below node (depth first, `skip` as for walk), or None."""
    return next((n for n in walk(node, skip) if n.type in types), None)


def import_specs(declaration: Node) -> list[Node]:
    """The import specs of one import declaration, grouped in parentheses or not."""
    specs = []
    for child in declaration.named_children:
        specs += child.named_children if child.type == "import_spec_list" else [child]
    return [s for s in specs if s.type == "import_spec"]


def import_removal(source: bytes, declaration: Node, spec: Node) -> tuple[int, int] | None:
    """The bytes that remove the spec: its whole line in a group of several, else its whole declaration (with its
    line; a trailing comment goes too); None when something else stands on those lines."""
    node = declaration if len(import_specs(declaration)) == 1 else spec
    start = source.rfind(b"\n", 0, node.start_byte) + 1
    end = source.find(b"\n", node.end_byte)
    end = len(source) if end == -1 else end + 1
    rest = source[node.end_byte : end].strip()
    if source[start : node.start_byte].strip() or (rest and not rest.startswith(b"//")):
        return None
    return start, end


ASSIGNMENTS = ("assignment_statement", "short_var_declaration", "var_declaration")


def statement_of(node: Node) -> Node | None:
    """The innermost statement around a node."""
    return next((a for a in ancestors(node) if a.type.endswith("_statement") or a.type in ASSIGNMENTS), None)


def assignments(node: Node) -> list[tuple[Node, Node]]:
    """(name, value) of each name an assignment sets to a value of its own: `n = v`, `n := v`, `var n T = v` and
    each such spec of a `var (…)` group, `var n T` with the spec for its zero value, and each name of a parallel
    assignment, `a, b := len(p), min(k, 8)`, whose right side is evaluated whole before any name is set (the spec's
    two phases), when its names are distinct identifiers (`n, n = 1, 100` sets n twice, `p[i], p[j]` may alias).
    `a, b := f()` gives none."""
    if node.type == "var_declaration":
        groups = [c.named_children if c.type == "var_spec_list" else [c] for c in node.named_children]
        specs = [(s.children_by_field_name("name"), s.child_by_field_name("value"), s) for g in groups for s in g]
        return [
            pair
            for names, values, spec in specs
            for pair in (_paired(names, values.named_children) if values is not None else [(n, spec) for n in names])
        ]
    op = node.child_by_field_name("operator")  # none in `n := v`
    if node.type not in ASSIGNMENTS or (op is not None and text(op) != b"="):
        return []
    left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
    if left.named_child_count == 1:
        return [(left.named_children[0], right.named_children[0])] if one_value(right) else []
    return _paired(left.named_children, right.named_children)


def _paired(names: list[Node], values: list[Node]) -> list[tuple[Node, Node]]:
    """Each name with its value, where there are as many values as names and the names other than `_` are
    distinct identifiers (or there is one name)."""
    others = [n for n in names if text(n) != b"_"]
    distinct = all(n.type == "identifier" for n in others) and len({text(n) for n in others}) == len(others)
    return list(zip(names, values, strict=True)) if len(names) == len(values) and (len(names) == 1 or distinct) else []


def one_value(values: Node | None) -> bool:
    """Is the expression list a single value?"""
    return values is not None and values.named_child_count == 1


def address_taken(index: Node) -> bool:
    """Is an element read (`p[i]`) really its address, `&p[i]` (through parentheses, `&p[1:][0]`, `&(p[i])`)?
    A pointer into p outlives nothing of a byte read (adv34g: `unsafe.String(&p[0], len(p))` kept)."""
    node = index
    while node.parent.type == "parenthesized_expression" or (
        node.parent.type in ("index_expression", "slice_expression", "selector_expression")
        and node.parent.child_by_field_name("operand") == node
    ):
        node = node.parent
    parent = node.parent
    return address_operand(parent) is not None


def method_call(node: Node) -> Node | None:
    """The method's name in `node.M(args)`, where node is the receiver; None for any other use."""
    selector = node.parent
    if selector.type != "selector_expression" or selector.child_by_field_name("operand") != node:
        return None
    call = selector.parent
    if call.type != "call_expression" or call.child_by_field_name("function") != selector:
        return None
    return selector.child_by_field_name("field")


def address_operand(node: Node) -> Node | None:
    """x of `&x`, as written (parentheses kept: callers unparen where `&(x)` means x to them); None for any other
    expression. One spelling of the test two dozen readers of an address need."""
    if node.type != "unary_expression" or node.child(0).type != "&":
        return None
    return node.child_by_field_name("operand")


def named_receiver(declared: Node, pointer: bool) -> Node | None:
    """The name of a method's receiver of the kind asked: a value receiver's `p` of `func (p Precision)`, or a
    pointer receiver's of `(p *T)`, `(p (*T))`; None for a function, the other kind or an unnamed one."""
    receiver = declared.child_by_field_name("receiver") if declared.type == "method_declaration" else None
    found = [d for d in receiver.named_children if d.type == "parameter_declaration"] if receiver else []
    names = found[0].children_by_field_name("name") if len(found) == 1 else []
    if len(names) != 1 or (unparen_type(found[0].child_by_field_name("type")).type == "pointer_type") != pointer:
        return None
    return names[0]


def receiver_type(receiver: Node | None) -> str | None:
    """`T` of `(r *T)`, `(r T)` or `(r (*T))`; None for a generic receiver."""
    decls = [d for d in receiver.named_children if d.type == "parameter_declaration"] if receiver else []
    if len(decls) != 1:
        return None
    node = unparen_type(decls[0].child_by_field_name("type"))
    if node.type == "pointer_type":
        node = unparen_type(node.named_children[0]) if node.named_children else None
    return text(node).decode() if node is not None and node.type == "type_identifier" else None
