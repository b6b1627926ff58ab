"""The asserted value leaving the function: the rewrite cannot keep `&x` on the stack.

`n := data["user"].(Namer); partials[first] = n`, or a type switch's case `keep = x`: the rewrite converts `&x`
where the assertion was, and the value it yields still goes where the code puts it: into a package-level variable,
through a pointer, a map or slice element, a field of anything but a local variable's own, over a channel, or out as
a result. Each makes escape analysis keep x on the heap whatever holds it before (`{heap} = n` in the compiler's
flow), so verification rejected every such rewrite (probes iface-hunt-assert, iface-interp, session 56). Which
variable the value is and which occurrences read it are go/types' answers; a copy into a local variable is followed
no further (the compiler is the judge of what such a copy does).
"""

from __future__ import annotations

from gorewrite.proposals import PackageView
from gorewrite.rules.iface_direct.sites import row_of, use_node
from gorewrite.syntax import Node, contains, items, text, unparen
from gorewrite.typeinfo import Ident, Kind, TypeInfo, Use

ASSIGNMENTS = ("short_var_declaration", "assignment_statement", "var_spec")


def leaving(view: PackageView, types: TypeInfo, path: str, assertion: Node, clause: Node | None) -> str | None:
    """Why the value the assertion yields (the switch's x in the clause it takes) would still make x escape: where
    the code stores, sends or returns it; None where it does none of these."""
    if clause is not None:
        alias = assertion.child_by_field_name("alias")
        names = items(alias) if alias is not None else []
        return _uses_leave(view, types, path, names[0], clause) if names else None
    around = assertion
    while around.parent is not None and around.parent.type == "parenthesized_expression":
        around = around.parent
    target = _assigned_to(around)
    if target is None:
        return None
    if not _local(types, path, target):
        return _said(target, "the assertion's value is stored in")
    return _uses_leave(view, types, path, target, None)


def _uses_leave(view: PackageView, types: TypeInfo, path: str, name: Node, within: Node | None) -> str | None:
    """Where a read of the variable declared by name (within the clause, if any) stores, sends or returns it."""
    declared = f"{path}:{name.start_byte}"
    for use in types.uses(path, declared):
        node = use_node(view, path, use)
        if use.use != Use.READ or within is not None and not contains(within, node):
            continue
        problem = _leaves(types, path, node)
        if problem:
            return problem
    return None


def _leaves(types: TypeInfo, path: str, node: Node) -> str | None:
    """Why this read of the value hands it out of the function's locals: stored, sent or returned."""
    while node.parent is not None and node.parent.type == "parenthesized_expression":
        node = node.parent
    parent = node.parent
    if parent is not None and parent.type == "send_statement" and parent.child_by_field_name("value") == node:
        return _said(parent, f"{text(node).decode()} is sent in")
    if parent is not None and parent.type == "expression_list" and parent.parent is not None:
        statement = parent.parent
        if statement.type == "return_statement":
            return _said(statement, f"{text(node).decode()} is returned by")
        target = _assigned_to(node)
        if target is not None and not _local(types, path, target):
            return _said(target, f"{text(node).decode()} is stored in")
    return None


def _assigned_to(value: Node) -> Node | None:
    """The left-hand side a plain assignment or declaration gives the value (one of its right-hand side's items)."""
    values = value.parent
    statement = values.parent if values is not None and values.type == "expression_list" else None
    if statement is None or statement.type not in ASSIGNMENTS:
        return None
    operator = statement.child_by_field_name("operator")
    if operator is not None and text(operator) not in (b"=", b":="):
        return None  # `x += …` is no interface's
    right = statement.child_by_field_name("right") or statement.child_by_field_name("value")
    if right != values:
        return None
    if statement.type == "var_spec":
        lefts = statement.children_by_field_name("name")
    else:
        lefts = items(statement.child_by_field_name("left"))
    rights = items(values)
    if len(rights) == 1 and len(lefts) == 2:
        return lefts[0]  # `v, ok := …`: the value is the first
    return lefts[rights.index(value)] if len(lefts) == len(rights) else None


def _local(types: TypeInfo, path: str, target: Node) -> bool:
    """Is the assignment's target a variable of the function itself (or the blank identifier)?"""
    target = unparen(target)
    if target.type != "identifier":
        return False
    if text(target) == b"_":
        return True
    ident: Ident | None = types.at(path, target.start_byte)
    return ident is not None and ident.local and ident.kind == Kind.VAR


def _said(node: Node, what: str) -> str:
    return f"{what} {text(node).decode()} (line {row_of(node)}): the converted value would still leave the function"
