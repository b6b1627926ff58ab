"""The imports iface-direct's concatenations write (concatenated.py): whether the file may name Go's errors
(errorf.py) and strconv (digits.py) under their own names, the edits adding them, and fmt's spec renamed where the
fix drops it and adds another.
"""

from __future__ import annotations

import os

from gorewrite import builtins
from gorewrite.edits import Edit
from gorewrite.proposals import PackageView
from gorewrite.rulekit import add_import, file_imports
from gorewrite.syntax import Node, text, walk
from gorewrite.typeinfo import Kind, TypeInfo

NAMES = ("identifier", "package_identifier", "type_identifier")  # a field's or method's name is no name of the scope


def imported(view: PackageView, path: str, package: str = "errors") -> bool:
    """Does the file import Go's package (its path) under the package's own name?"""
    return bool(_own(view, path, package))


def addable(view: PackageView, path: str, package: str = "errors") -> str | None:
    """Why the file may not add an import of Go's package under its own name: something of the file is named so
    (a local one would shadow the import, and an import of the name must be used), or a file of the package's
    directory, in some build, declares the name at package level (the import would clash with it there). Another
    file's import of the name is that file's own (the file block), no declaration of the package's."""
    name = _name(package)
    named = next((n for n in walk(view.tree(path).root_node) if n.type in NAMES and text(n) == name), None)
    if named is not None:
        # `strconv.Quote` of example.com/conv, whose package clause says strconv: an import would clash with it
        line = named.start_point.row + 1
        return f"the file names {name.decode()} otherwise (line {line}), not Go's {package} the rewrite calls"
    for other, declared in builtins.package_level(view, os.path.dirname(path)).items():
        if name.decode() in declared:
            shown = os.path.basename(other)
            return f"{shown} may declare {name.decode()} at package level in some build, where an import would clash"
    return None


def unimportable(view: PackageView, path: str) -> str | None:
    """Why errors.New may not be written in the file: it does not import errors, and may not add it (the calls'
    own declarations are errorf.unshadowed's)."""
    return None if imported(view, path) else addable(view, path)


def package_import(view: PackageView, types: TypeInfo, path: str, package: str) -> list[Edit] | str:
    """The edits importing Go's package (its path: "strconv", "encoding/hex") into the file under its own name
    (none where it does so already), or why `name.` may not be written: the file imports another package under
    the name, or the package declares the name in some build (a function's `strconv := …` too, where the file
    imports it already), or the file may not add it (addable)."""
    name, specs = _name(package), file_imports(view.tree(path))
    own = _own(view, path, package)
    other = [s for s in specs if s not in own and (_alias(s) or _last(s)) == name]
    if other:
        return f"{name.decode()} names {text(other[0]).decode()} in the file, not Go's {package} the rewrite calls"
    if not own:
        return addable(view, path, package) or add_import(view, path, package)
    shadowing = [i for f in types.idents.values() for i in f if i.name == name.decode() and i.kind != Kind.PKGNAME]
    return f"the rewrite would call {name.decode()}, a name the package declares" if shadowing else []


def renamed(view: PackageView, path: str, dropped: Edit, package: str) -> Edit:
    """The fmt spec the fix drops (import_removal_of's edit) made the import of package, which the rewrite needs."""
    spec = next(s for s in file_imports(view.tree(path)) if dropped.start <= s.start_byte < dropped.end)
    quoted = spec.child_by_field_name("path")
    return Edit(path, quoted.start_byte, quoted.end_byte, f'"{package}"'.encode())


def _own(view: PackageView, path: str, package: str) -> list[Node]:
    """The file's specs importing Go's package under its own name (unnamed, or named so)."""
    quoted, name = f'"{package}"'.encode(), _name(package)
    return [
        s
        for s in file_imports(view.tree(path))
        if text(s.child_by_field_name("path")) == quoted and _alias(s) in (None, name)
    ]


def _name(package: str) -> bytes:
    return package.rsplit("/", 1)[-1].encode()


def _alias(spec: Node) -> bytes | None:
    name = spec.child_by_field_name("name")
    return text(name) if name is not None else None


def _last(spec: Node) -> bytes:
    return text(spec.child_by_field_name("path")).strip(b'"`').rsplit(b"/", 1)[-1]
