"""The branches of an if/else-if chain and the clauses of a switch: the statements each runs (`clause_body`, a
`fallthrough` into the next: `falls`), a case's values, whether two nodes lie in branches one pass cannot both run
(`exclusive`), and where a chain or a switch runs code after its conditions (`bodies`)."""

from __future__ import annotations

from gorewrite.guards import Own
from gorewrite.syntax import Node, ancestors, contains


def clause_body(clause: Node) -> list[Node]:
    """A clause's statements, comments left out."""
    body = [s for s in clause.named_children if s.type == "statement_list"]
    return [s for s in body[0].named_children if s.type != "comment"] if body else []


def falls(clause: Node) -> bool:
    """Does the clause end with `fallthrough` (into the next one, skipping its test)?"""
    body = clause_body(clause)
    return bool(body) and body[-1].type == "fallthrough_statement"


def _clauses(switch: Node) -> list[Node] | None:
    """The switch's clauses, or None when a `fallthrough` joins two of them (a clause then runs
    without its own test)."""
    clauses = clause_list(switch)
    return None if any(falls(c) for c in clauses) else clauses


def clause_list(switch: Node) -> list[Node]:
    """An expression or type switch's case and default clauses, in order."""
    return [c for c in switch.named_children if c.type in ("expression_case", "type_case", "default_case")]


def case_values(clause: Node) -> list[Node]:
    """The expressions of a `case a, b:` clause (none for `default:`)."""
    values = clause.child_by_field_name("value") if clause.type == "expression_case" else None
    return values.named_children if values is not None else []


def exclusive(one: Node, other: Node) -> bool:
    """Do the two nodes lie in different branches of one if statement (its consequence and its else,
    an `else if` included) or in different clauses of a switch without `fallthrough`, so that one pass
    through that statement runs at most one of them? (A loop around it can run both: bounds.py asks.)"""
    for node in ancestors(other):
        if not contains(node, one):
            continue
        if node.type == "if_statement":
            parts = branches(node)
        elif node.type in ("expression_switch_statement", "type_switch_statement"):
            parts = _clauses(node) or []  # a fallthrough runs the next clause too
        else:
            return False
        where = [next((i for i, b in enumerate(parts) if contains(b, n)), None) for n in (one, other)]
        return None not in where and where[0] != where[1]
    return False


def branches(node: Node) -> list[Node]:
    """An if statement's consequence and its else branch (a block or an `else if`)."""
    return [b for b in (node.child_by_field_name("consequence"), node.child_by_field_name("alternative")) if b]


def bodies(node: Node) -> Own:
    """Where an if/else-if chain or a switch (expression or type) runs code after the conditions it tests: its
    blocks and its clauses' statements. A write there comes after every condition evaluated on the same
    pass (a later `else if` or case is another branch), so it reaches them again only around a loop; an
    initializer (`if m = 2*m; n > m`, `else if m = …;`) runs before its condition and is not one."""
    found = []
    while node is not None and node.type == "if_statement":
        found.append(node.child_by_field_name("consequence"))
        node = node.child_by_field_name("alternative")
        if node is not None and node.type == "block":
            found.append(node)
    if node is not None and node.type in ("expression_switch_statement", "type_switch_statement"):
        found += [s for c in clause_list(node) for s in c.named_children if s.type == "statement_list"]
    return tuple((b.start_byte, b.end_byte) for b in found)
