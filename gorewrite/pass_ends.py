"""What a loop leaves of a local variable when it ends by its condition: the value it entered with, or the one
some pass left at the body's end (bounds.py asks where its updates alone prove nothing).

    steps := 0
    for at := goal; at != start; at = prev[at] {
        steps++
        if steps > MaxPath { return -1 }          the pass that goes on leaves steps <= MaxPath
    }
    route := make([]int32, 0, steps)              steps <= max(0, MaxPath)

    for size < want { size <<= 1 }               after `want <= 1000`: each pass ends at most 2*999

A `for` loop without a range clause tests its condition first with the value from before it, then after each pass
(and its post statement); it leaves where the test fails. So where nothing else ends a pass or the loop (no
`continue`, `break` or `goto` in the body that targets it or may, no labeled one at all), no post or init statement
writes the variable, and nothing writes it through a pointer (no `&n` in the function), the value after the loop is
one of those: at most the worse of the bound before it and the bound after the body's last statement. A `range`
loop runs a pass per element (or integer, or value its iterator yields) and leaves when they run out: the same
holds where its clause does not assign the variable (`for total = range xs` writes it; session 53, make-const-bio's
CIGAR `Expand`: `total += op.Len; if total > MaxReadLen { return }` in a range over the operations).
"""

from __future__ import annotations

from collections.abc import Callable

from gorewrite.guards import Side
from gorewrite.proposals import PackageView
from gorewrite.rulekit import FUNCTIONS
from gorewrite.syntax import Node, enclosing, statements, walk
from gorewrite.terms import Subject
from gorewrite.typeinfo import Ident, Use

TARGETS = ("for_statement", "expression_switch_statement", "type_switch_statement", "select_statement")
JUMPS = ("continue_statement", "break_statement", "goto_statement")
Bound = Callable[[Node], "int | None"]  # the bound a statement leaves after it


def after_passes(
    view: PackageView, path: str, loop: Node, subject: Subject, side: Side, before: int | None, left: Bound, again
) -> int | None:
    """The bound after the loop: the worse of `before` (where it starts) and the one a pass ends with, what the
    body's last statement leaves (`left`, or the bound there, `again`, where it writes nothing of the variable);
    None where the loop may end or go on another way, or the variable be written another way."""
    every = [i for i in view.types.idents.get(path, ()) if i.obj in subject.objs]
    last = _last(loop, subject, every)
    if last is None or before is None:
        return None
    written = any(last.start_byte <= u.start < last.end_byte for u in every if u.use == Use.WRITE)
    end = side.best([left(last), None if written else again(last, ())])
    return side.worst([before, end]) if end is not None else None


def _last(loop: Node, subject: Subject, uses: list[Ident]) -> Node | None:
    """The body's last statement, where every pass that goes on ends, if only the body writes the variable."""
    body = loop.child_by_field_name("body")
    if subject.key[0] != "var" or body is None:
        return None
    if any(u.use == Use.ADDR for u in uses) or any(
        u.use == Use.WRITE and not body.start_byte <= u.start < body.end_byte
        for u in uses
        if loop.start_byte <= u.start < loop.end_byte
    ):
        return None  # written through a pointer, or by the post or init statement
    for node in walk(body, skip=lambda n: n.type in FUNCTIONS):
        if node.type in JUMPS and (node.type == "goto_statement" or node.named_child_count):
            return None  # a goto or a labeled jump: it may leave the pass or the loop
        inner = enclosing(node, *(TARGETS if node.type == "break_statement" else ("for_statement",)))
        if node.type in JUMPS and inner == loop:
            return None  # a continue restarts the pass, a break ends the loop, elsewhere than the body's end
    found = statements(body)
    return found[-1] if found else None
