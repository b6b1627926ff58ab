"""Is a local variable still the zero value its declaration made when a call takes it (decoding.py asks)?

It is where the variable (go/types' object) is declared in the call's function by `var x T`, `x := T{}`, `x :=
new(T)` or `x := &T{}` (the zero value, or a fresh one only x points to) and nothing may have run between the two
that touches it: the declaration's block holds the call with no loop, func literal, defer or go statement between
them (a loop would run the call again on the value the last one filled; the others may run it after later
statements), the function has no goto (a jump back past the call), and no identifier spelled x appears after the
declaration before the call's end but the call's own target (a write, an address taken, a capture; by spelling, so
a shadowing name declines too).
"""

from __future__ import annotations

from gorewrite.proposals import PackageView
from gorewrite.rulekit import owner
from gorewrite.syntax import Node, address_operand, ancestors, ancestors_below, assignments, text, unparen, walk
from gorewrite.typeinfo import Kind

BETWEEN = ("for_statement", "func_literal", "defer_statement", "go_statement")


def untouched(view: PackageView, path: str, call: Node, target: Node) -> bool:
    """Is `target` (the identifier x of `&x`, or of a pointer `x`) still what its declaration made at `call`?"""
    ident = view.types.at(path, target.start_byte)
    if ident is None or ident.kind != Kind.VAR or not ident.local or ident.obj is None:
        return False
    file, _, offset = ident.obj.rpartition(":")
    if file != path:
        return False
    statement, value = _declaration(view.tree(path).root_node, int(offset))
    function = owner(call)
    if statement is None or function is None or owner(statement) != function or not _fresh(view, path, value):
        return False
    block = statement.parent
    if not any(a == block for a in ancestors(call)) or statement.end_byte > call.start_byte:
        return False
    if any(a.type in BETWEEN for a in ancestors_below(call, block)):
        return False
    if any(n.type == "goto_statement" for n in walk(function)):
        return False
    name = text(target)
    return not any(
        n.type == "identifier" and text(n) == name and n != target
        for n in walk(block)
        if statement.end_byte <= n.start_byte < call.end_byte
    )


def _declaration(root: Node, offset: int) -> tuple[Node | None, Node | None]:
    """The statement declaring the identifier at `offset`, and the value it gets (a var_spec for `var x T`)."""
    name = root.descendant_for_byte_range(offset, offset)
    statement = name.parent if name is not None else None
    if statement is not None and statement.type in ("var_spec", "expression_list"):
        statement = statement.parent
    if statement is not None and statement.type == "var_spec_list":
        return None, None  # a `var (…)` group: one statement for many
    if statement is None or statement.type not in ("var_declaration", "short_var_declaration"):
        return None, None
    values = [value for n, value in assignments(statement) if n == name]
    return (statement, values[0]) if len(values) == 1 else (None, None)


def _fresh(view: PackageView, path: str, value: Node) -> bool:
    """Is the value the zero value (`var x T`, `T{}`), or a pointer to a fresh one (`new(T)`, `&T{}`)?"""
    if value.type == "var_spec":
        return value.child_by_field_name("value") is None
    value = unparen(value)
    value = unparen(address_operand(value) or value)
    if value.type == "composite_literal":
        body = value.child_by_field_name("body")
        return body is not None and body.named_child_count == 0
    function = value.child_by_field_name("function") if value.type == "call_expression" else None
    return function is not None and view.types.builtin(path, function.start_byte, "new")
