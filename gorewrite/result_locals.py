"""A result that aliases a pooled value's storage, held in a local: `b := buf.Bytes()`.

retention.py judges where such a result goes (`copy`, `len`, `string(…)`, a callee that keeps nothing).
Held in a local, the result goes wherever the local goes: each use of it is judged as the result would
be, and reading a byte of it (`b[1]`, `b[i:j]` read the same way) keeps nothing, as reading one of the
result straight away does (`buf.Bytes()[n-1]`). The local is a []byte
declared by a one-name `:=` whose only value is the result; its scope lies within the pooled value's, and
the pool's Put is deferred (sync-pool's only form), so every use in the function's own code comes before
it. A use in a func literal, a go or a defer statement may come after: that declines, and so does every
use retention declines (returned, stored, assigned, sent, `&b`, appended to).
"""

from __future__ import annotations

from collections.abc import Iterable

from gorewrite import callees
from gorewrite.proposals import PackageView
from gorewrite.syntax import Node, address_taken, ancestors

LATER = ("func_literal", "go_statement", "defer_statement")
OWNERS = ("function_declaration", "method_declaration", "func_literal")


def uses(view: PackageView, path: str, result: Node) -> tuple[str, list[Node]] | str | None:
    """The local the result is held in and its uses, each to be judged as the result itself (reads of a byte
    left out), or why the local may outlive the Put; None when the result is not so held."""
    local = callees.held_local(view, path, result)
    if local is None or local[1].type != "[]byte":
        return None
    statement, declared = local
    owner = next(a for a in ancestors(statement) if a.type in OWNERS)
    found = []
    for use in callees.naming(view, path, declared):
        later = next((a for a in ancestors(use) if a == owner or a.type in LATER), owner)
        if later != owner:
            shown = later.type.replace("_", " ").removesuffix(" statement")
            return f"is held in {declared.name}, which is used in a {shown}: it may run after the pool's Put"
        use = _outermost(use)
        if not _indexed(use):
            found.append(use)
    return declared.name, found


def reads_byte(result: Node) -> bool:
    """Is the result (`buf.Bytes()[i]`, `buf.Bytes()[i:j][k]`) only read a byte of, which keeps nothing?"""
    return _indexed(_outermost(result))


def _outermost(use: Node) -> Node:
    """The use through the parentheses and slice expressions it is the operand of: `b[i:j]` of b."""
    while use.parent.type in ("parenthesized_expression", "slice_expression") and _operand(use):
        use = use.parent
    return use


def _indexed(use: Node) -> bool:
    """`b[i]` reads a byte; `&b[i]` points into the storage (adv34g)."""
    return use.parent.type == "index_expression" and _operand(use) and not address_taken(use.parent)


def said(name: str, judged: Iterable[str | None]) -> str | None:
    """The first reason among the uses' (`is returned`), as the local's: `is held in b, which is returned`."""
    reason = next(filter(None, judged), None)
    return f"is held in {name}, which {reason}" if reason else None


def _operand(node: Node) -> bool:
    """Is the node what its parent (a slice or index expression, parentheses) is taken of?"""
    parent = node.parent
    return parent.type == "parenthesized_expression" or parent.child_by_field_name("operand") == node
