"""Where a func literal reads a variable it captures (bounds.py): `size := min(chunk, Max); go func() { buf :=
make([]byte, size) … }()` is bounded by what holds of size where the literal is made.

A func literal captures its enclosing function's variables by reference, and may run at any later time. When
nothing writes the variable in or after the statement making the literal (its assignments run after their
right side, the literal included, is evaluated), nor in a func literal, nor in a loop around the
literal that does not also hold the variable's declaration (the next pass would write it while the literal made
in this pass may still run; a variable declared in the loop's body is a fresh one each pass), and its address is
never taken (a pointer may write it later), every read in the literal, whenever it runs, sees the value the variable
held when the literal was made. Not a named result (a `return` sets it, a deferred literal reads it after), not a
loop clause's variable (one variable for every pass before go1.22), not in a function with a `goto` (a jump back
runs an earlier write again after the literal is made). A field through a pointer or a map's length
(Subject.shared) is not the variable's value: other code may change it after the literal is made, so it has no
snapshot.
"""

from __future__ import annotations

from gorewrite.rulekit import owner, uses_goto
from gorewrite.syntax import Node, ancestors, enclosing, statement_of
from gorewrite.terms import Subject
from gorewrite.typeinfo import Ident, Kind, Use

CLAUSES = ("for_clause", "range_clause")


def made_at(subject: Subject, literal: Node, uses: list[Ident], root: Node) -> Node | None:
    """The statement of the enclosing function making `literal`, when every read in it of the subject's variables,
    all captured, sees the value they held there; None otherwise."""
    if subject.shared or literal.type != "func_literal" or any(u.use == Use.ADDR for u in uses):
        return None  # another alias may write it after the literal is made
    node = lambda u: root.descendant_for_byte_range(u.start, u.end)  # noqa: E731
    declared = [node(u) for u in uses if u.use == Use.DECL]
    if not declared or any(literal.start_byte <= d.start_byte < literal.end_byte for d in declared):
        return None  # not captured: the literal's own variable
    if any(u.kind == Kind.RESULT for u in uses) or any(enclosing(d, *CLAUSES) for d in declared):
        return None  # a return sets a named result; a loop variable is shared by every pass before go1.22
    if any(uses_goto(owner(d)) for d in declared):
        return None  # a jump back may run a write before the literal after it is made
    made = statement_of(literal)
    if made is None:
        return None
    loops = [a for a in ancestors(literal) if a.type == "for_statement"]
    for write in (node(u) for u in uses if u.use == Use.WRITE):
        # the statement's own writes run after its right side made the literal: `size, f = n, func() {…}`
        if write.start_byte >= made.start_byte or owner(write).type == "func_literal":
            return None
        around = [loop for loop in loops if loop.start_byte <= write.start_byte < loop.end_byte]
        if any(not any(loop.start_byte <= d.start_byte < loop.end_byte for d in declared) for loop in around):
            return None
    return made
