"""Removed code may order the package's variable initialization: then the rewrite declines.

Go initializes package-level variables in dependency order: x depends on y when x's initializer refers to y,
or to a function or concrete method whose body refers to y, transitively (the spec, "Package initialization";
an interface method makes no dependency). Every removal of iface-direct (what only a failed assertion ran, the
cases a type switch does not take, the operands a fold drops, a container built only to be read back and the
declarations only it named) may take away a function's only reference to a package-level variable, function
or method of the package (go/types says which identifier names one): when some package variable's initializer
reaches that function, Go may then initialize the variables in another order, and their effects run otherwise.
Which functions an initializer reaches is over-approximated from the syntax of every file of the package
directory: a name reached is any identifier or selector field written in a variable's initializer or in the
body of a function or method of that name reached before (more declines, never fewer). init functions run
after every variable, and another package's functions cannot refer back to this one's.
"""

from __future__ import annotations

from gorewrite.proposals import PackageView
from gorewrite.rulekit import memo
from gorewrite.rules.iface_direct.sites import use_node
from gorewrite.syntax import Node, text, walk
from gorewrite.typeinfo import Kind, TypeInfo

Ranges = list[tuple[int, int]]
DECLARATIONS = ("function_declaration", "method_declaration")


def init_problem(view: PackageView, types: TypeInfo, path: str, function: Node, removed: Ranges) -> str | None:
    """Why removing those ranges of the function may reorder the package's initialization; None when it cannot."""
    inside = lambda at: any(start <= at < end for start, end in removed)  # noqa: E731
    for ident in (i for i in types.idents.get(path, ()) if inside(i.start) and i.obj is not None and not i.local):
        variable = ident.kind == Kind.VAR and use_node(view, path, ident).type == "identifier"  # not a field
        if (variable or ident.kind == Kind.FUNC or (ident.kind == Kind.METHOD and ident.recv != "")) and _reached(
            view, function
        ):
            return (
                f"{ident.name} (line {view.line(path, ident.start)}), of code the rewrite drops, is declared at "
                "package level, and a package variable's initializer may reach the function: without it, "
                "the package's variables may be initialized in another order"
            )
    return None


def _reached(view: PackageView, function: Node) -> bool:
    """May some package-level variable's initializer refer to the function, through function and method bodies?"""
    top = function
    while top.parent is not None and top.parent.type != "source_file":
        top = top.parent
    if top.type not in DECLARATIONS:  # a func literal of a variable's initializer: referred to by it
        return True
    return text(top.child_by_field_name("name")).decode() in memo(view, ("iface-direct", "init"), lambda: _names(view))


def _names(view: PackageView) -> frozenset[str]:
    """The names package variables' initializers reach (any identifier or field written there or in a body reached)."""
    bodies: dict[str, list[Node]] = {}
    pending: list[Node] = []
    for path in view.sources:
        if not path.endswith(".go"):
            continue
        for top in view.tree(path).root_node.named_children:
            if top.type in DECLARATIONS and top.child_by_field_name("body") is not None:
                bodies.setdefault(text(top.child_by_field_name("name")).decode(), []).append(top)
            elif top.type == "var_declaration":
                pending.append(top)
    reached: set[str] = set()
    while pending:
        for node in walk(pending.pop()):
            name = text(node).decode() if node.type in ("identifier", "field_identifier") else None
            if name is not None and name not in reached:
                reached.add(name)
                pending += bodies.get(name, [])
    return frozenset(reached)
