"""The functions of a package whose parameter verdicts every build gives, though a package it imports
has a file only some builds compile (parameters.varying marks the whole package for that).

A function's verdicts depend on its body and on what it names: the functions it calls (their
summaries, their bodies when inlined), the types it handles (their layout), the variables and
constants it reads. In a package with no per-build file of its own, every declaration is the same in
every build; what may differ is what comes from an import that another build compiles otherwise. So a
function is steady when nothing it names, directly or through the package's own declarations it
names, comes from such an import (judged by name, which only over-approximates: a local that shares a
tainted declaration's name taints too). Names are judged in two spaces, as Go resolves them: a selector's
field or method (`c.Repeat`, a field_identifier) can name a method but never a function, type, variable
or constant of the package, and a plain identifier never a method; so a config field `Repeat` is not
tainted by a function `Repeat` that calls errgroup (nor is the struct declaring it: a field's or an
interface method's own name refers to nothing). Std is the installation's own, one build, as for varying. A
function without a body (assembly, a linkname pull) is never steady: its verdicts come from elsewhere.
"""

from __future__ import annotations

import os

from gorewrite.dependencies import Listed
from gorewrite.syntax import Node, parse, receiver_type, text, walk

DECLS = ("function_declaration", "method_declaration", "type_declaration", "var_declaration", "const_declaration")
NAMES = ("identifier", "type_identifier", "field_identifier", "package_identifier")
Name = tuple[bool, str]  # (a selector's field or method, not a package-level name; the name)


def steady(built: dict[str, Listed], varying: dict[str, str], pkg: str) -> frozenset[tuple[str, str]]:
    """(receiver type or "", name) of the package's functions whose verdicts hold in every build; none
    when the package has a per-build file of its own (varying names its own file, not an import's)."""
    line = built.get(pkg)
    if line is None or not varying.get(pkg, "").endswith("which it imports"):
        return frozenset()
    listed = {*line.go_files, *line.ignored}  # an ignored file of its own is harmless here: varying blames an import
    if any(f.endswith(".go") and not f.endswith("_test.go") and f not in listed for f in os.listdir(line.dir)):
        return frozenset()  # a cgo file (CgoFiles is not listed): its declarations are not read here
    decls: list[tuple[set[Name], set[Name], bool, tuple[str, str] | None]] = []  # names, refs, tainted, key
    for name in line.go_files:
        with open(os.path.join(line.dir, name), "rb") as f:
            root = parse(f.read()).root_node
        tainting, dotted = _tainting(root, built, varying)
        for node in root.named_children:
            if node.type in DECLS:
                decls.append(_decl(node, tainting, dotted))
    tainted = {n for names, _, bad, _ in decls if bad for n in names}
    changed = True
    while changed:  # a declaration naming a tainted one is tainted: to a fixpoint
        changed = False
        for i, (names, refs, bad, key) in enumerate(decls):
            if not bad and refs & tainted:
                decls[i] = (names, refs, True, key)
                tainted |= names
                changed = True
    return frozenset(key for _, _, bad, key in decls if key is not None and not bad)


def _tainting(root: Node, built: dict[str, Listed], varying: dict[str, str]) -> tuple[set[str], bool]:
    """The file's qualifiers of imports whose declarations may differ by build (cgo's "C" among them), and
    whether one of those is dot-imported (its names then come unqualified: the whole file is tainted)."""
    qualifiers: set[str] = set()
    dotted = False
    for spec in (n for n in walk(root) if n.type == "import_spec"):
        path = text(spec.child_by_field_name("path")).decode().strip('"`')
        if path != "C" and path not in varying:
            continue
        alias = spec.child_by_field_name("name")
        if alias is not None and alias.type == "dot":
            dotted = True
        elif alias is not None:
            qualifiers.add(text(alias).decode())
        else:
            line = built.get(path)
            qualifiers.add(line.package if line is not None and line.package else path.rsplit("/", 1)[-1])
    return qualifiers, dotted


def _declares(name: Node) -> bool:
    """Is the node the name a struct field or an interface method declares (`Flush int`, `Flush() error`)? It
    refers to nothing: a type's fields do not make it depend on a method of the same name."""
    return name.type == "field_identifier" and name in name.parent.children_by_field_name("name")


def _decl(node: Node, tainting: set[str], dotted: bool) -> tuple[set[Name], set[Name], bool, tuple[str, str] | None]:
    """What a top-level declaration declares, the names it uses (each in its space), whether it names a
    tainting import itself, and its key when it is a function or method with a body."""
    names: set[Name] = set()
    refs: set[Name] = set()
    bad = dotted
    for n in walk(node):
        if n.type in NAMES and not _declares(n):
            refs.add((n.type == "field_identifier", text(n).decode()))
        if n.type in ("selector_expression", "qualified_type"):
            operand = n.child_by_field_name("operand") or n.child_by_field_name("package")
            bad |= operand is not None and text(operand).decode() in tainting
    key = None
    if node.type in ("function_declaration", "method_declaration"):
        name = text(node.child_by_field_name("name")).decode()
        method = node.type == "method_declaration"
        names.add((method, name))
        recv = receiver_type(node.child_by_field_name("receiver")) if method else ""
        bad |= node.child_by_field_name("body") is None or recv is None
        key = (recv or "", name)
    else:
        for spec in walk(node):
            if spec.type in ("type_spec", "type_alias", "var_spec", "const_spec"):
                names |= {(False, text(c).decode()) for c in spec.children_by_field_name("name")}
    return names, refs - names, bad, key
