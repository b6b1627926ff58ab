"""What removing code leaves declared and not used, or imported and not used: the compiler rejects it.

The rewrite removes code that never ran (the cases a type switch does not take, what only a failed
assertion ran) and a container built only to be read back. A local variable or an import that only
that code read is then unused, and so is a label that only that code's break, continue or goto named: the
rule can know it before the compiler says it.
"""

from __future__ import annotations

from gorewrite.rulekit import owner
from gorewrite.syntax import Node, text, walk
from gorewrite.typeinfo import Ident, Kind, TypeInfo, Use

Ranges = list[tuple[int, int]]


def left_unused(
    root: Node,
    types: TypeInfo,
    path: str,
    function: Node,
    removed: Ranges,
    rewritten: Node | list[Node],
    dropped: frozenset[str] = frozenset(),
) -> str | None:
    """Why removing those byte ranges leaves a variable or an import unused; None when nothing is.
    rewritten: the statements the rewrite replaces, whose variables (a type switch's x, a comma-ok's
    ok) it declares anew where they are read, or no more; dropped: the imports the rewrite removes too."""
    idents = [i for i in types.idents.get(path, ()) if function.start_byte <= i.start < function.end_byte]
    spans = [(s.start_byte, s.end_byte) for s in (rewritten if isinstance(rewritten, list) else [rewritten])]
    declared = {i.obj for i in idents if i.use == Use.DECL and inside(i.start, spans)}
    gone = {i.obj for i in idents if i.use == Use.DECL and inside(i.start, removed)}  # goes with its uses
    for ident in idents:
        if ident.use == Use.DECL or not inside(ident.start, removed) or ident.obj in declared | gone:
            continue
        if ident.kind == Kind.VAR and ident.local and not _read_outside(idents, ident, removed):
            return f"removing it would leave {ident.name} declared and not used"
        if ident.kind != Kind.PKGNAME or ident.name in dropped:
            continue
        if not package_used_outside(root, ident.name, removed):
            return f"removing it would leave the import of {ident.name} unused"
    return _label_left(function, removed)


def _label_left(function: Node, removed: Ranges) -> str | None:
    """A label kept whose every break, continue or goto is in the ranges: go rejects a label never used."""
    kept, named, dropped = {}, set(), set()
    for node in walk(function):
        if node.type != "label_name":
            continue
        label = (owner(node).start_byte, text(node))  # each function and func literal has its own labels
        if node.parent.type == "labeled_statement":
            if not inside(node.start_byte, removed):
                kept[label] = node
        else:
            (dropped if inside(node.start_byte, removed) else named).add(label)
    for label, node in kept.items():
        if label in dropped and label not in named:
            return f"removing it would leave label {text(node).decode()} defined and not used"
    return None


def package_used_outside(root: Node, package: str, removed: Ranges) -> bool:
    """Does the file name the package (`pkg.X`) anywhere but in those ranges?"""
    for node in walk(root):
        if node.type == "package_identifier" or (
            node.type == "identifier"
            and node.parent.type == "selector_expression"
            and node.parent.child_by_field_name("operand") == node
        ):
            if text(node) == package.encode() and not inside(node.start_byte, removed):
                return True
    return False


def _read_outside(idents: list[Ident], ident: Ident, removed: Ranges) -> bool:
    """A read or an address of the variable outside the ranges (an assignment is no use to the compiler)."""
    return any(i.obj == ident.obj and i.use in (Use.READ, Use.ADDR) and not inside(i.start, removed) for i in idents)


def inside(offset: int, ranges: Ranges) -> bool:
    """Does the byte offset lie in one of the ranges?"""
    return any(start <= offset < end for start, end in ranges)
