"""The code and imports a rewrite drops as never run: what it must not leave unused, and the imports it takes out
with it.
"""

from __future__ import annotations

from dataclasses import replace

from gorewrite.edits import Edit
from gorewrite.proposals import Fix, PackageView
from gorewrite.rules.iface_direct.imports import shared_imports
from gorewrite.rules.iface_direct.initorder import init_problem
from gorewrite.rules.iface_direct.sites import (
    listed,
)
from gorewrite.rules.iface_direct.unused import Ranges, left_unused
from gorewrite.syntax import (
    Node,
)
from gorewrite.typeinfo import TypeInfo


def unused_after(
    view: PackageView, types: TypeInfo, path: str, function: Node, removed: Ranges, statements: Node | list[Node]
) -> dict[str, Edit] | str:
    """The code the rewrite drops as never run (removed; statements: those it replaces) must leave no variable or
    import unused (unused.py), but for the imports another file of the package keeps (imports.py): the edits
    removing those, by package name."""
    shared = shared_imports(view, types, path, function, removed)
    problem = left_unused(view.tree(path).root_node, types, path, function, removed, statements, frozenset(shared))
    if problem:
        return f"the rewrite drops code that never runs, and {problem}"
    return init_problem(view, types, path, function, removed) or shared


def dropping(fix: Fix, imports: dict[str, Edit]) -> Fix:
    """The fix, removing too the imports only the dropped code used, which another file of the package keeps."""
    if not imports:
        return fix
    edits = tuple(sorted((*fix.edits, *imports.values()), key=lambda e: (e.start, e.end)))
    kept = f", and drop its import of {listed(sorted(imports))}, which another file of the package imports too"
    return replace(fix, edits=edits, summary=fix.summary + kept)
