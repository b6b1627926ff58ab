"""Where a `for` loop's post statement runs: right after its body's last statement, when nothing else leads there.

`for ; i < len(s); i++ { if i >= 48 || s[i] == ' ' { break } }` leaves i at most 48: the post statement `i++` runs
only when the body ran to its end, where the guard left i at most 47. A `continue` of the loop jumps to the post
statement from elsewhere, so with one (unlabeled and not inside an inner loop, or any labeled one) the body's end
says nothing; nor does it where its last statement writes the subject (bounds.py asks for the bound there instead).
"""

from __future__ import annotations

from gorewrite.rulekit import FUNCTIONS
from gorewrite.syntax import Node, enclosing, statements, walk
from gorewrite.typeinfo import Ident


def body_end(stmt: Node, writes: list[Ident]) -> tuple[Node, bool]:
    """(the body's last statement, True) where stmt is the loop's post statement and runs only after that one has
    run: the facts after it hold at stmt; else (stmt, False)."""
    last = _last(stmt, writes)
    return (last, True) if last is not None else (stmt, False)


def _last(stmt: Node, writes: list[Ident]) -> Node | None:
    clause = stmt.parent
    if clause is None or clause.type != "for_clause" or clause.child_by_field_name("update") != stmt:
        return None
    loop = clause.parent
    body = statements(loop.child_by_field_name("body"))
    for node in walk(loop.child_by_field_name("body"), skip=lambda n: n.type in FUNCTIONS):
        if node.type == "continue_statement" and (node.named_child_count or enclosing(node, "for_statement") == loop):
            return None
    last = body[-1] if body else None
    if last is None or any(last.start_byte <= w.start < last.end_byte for w in writes):
        return None
    return last
