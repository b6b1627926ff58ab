"""The code after a statement the rewrite makes always leave the function: dead, so it goes.

A comma-ok `if` whose assertion now always succeeds, or a type switch replaced by the case it takes,
may end in a `return` where the original could go on: the statements after it were reached only
when the assertion failed or no case matched, which the stored value's concrete type rules out.
Only the statements of the function's own body after it go (to the end of the function, so nothing
they declare is in scope anywhere else); nested in a loop or another statement, dropping code could
make a `break` vanish and code after the enclosing statement unreachable. A labelled statement
among them could be a jump's target: then nothing goes.
"""

from __future__ import annotations

from gorewrite.rulekit import FUNCTIONS
from gorewrite.syntax import Node


def following(statement: Node, opened: Node | None = None) -> list[Node] | None:
    """The statements after statement in its function's own body, or in `opened` (a block the same fix makes
    a plain block of that body, one that ends the function: nested.py), when it is one of them and none of
    those is labelled; None otherwise."""
    holder = statement.parent
    body = holder.parent if holder is not None and holder.type == "statement_list" else None
    if body is None or body.parent is None or (body.parent.type not in FUNCTIONS and body != opened):
        return None
    after = []
    sibling = statement.next_named_sibling
    while sibling is not None:
        if sibling.type == "labeled_statement":
            return None
        after.append(sibling)
        sibling = sibling.next_named_sibling
    return after
