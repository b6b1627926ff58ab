"""Bounds from a variable's type alone: a `byte` count is at most 255, however the code writes it.

Where the code proves no bound (bounds.py), a size held in a small predeclared integer type still
has one for every input. The type is go/types' own, and a package that declares a type of the
same name (which go/types would print the same) gets none.
"""

from __future__ import annotations

from gorewrite.proposals import PackageView
from gorewrite.rulekit import memo
from gorewrite.syntax import Node, text, unparen, walk
from gorewrite.typeinfo import Kind

# The predeclared integer types whose every value is a small bound (a `byte` count is at most 255).
SMALL_INTEGERS = {"byte": 255, "uint8": 255, "int8": 127, "uint16": 65535, "int16": 32767}


def type_limit(view: PackageView, path: str, size: Node) -> int | None:
    """The largest value the size's type holds, when the size is a variable of a small predeclared
    integer type: a bound for every input, however the variable is written. A package that declares
    a type of the same name (which go/types would print the same) gets none."""
    size = unparen(size)
    if size.type != "identifier":
        return None
    ident = view.types.at(path, size.start_byte)
    if ident is None or ident.kind not in (Kind.VAR, Kind.PARAM, Kind.RESULT) or ident.type not in SMALL_INTEGERS:
        return None
    declared = memo(view, ("bounds.declared_types",), lambda: _declared_types(view))
    return None if ident.type in declared else SMALL_INTEGERS[ident.type]


def _declared_types(view: PackageView) -> set[str]:
    """The names of every type the package's files declare, at any scope."""
    names = set()
    for path in view.sources:
        for node in walk(view.tree(path).root_node):
            if node.type in ("type_spec", "type_alias"):
                names.add(text(node.child_by_field_name("name")).decode())
    return names
