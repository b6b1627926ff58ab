"""Several values of one composite literal, each asserted back once: which assertion reads which.

Escape analysis is field-insensitive: while the literal holds another value that leaks (through
its own assertion), every value in it leaks, so rewriting one element alone never verifies.
Rewriting every element's assertion and dropping the literal does. This module pairs each use
of the container with the store it reads (one store may be asserted several times: the same value
asked for several interfaces); the rule proves each pair as it proves a single one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from gorewrite.syntax import Node, method_call, text, unparen

Names = Callable[["Stored", Node], bool]  # does the index (go/types: a constant) name that store's element or entry


class Stored(Protocol):
    """What the pairing needs of a store: its field name (by key or go/types) or element index, and position."""

    key: Node | None
    index: int | None
    field: bytes | None


def access(use: Node) -> Node:
    """The whole expression a use of the container reads: c, c.f or c[k] (without parentheses)."""
    node = use
    if (
        node.parent.type in ("selector_expression", "index_expression")
        and node.parent.child_by_field_name("operand") == node
    ):
        node = node.parent
    while node.parent.type == "parenthesized_expression":
        node = node.parent
    return node


def pairs(stores: list[Stored], place: str, reads: list[Node], names: Names) -> list[tuple[Stored, Node]] | None:
    """(store, the type assertion reading it, or the plain read `c.f` of a field) for every use of the
    container, when each use is an assertion of a field (`c.f.(I)`), constant-indexed element (`c[1].(I)`)
    or constant-keyed entry (`kv["user"].(string)`) that the literal stores, or one read of a distinct
    stored field (a method call's receiver `c.f` among them); None when any use is something else (a key the
    literal did not store among them), a place is read both plainly and otherwise or plainly twice, or there
    are not several uses with an assertion, or a method call and a plain read (`m.Cmp.Compare(a, m.Want)`),
    among them: calls alone are calls.py's, which drops the literal itself. A place may be asserted several times
    (`c.f.(Defaulter)`, then `c.f.(Validator)`: the optional-interface idiom): the container is never written,
    so each reads the value stored there."""
    found: list[tuple[Stored, Node]] = []
    plain: set[int] = set()
    for use in reads:
        whole = access(use)
        asserted = whole.parent.type == "type_assertion_expression"
        if not asserted and place != "field":
            return None
        store = member_read(stores, place, unparen(whole), names)
        if store is None or id(store) in plain or (not asserted and any(s is store for s, _ in found)):
            return None
        if not asserted:
            plain.add(id(store))
        found.append((store, whole.parent if asserted else whole))
    kinds = {_kind(n) for _, n in found}
    if "assertion" not in kinds and kinds != {"call", "read"}:  # calls alone are calls.py's
        return None
    return found if len(found) > 1 else None


def _kind(use: Node) -> str:
    """What a paired use is: an assertion, a method call's receiver, or a plain read."""
    if use.type == "type_assertion_expression":
        return "assertion"
    return "read" if method_call(use) is None else "call"


def member_read(stores: list[Stored], place: str, node: Node, names: Names) -> Stored | None:
    """The store whose field, element or entry the access reads, by field name or constant index or key."""
    if place == "field" and node.type == "selector_expression":
        field = text(node.child_by_field_name("field"))
        return next((s for s in stores if (text(s.key) if s.key is not None else s.field) == field), None)
    if place in ("element", "entry") and node.type == "index_expression":
        index = node.child_by_field_name("index")
        return next((s for s in stores if names(s, index)), None)
    return None
