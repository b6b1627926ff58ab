"""Copies of the holder: `t := s` of a local struct whose field holds `&x`, then `t.w.Write(p)`.

A one-name `:=` whose whole right side is the container copies it: t's field holds what s's held at the
copy, and s never changes after its declaration (the rule's proof for s), so when t is never written nor
addressed either, t.w is `&x` at every call through it, which then goes to `&x` directly (calls.py). A copy
read only by such calls goes with them (it would be declared and not used), and so does s when its copies
were its only other use.
"""

from __future__ import annotations

from gorewrite.proposals import PackageView
from gorewrite.rules.iface_direct.sites import idents_in, row_of, use_node
from gorewrite.syntax import Node, ancestors, items, text, unparen
from gorewrite.typeinfo import Kind, TypeInfo, Use


def copies_of(
    view: PackageView, types: TypeInfo, path: str, reads: list[Node], function: Node
) -> list[tuple[Node, list[Node]]] | str:
    """Each read of the container that is such a copy, with the uses of the copy; or why a copy may not
    hold what the container held."""
    copies: list[tuple[Node, list[Node]]] = []
    for read in reads:
        copy = _copy(read)
        if copy is None:
            continue
        declared = types.at(path, copy.start_byte)
        name = text(copy).decode()
        if declared is None or declared.kind != Kind.VAR or not declared.local:
            return f"cannot resolve {name}, a copy of {text(read).decode()}, to a local variable"
        uses = [u for u in idents_in(types, path, function) if u.obj == declared.obj and u.use != Use.DECL]
        changed = next((u for u in uses if u.use in (Use.WRITE, Use.ADDR)), None)
        if changed is not None:
            line, held = view.line(path, changed.start), text(read).decode()
            return f"{name}, the copy of {held} at line {row_of(read)}, is written or addressed (line {line})"
        copies.append((read, [use_node(view, path, u) for u in uses]))
    return copies


def statement_of(read: Node) -> Node:
    """The `t := c` statement a copy's read stands in."""
    return next(a for a in ancestors(read) if a.type == "short_var_declaration")


def _copy(read: Node) -> Node | None:
    """t of `t := c` where the read is the whole right side and t the one name declared; else None."""
    node = read
    while node.parent.type == "parenthesized_expression":
        node = node.parent
    holder = node.parent
    statement = holder.parent if holder.type == "expression_list" else None
    if statement is None or statement.type != "short_var_declaration":
        return None
    if statement.child_by_field_name("right") != holder:
        return None
    left = items(statement.child_by_field_name("left"))
    if len(items(holder)) != 1 or len(left) != 1 or left[0].type != "identifier" or unparen(node) != read:
        return None
    return left[0]
