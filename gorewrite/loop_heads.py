"""What a `for` statement's header proves about a subject in its body and at its update clause (bounds.py asks).

`for i := 0; i < Max; i++ { … }` bounds i in the body by its condition (also `for i < Max`, `for i := range Max`,
`range n` of a bounded n, and `range parts`' index, below its length). Its initializer runs once, before
anything else of the loop, as a statement before the loop would: `for d := 0; d < 20; d++ { make([]byte, d*4) }`
needs d at least 0 as well as at most 19, and d stays at or above 0 where every write of it in the loop keeps
it there (`d++` under the condition's 19 cannot wrap: updates.keeps). The condition held when the body began;
where the body writes the subject nowhere, it still holds at the update clause, whether the pass ran to its end
or left it by a `continue` (posts.py reads the body's end, and only without a `continue`).
"""

from __future__ import annotations

from collections.abc import Callable

from gorewrite.facts import Fact
from gorewrite.guards import Side, when
from gorewrite.proposals import PackageView
from gorewrite.pure import SEQUENCES
from gorewrite.shapes import IDENTIFIERS
from gorewrite.syntax import Node, unparen
from gorewrite.terms import Subject, subject_of, value_of
from gorewrite.type_bounds import int_type
from gorewrite.typeinfo import Use

Bound = Callable[..., "int | None"]  # bounds.bound
Limit = Callable[[Node], "int | None"]  # the bound a statement setting the subject leaves (bounds._set_limit)
Kept = Callable[[Node, int], bool]  # does the write keep the subject on its side of the limit (bounds._kept)


def body_facts(
    view: PackageView, path: str, subject: Subject, loop: Node, side: Side, tests: tuple, bound: Bound, facts: tuple
) -> list[Fact]:
    """The facts on the subject inside the loop's body (facts: the initializer's limit and keep, or None)."""
    clause = loop.named_children[0] if loop.named_child_count > 1 else None
    if clause is not None and clause.type not in ("for_clause", "range_clause"):  # `for i < C { … }`
        limit = when(clause, True, side, *tests)
        return [Fact(limit, loop.start_byte, (), before=False)] if limit is not None else []
    if clause is not None and clause.type == "for_clause":
        condition = clause.child_by_field_name("condition")
        limit = when(condition, True, side, *tests) if condition else None
        parts = [clause.child_by_field_name(f) for f in ("initializer", "update")]
        own = tuple((part.start_byte, part.end_byte) for part in parts if part is not None)
        found = [Fact(limit, loop.start_byte, own, before=False)] if limit is not None else []
        return found + initialized(view, path, subject, loop, *facts)
    if clause is not None and clause.type == "range_clause" and any(c.type == ":=" for c in clause.children):
        left, right = clause.child_by_field_name("left"), clause.child_by_field_name("right")
        count = value_of(view, path, right)
        counted = int_type(view, path, right) is None  # `range n` of an integer: n's value, not a length
        count = bound(view, path, right, loop, side.toward(True), length=counted) if count is None else count
        variable = left.named_children[0] if left.named_child_count else None
        if variable is None or subject_of(view, path, variable) != subject:
            return []
        if count is not None or (not side.upper and _indexed(view, path, right)):
            return [Fact(count - 1 if side.upper else 0, loop.start_byte, (), before=False)]
    return []


def _indexed(view: PackageView, path: str, ranged: Node) -> bool:
    """Does a range over the expression give indexes, from 0 up (the spec), however long it is: an integer's
    (`range n` runs no pass for n <= 0), or a slice's, an array's or a string's, by go/types (a local or a field,
    or a slicing of one)? A map's key, a channel's element or an iterator's value may be anything."""
    ranged = unparen(ranged)
    if int_type(view, path, ranged) is not None:
        return True
    if ranged.type == "slice_expression":
        ranged = unparen(ranged.child_by_field_name("operand"))
    name = ranged.child_by_field_name("field") if ranged.type == "selector_expression" else ranged
    ident = view.types.at(path, name.start_byte) if name is not None and name.type in IDENTIFIERS else None
    return ident is not None and ident.shape in SEQUENCES


def initialized(view: PackageView, path: str, subject: Subject, loop: Node, limit_of: Limit, kept: Kept) -> list[Fact]:
    """The initializer's bound (`d := 0`: 0), where every other write of the subject in the loop keeps it: those
    before the bounded statement as well as after it, which reach it again on the next pass."""
    initializer = loop.named_children[0].child_by_field_name("initializer")
    limit = limit_of(initializer) if initializer is not None else None
    if limit is None:
        return []
    root, own = view.tree(path).root_node, (initializer.start_byte, initializer.end_byte)
    for write in _writes(view, path, subject, loop):
        node = root.descendant_for_byte_range(write.start, write.end)
        if not own[0] <= write.start < own[1] and not kept(node, limit):
            return []
    return [Fact(limit, loop.start_byte, (own,), before=True)]  # before: a goto could jump back past the header


def at_update(view: PackageView, path: str, subject: Subject, stmt: Node, side: Side, tests: Callable) -> list[Fact]:
    """The loop condition's fact at the update clause stmt, where the body writes the subject nowhere."""
    clause = stmt.parent
    loop, condition = clause.parent, clause.child_by_field_name("condition")
    if clause.child_by_field_name("update") != stmt or condition is None:
        return []
    body = loop.child_by_field_name("body")
    if body is None or any(body.start_byte <= w.start < body.end_byte for w in _writes(view, path, subject, loop)):
        return []
    limit = when(condition, True, side, *tests(loop))
    return [Fact(limit, loop.start_byte, (), before=False)] if limit is not None else []


def _writes(view: PackageView, path: str, subject: Subject, loop: Node) -> list:
    within = lambda u: loop.start_byte <= u.start < loop.end_byte  # noqa: E731
    return [u for u in view.types.idents.get(path, ()) if u.obj in subject.objs and u.use == Use.WRITE and within(u)]
