"""An import only the code the rewrite drops used, which another file of the package imports in every build.

Dropping the cases a type switch does not take, or what only a failed assertion ran, can leave the file's import
of fmt or errors unused, which go rejects. A package's imports are the union of its files': where another file of
the package that every build compiling this one compiles too (no build constraint, no `_GOOS`/`_GOARCH` name, no
cgo: build_files.constrained; not a test) imports the same path, the package imports it still, so removing this
file's spec changes neither what is linked nor the order packages are initialised in (their import graph is the
same), and the name it bound was file-scoped: nothing else can have meant it. Otherwise the rule declines as before
(an init only this import ran could be skipped). The other file's import must be one no fix of this rule drops:
each file's fix is proved alone, and two files whose only use of image/png was such dead code each dropped theirs
leaning on the other, so the package no longer imported it and image.Decode lost the PNG format (adv45c). It is when
the other file sorts before this one (leaning only on earlier files, the first file importing the path never drops
it here), or uses the package in a declaration with no type assertion or type switch (the rule removes code only in
a function holding one).
"""

from __future__ import annotations

from gorewrite.build_files import constrained
from gorewrite.edits import Edit
from gorewrite.proposals import PackageView
from gorewrite.rulekit import file_imports, import_declarations
from gorewrite.rules.iface_direct.unused import Ranges, inside, package_used_outside
from gorewrite.syntax import Node, import_removal, walk
from gorewrite.typeinfo import Kind, TypeInfo, Use

ASSERTING = ("type_assertion_expression", "type_switch_statement")  # where the rule may find code never run


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
        package = ident.name if spec.child_by_field_name("name") is None else None
        shared = quoted != b'"C"' and _elsewhere(view, path, quoted, package)
        removal = _removal(view, path, spec) if shared else None
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


def _elsewhere(view: PackageView, path: str, quoted: bytes, package: str | None) -> bool:
    """Does another file of the package, compiled wherever this one is, import that path where no fix of this rule
    can drop it? A file sorting before this one (its import may go by a fix leaning on a file before it: the first
    file importing the path keeps it), or one using the package in a declaration holding no type assertion or type
    switch (the rule drops code only in a function with one). Two files leaning on each other dropped both (adv45c).
    package: the package's own name, when this file's spec gives it no other."""
    for other in view.package.files:
        if other == path or other.endswith("_test.go") or other not in view.sources:
            continue
        root = view.tree(other).root_node
        if constrained(other, root):
            continue
        specs = [s for s in file_imports(view.tree(other)) if s.child_by_field_name("path").text == quoted]
        if specs and (other < path or any(_used_for_good(root, s, package) for s in specs)):
            return True
    return False


def _used_for_good(root: Node, spec: Node, package: str | None) -> bool:
    """Does the file name the package the spec binds (its name, else `package`) in a top-level declaration with no
    type assertion nor type switch, where every identifier of that name is a selector's operand or a qualified
    type's package (none declares it: each is the import)? No fix of this rule removes code there."""
    name = spec.child_by_field_name("name")
    bound = name.text.decode() if name is not None else package
    if bound in (None, "_", "."):
        return False
    for declaration in root.named_children:
        if declaration.type in ("package_clause", "import_declaration"):
            continue
        nodes = list(walk(declaration))
        if any(n.type in ASSERTING for n in nodes):
            continue
        named = [n for n in nodes if n.type in ("identifier", "package_identifier") and n.text.decode() == bound]
        if named and all(_qualifier(n) for n in named):
            return True
    return False


def _qualifier(node: Node) -> bool:
    """Is the identifier the package of `pkg.Name`: a qualified type's, or a selector's operand?"""
    if node.type == "package_identifier":
        return True
    return node.parent.type == "selector_expression" and node.parent.child_by_field_name("operand") == node


def _removal(view: PackageView, path: str, spec: Node) -> Edit | None:
    """The spec's whole line in a group of several, else its whole declaration (with its line); None when something
    else stands on those lines."""
    declaration = next(d for d in import_declarations(view.tree(path)) if d.start_byte <= spec.start_byte < d.end_byte)
    span = import_removal(view.sources[path], declaration, spec)
    return Edit(path, *span, b"") if span else None
