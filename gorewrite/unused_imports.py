"""Imports that a file's combined edits leave unused, taken out before the verifier compiles the file.

Two fixes may each keep a file's import used and together leave it unused (build-variant moves the
functions that use `hex` into variant files while make-const turns `hex.EncodedLen(16)+4` into 36): go
rejects the file, and one fix waited for a second run. An import spec is taken out when the name it
declares was named in the file before the edits and is named nowhere in it after them: nothing in the
file can then refer to the import, so no identifier changes meaning. The name is the imported package's
own (its package clause, as `go list` reads it), never guessed from the path.

Removing an import can change the program's initialisation: a package nothing else imports is then
not initialised at all (its `init` never registers the driver or the image format), and one imported
elsewhere may be initialised later (Go initialises a package after everything it imports). Neither
happens while the package still imports it, so the spec is removed only when another file of the
package imports the same path in every build that compiles this one (a file without build constraint,
or files whose constraints together hold always: `go1.25` and `!go1.25` variants); otherwise it becomes
`_ "path"`, which keeps the package's imports, and so its initialisation, exactly as they were.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from gorewrite import constraints
from gorewrite.build_files import constrained, package_name
from gorewrite.packages import name_constraints
from gorewrite.rulekit import file_imports
from gorewrite.syntax import Node, error_ranges, import_removal, parse, walk

# path -> the name its package declares, for the paths asked; a path go cannot list is left out (kept)
Names = Callable[[list[str]], dict[str, str]]
NAMES = ("identifier", "package_identifier", "type_identifier", "field_identifier", "label_name")


def tidy(originals: dict[str, bytes], contents: dict[str, bytes], names: Names) -> dict[str, bytes]:
    """The package's new file contents with every import the edits left unused taken out (or blanked)."""
    tidied = dict(contents)
    for path, new in contents.items():
        if path in originals and not path.endswith("_test.go"):
            tidied[path] = _tidy_file(path, originals[path], new, names, contents, originals)
    return tidied


def _tidy_file(
    path: str, old: bytes, new: bytes, names: Names, contents: dict[str, bytes], originals: dict[str, bytes]
) -> bytes:
    tree = parse(new)
    if error_ranges(tree):
        return new  # the compiler says what is wrong with it
    lost = _named(parse(old).root_node) - _named(tree.root_node)
    if not lost:
        return new
    specs = [(spec, _path(spec)) for spec in file_imports(tree)]
    plain = [p for spec, p in specs if spec.child_by_field_name("name") is None and p not in ("C", None)]
    declared = names(plain) if plain else {}
    cuts: list[tuple[int, int, bytes]] = []
    for spec, imported in specs:
        alias = spec.child_by_field_name("name")
        name = (alias.text or b"").decode() if alias is not None else declared.get(imported or "")
        if imported in ("C", None) or name in (None, "_", ".") or name not in lost:
            continue
        if _imported_always(path, imported, package_name(tree.root_node), originals, contents):
            declaration = spec.parent if spec.parent.type == "import_declaration" else spec.parent.parent
            cut = import_removal(new, declaration, spec)
            if cut is not None:
                cuts.append((*cut, b""))
        elif alias is not None:
            cuts.append((alias.start_byte, alias.end_byte, b"_"))
        else:
            cuts.append((spec.start_byte, spec.start_byte, b"_ "))
    for start, end, text in sorted(cuts, reverse=True):
        new = new[:start] + text + new[end:]
    return new


def _named(root: Node) -> set[str]:
    """Every name the file's code spells (a field or label too: the set is only ever subtracted from), imports aside."""
    return {
        (n.text or b"").decode() for n in walk(root, skip=lambda n: n.type == "import_declaration") if n.type in NAMES
    }


def _path(spec: Node) -> str | None:
    """The spec's import path; None for a literal with escapes, which is left alone."""
    literal = (spec.child_by_field_name("path").text or b"")[1:-1]
    return None if b"\\" in literal else literal.decode()


def _imported_always(
    path: str, imported: str, package: str | None, originals: dict[str, bytes], contents: dict[str, bytes]
) -> bool:
    """Does another file of the package, one the edits leave alone or create, import the path in every build
    (a file every build compiles, or files whose build constraints together always hold)? A `_x.go` or `.x.go`
    file no build compiles does not count."""
    exprs = []
    for other, source in {**originals, **contents}.items():
        if other == path or os.path.dirname(other) != os.path.dirname(path) or other.endswith("_test.go"):
            continue
        if os.path.basename(other).startswith(("_", ".")):
            continue  # go/build never compiles it (sources hold every .go file of the directory)
        if other in contents and other in originals:
            continue  # edited too, it may lose the import in this same pass: not counted
        tree = parse(source)
        root = tree.root_node
        paths = [_path(s) for s in file_imports(tree)]
        if package_name(root) != package or imported not in paths:
            continue
        if not constrained(other, root):
            return True
        read = constraints.read(source)
        if not isinstance(read, constraints.Constraint) or name_constraints(other) or "C" in paths:
            continue  # a GOOS in its name or cgo constrains it too: not counted
        exprs.append(read.expr)
    return bool(exprs) and constraints.always(("or", *exprs))
