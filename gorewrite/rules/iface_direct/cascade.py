"""Declarations a removal leaves unused go with it, when dropping them changes nothing.

A container built only to be read back goes with the rewrite; a variable only its literal named (`ec` of
`builtins := [...]Command{&vc, &ec}`, whose `ec` no assertion reads back) is then declared and not used, which
the compiler rejects. When that variable's declaration is a statement of one name whose value evaluates without
effect or panic (the same test as the container's other elements), and nothing else in the function names the
variable, the declaration goes too: what it built was read only by what is removed. Its own operands may in turn
be left unused, and go likewise; one that cannot go declines the rewrite, as before.
"""

from __future__ import annotations

from collections.abc import Callable

from gorewrite.edits import Edit
from gorewrite.proposals import PackageView
from gorewrite.rules.iface_direct.commaok import whole_lines
from gorewrite.rules.iface_direct.sites import idents_in, listed, use_node
from gorewrite.rules.iface_direct.unused import Ranges, inside
from gorewrite.syntax import Node, items, text
from gorewrite.typeinfo import Ident, Kind, TypeInfo, Use


def left_with(
    view: PackageView, types: TypeInfo, path: str, function: Node, removed: Ranges, pure: Callable[[Node], bool]
) -> Ranges | str:
    """The whole-line ranges of the declarations that go with the removed ranges (none when nothing is left
    unused); why not, naming the variable, when one left unused cannot go."""
    idents = idents_in(types, path, function)
    extra: Ranges = []
    kept: set[str | None] = set()  # parameters and results: go never says they are not used
    while True:
        gone = removed + extra
        left = next((i for i in idents if i.obj not in kept and _left_unused(idents, i, gone)), None)
        if left is None:
            return extra
        lines = _declaration_lines(view, types, path, idents, left, pure)
        if lines == "parameter":
            kept.add(left.obj)
        elif lines is None:
            return f"removing it would leave {left.name} declared and not used"
        else:
            extra.append(lines)


def _left_unused(idents: list[Ident], ident: Ident, gone: Ranges) -> bool:
    """A local variable named in the removed code, declared outside it and named nowhere else."""
    if ident.use == Use.DECL or ident.kind != Kind.VAR or not ident.local or not inside(ident.start, gone):
        return False
    mentions = [i for i in idents if i.obj == ident.obj]
    declared = next((i for i in mentions if i.use == Use.DECL), None)
    if declared is not None and inside(declared.start, gone):
        return False  # it goes with its uses
    return all(inside(i.start, gone) for i in mentions if i.use != Use.DECL)


def _declaration_lines(
    view: PackageView, types: TypeInfo, path: str, idents: list[Ident], ident: Ident, pure: Callable[[Node], bool]
) -> tuple[int, int] | str | None:
    """The lines of `x := E` or `var x T = E` (`var x T`) declaring only the variable, with E without effect or
    panic, standing alone in a block; "parameter" for a parameter or result; None otherwise."""
    declared = next((i for i in idents if i.obj == ident.obj and i.use == Use.DECL), None)
    if declared is None:  # declared outside the function (a func literal's capture)
        return None
    name = use_node(view, path, declared)
    if name.parent is not None and name.parent.type in ("parameter_declaration", "variadic_parameter_declaration"):
        return "parameter"
    statement = name.parent
    if statement is not None and statement.type == "expression_list":
        statement = statement.parent
    if statement is None or statement.type not in ("short_var_declaration", "var_spec"):
        return None
    if statement.type == "short_var_declaration":
        names, values = statement.child_by_field_name("left"), statement.child_by_field_name("right")
    else:
        names, values = statement, statement.child_by_field_name("value")
    declares = statement.children_by_field_name("name") if names is statement else items(names)
    if len(declares) != 1 or text(declares[0]) != ident.name.encode():
        return None
    if values is not None and (len(items(values)) != 1 or not pure(items(values)[0])):
        return None
    return whole_lines(view.sources[path], statement)


def left_too(view: PackageView, path: str, also: list[Edit]) -> str:
    """The summary's mention of the declarations that go with the container (`, with ec, which only it named`)."""
    names = [_declared(view, path, edit) for edit in also]
    return f", with {listed(names)}, which only it named" if names else ""


def _declared(view: PackageView, path: str, edit: Edit) -> str:
    """The name the declaration on the removed lines declares."""
    line = view.sources[path][edit.start : edit.end]
    start = edit.start + len(line) - len(line.lstrip())
    node = view.tree(path).root_node.named_descendant_for_byte_range(start, start)
    while node.type not in ("short_var_declaration", "var_declaration"):
        node = node.parent
    names = node.named_child(0) if node.type == "var_declaration" else node.child_by_field_name("left")
    return text(names.child_by_field_name("name") if node.type == "var_declaration" else names).decode()
