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
from gorewrite.rules.iface_direct.errorf import NAME
from gorewrite.syntax import Node, text, walk
from gorewrite.typeinfo import Kind, TypeInfo

NAMES = ("identifier", "package_identifier", "type_identifier")  # a field's or method's name is no name of the scope


def imported(view: PackageView, path: str) -> bool:
    """Does the file import Go's "errors" under the name `errors`?"""
    for spec in file_imports(view.tree(path)):
        name = spec.child_by_field_name("name")
        if text(spec.child_by_field_name("path")) == b'"errors"' and (name is None or text(name) == NAME):
            return True
    return False


def addable(view: PackageView, path: str) -> str | None:
    """Why the file may not import "errors" as `errors`: a name of the file or the package's, in some build."""
    names = (n for n in walk(view.tree(path).root_node) if n.type.endswith("identifier") and text(n) == NAME)
    named = next((n for n in names if n.type != "field_identifier"), None)  # a field's name is no name of the scope
    if named is not None:
        return f"the file names errors otherwise (line {named.start_point.row + 1}), so errors.New would not be Go's"
    for other, declared in builtins.package_level(view, os.path.dirname(path)).items():
        if NAME.decode() in declared:
            shown = os.path.basename(other)
            return f"{shown} may declare errors at package level in some build, where an import of errors would clash"
    return None


def unimportable(view: PackageView, path: str) -> str | None:
    """Why errors.New may not be written in the file: it does not import errors, and may not add it."""
    return None if imported(view, path) else addable(view, path)


def strconv_import(view: PackageView, types: TypeInfo, path: str) -> list[Edit] | str:
    """The edits importing Go's strconv into the file under its own name (none where it does so already), or why
    `strconv.` may not be written: the file imports another package as strconv, or the package declares the name
    in some build (a file's, or a function's `strconv := …`), where it would name that declaration. Another file's
    import of strconv declares nothing here: an import's name is its own file's."""
    specs = file_imports(view.tree(path))
    own = [s for s in specs if text(s.child_by_field_name("path")) == b'"strconv"' and _alias(s) in (None, b"strconv")]
    other = [s for s in specs if s not in own and (_alias(s) or _last(s)) == b"strconv"]
    if other:
        return f"strconv names {text(other[0]).decode()} in the file, not Go's strconv the rewrite calls"
    shadowing = [i for f in types.idents.values() for i in f if i.name == "strconv" and i.kind != Kind.PKGNAME]
    if own and not shadowing:
        return []
    # another file's import of strconv is that file's own name (the file block), no declaration of the package's
    files = builtins.package_level(view, os.path.dirname(path)).values()
    if own or shadowing or any("strconv" in names for names in files):
        return "the rewrite would call strconv, a name the package declares"
    if any(n.type in NAMES and text(n) == b"strconv" for n in walk(view.tree(path).root_node)):
        # `strconv.Quote` of example.com/conv, whose package clause says strconv: an import would clash with it
        return "the file names strconv otherwise (a package whose path ends in another name), not Go's strconv"
    return add_import(view, path, "strconv")


def renamed(view: PackageView, path: str, dropped: Edit, package: str) -> Edit:
    """The fmt spec the fix drops (import_removal_of's edit) made the import of package, which the rewrite needs."""
    spec = next(s for s in file_imports(view.tree(path)) if dropped.start <= s.start_byte < dropped.end)
    quoted = spec.child_by_field_name("path")
    return Edit(path, quoted.start_byte, quoted.end_byte, f'"{package}"'.encode())


def _alias(spec: Node) -> bytes | None:
    name = spec.child_by_field_name("name")
    return text(name) if name is not None else None


def _last(spec: Node) -> bytes:
    return text(spec.child_by_field_name("path")).strip(b'"`').rsplit(b"/", 1)[-1]
