"""An import only the code the rewrite drops used, which another file of the package imports in every build.

Dropping the cases a type switch does not take, or what only a failed assertion ran, can leave the file's import
of fmt or errors unused, which go rejects. A package's imports are the union of its files': where another file of
the package that every build compiling this one compiles too (no build constraint, no `_GOOS`/`_GOARCH` name, no
cgo: build_files.constrained; not a test) imports the same path, the package imports it still, so removing this
file's spec changes neither what is linked nor the order packages are initialised in (their import graph is the
same), and the name it bound was file-scoped: nothing else can have meant it. Otherwise the rule declines as before
(an init only this import ran could be skipped). The other file must sort before this one: each file's fix is proved
alone, and two files whose only use of image/png was such dead code each dropped theirs leaning on the other, so the
package no longer imported it and image.Decode lost the PNG format (adv45c); leaning only on earlier files, the
first file importing the path never drops it here.
"""

from __future__ import annotations

from gorewrite.build_files import constrained
from gorewrite.edits import Edit
from gorewrite.proposals import PackageView
from gorewrite.rulekit import file_imports, import_declarations
from gorewrite.rules.iface_direct.unused import Ranges, inside, package_used_outside
from gorewrite.syntax import Node, import_specs
from gorewrite.typeinfo import Kind, TypeInfo, Use


def shared_imports(view: PackageView, types: TypeInfo, path: str, function: Node, removed: Ranges) -> dict[str, Edit]:
    """By package name, the edit removing each import the ranges alone used in this file, where another file of the
    package imports its path in every build that compiles this one (the others decline in unused.left_unused)."""
    root = view.tree(path).root_node
    edits: dict[str, Edit] = {}
    for ident in types.idents.get(path, ()):
        inner = function.start_byte <= ident.start < function.end_byte and inside(ident.start, removed)
        if ident.kind != Kind.PKGNAME or ident.use == Use.DECL or not inner or ident.obj is None:
            continue
        if package_used_outside(root, ident.name, removed):
            continue
        spec = _spec(view, path, ident.obj) if ident.name not in edits else None
        if spec is None:
            continue
        quoted = spec.child_by_field_name("path").text
        removal = _removal(view, path, spec) if quoted != b'"C"' and _elsewhere(view, path, quoted) else None
        if removal is not None:
            edits[ident.name] = removal
    return edits


def _spec(view: PackageView, path: str, obj: str) -> Node | None:
    """The import spec that declares the package name (go/types places it at the spec, or at its alias)."""
    where, _, offset = obj.rpartition(":")
    if where != path or not offset.isdigit():
        return None
    for spec in file_imports(view.tree(path)):
        name = spec.child_by_field_name("name")
        if int(offset) in (spec.start_byte, name.start_byte if name is not None else -1):
            return spec
    return None


def _elsewhere(view: PackageView, path: str, quoted: bytes) -> bool:
    """Does another file of the package, compiled wherever this one is, import that path? Only a file whose name
    sorts before this one's counts: that file's import may go too, by a fix of its own leaning on a file before it,
    so the first file importing the path always keeps it (two files leaning on each other dropped both: adv45c)."""
    for other in view.package.files:
        if other >= path or other.endswith("_test.go") or other not in view.sources:
            continue
        root = view.tree(other).root_node
        if constrained(other, root):
            continue
        if any(spec.child_by_field_name("path").text == quoted for spec in file_imports(view.tree(other))):
            return True
    return False


def _removal(view: PackageView, path: str, spec: Node) -> Edit | None:
    """The spec's whole line in a group of several, else its whole declaration (with its line); None when something
    else stands on those lines."""
    source = view.sources[path]
    declaration = next(d for d in import_declarations(view.tree(path)) if d.start_byte <= spec.start_byte < d.end_byte)
    alone = len(import_specs(declaration)) == 1
    node = declaration if alone else spec
    start = source.rfind(b"\n", 0, node.start_byte) + 1
    end = source.find(b"\n", node.end_byte)
    end = len(source) if end == -1 else end + 1
    rest = source[node.end_byte : end].strip()
    if source[start : node.start_byte].strip() or (rest and not rest.startswith(b"//")):
        return None
    return Edit(path, start, end, b"")
