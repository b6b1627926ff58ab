"""An assertion helper of the package (bounds.py asks): after the statement `mustFit(n)`, with

    func mustFit(n int) {
        if n < 0 || n > maxMsg {
            panic("size out of range")
        }
    }

n is at most maxMsg. A call of a function without results returns only by running off the end of its body
when the body has no `return`: there every top-level statement has run, and each guard among them (bounds.py's
statement facts: an exiting `if`, a switch of guards, a loop's ended condition) still holds of the parameter,
which nothing writes. No `defer` (a deferred recover turns the panic into a normal return, the parameter
unchecked), no `goto`. The callee is returns.py's (by go/types' object, declared for every build), and the
argument is passed as conditions.parameter says (the subject's variable, or the subject whole: `check(len(s))`),
a parameter the callee never writes nor takes the address of. One call deeper (Side.calls), as predicates are.
"""

from __future__ import annotations

from collections.abc import Callable

from gorewrite.conditions import parameter
from gorewrite.guards import Side
from gorewrite.proposals import PackageView
from gorewrite.returns import declaration
from gorewrite.syntax import Node, statements, walk
from gorewrite.terms import Subject

LEAVES = ("return_statement", "defer_statement", "goto_statement")


def asserted(
    view: PackageView, path: str, stmt: Node, subject: Subject, side: Side, fact: Callable, bound: Callable
) -> int | None:
    """The bound on the subject after stmt when stmt calls such a helper with it, or None. fact: bounds.py's
    statement fact (view, file, again, subject, statement, side); bound: its bound (view, file, node, at, side, own,
    length)."""
    call = stmt.named_children[0] if stmt.type == "expression_statement" and stmt.named_child_count == 1 else None
    found = declaration(view, path, call) if call is not None and call.type == "call_expression" else None
    if found is None or side.calls <= 0:
        return None
    file, declared = found
    body = declared.child_by_field_name("body")
    if declared.child_by_field_name("result") is not None or any(
        n.type in LEAVES for n in walk(body, skip=lambda n: n.type == "func_literal")
    ):
        return None
    passed = parameter(view, path, call, subject, file, declared)
    if passed is None:
        return None
    inner, name, length = passed
    deeper = side.inside()
    again = lambda at, own: bound(view, file, name, at, deeper, own, length)  # noqa: E731
    found = [fact(view, file, again, inner, s, deeper) for s in statements(body)]
    return side.best(f.limit for f in found if f is not None)
