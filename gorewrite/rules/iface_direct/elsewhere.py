"""An assertion go/types says fails, while another build of the package may compile a file.

`c.(Resetter)` of `&vec` fails when vec's type has no Reset in this build; the rewrite then drops the
code only a success ran (several.py's failed `if`), and a type switch keeps the case after the ones it
passes over (typeswitch.py). Both read this build's method sets: a file another build compiles
(`reset_linux.go`, `//go:build resettable`) may declare Reset, and there the assertion succeeds and the
dropped code runs. A method this build has and another lacks only breaks that build's compile; one it
lacks and another may add changes what runs, silently. So an assertion or case to an interface the
stored value does not implement here declines while another build may compile a file of the package
(callees.other_builds: one that cannot change what this build's files mean is none); while a file some build
leaves out declares the interface, the value's type or a type or alias either embeds (there another declares
them otherwise: fix43b's `iface.Flusher` per build); while the value's type has a method of an asked name (its
signature's types may differ per build); or while an in-package `_test.go` file (`go test` compiles it;
build_files.method_tests: adv43c's `func (c *counterVec) Reset()`) or a constrained file of another package of
a type the value's embeds declares a method of an asked name, or does not parse. Those types' files being in
every build, no other method declaration can give the type one (a `sync.Mutex` embedded, a test's mock `Get`).

The mirror breaks the build: the rewrite's `Describer(&vec)` in place of `c.(Describer)`, or `(&vec).Help()`,
needs Help in every build that compiles the rewritten file, while the assertion merely failed where Help is
missing. So a method the conversion or direct call needs declines when go/types says a file some build leaves
out (`help_linux.go`, `//go:build linux`, cgo) declares it, or a struct it is promoted through, other than the
rewritten file itself, or another package does (gotypes/boxes.go names the files; needed_elsewhere).
"""

from __future__ import annotations

import glob
import os
from collections.abc import Callable

from gorewrite import callees
from gorewrite.build_files import constrained, declares_method, method_tests, parsed
from gorewrite.proposals import Fix, PackageView
from gorewrite.rulekit import memo
from gorewrite.rules.iface_direct.group import access
from gorewrite.rules.iface_direct.matches import takes, value_type
from gorewrite.rules.iface_direct.places import is_interface_type, reads_stored
from gorewrite.rules.iface_direct.sites import Store, row_of
from gorewrite.syntax import Node, text
from gorewrite.typeinfo import TypeInfo


def failing_elsewhere(
    view: PackageView, types: TypeInfo, path: str, store: Store, place: str, reads: list[Node]
) -> str | None:
    """Why an assertion of the stored place, or a case of a type switch on it, to an interface the value's type
    does not implement here may succeed in another build; None when no other build may give the type a method."""
    value = value_type(types, path, store.value)
    for read in reads:
        node = access(read)
        if not reads_stored(types, path, store, place, node):
            continue
        for kind in _kinds(node.parent):
            if is_interface_type(types, path, kind) and takes(types, path, value, kind) is False:
                elsewhere = varying(view, types, value, types.type_id(path, kind.start_byte, kind.end_byte))
                if elsewhere:  # each failing case asks of its own interface's names: a later one may be added
                    where = f"the assertion to {text(kind).decode()} (line {row_of(kind)})"
                    return f"{where} fails in this build, but {elsewhere}"
    return None


def varying(view: PackageView, types: TypeInfo, value: int | None, interface: int | None) -> str | None:
    """Where another build may make the value's type implement the interface: a file of the package another build
    compiles; one declaring the interface, the value's type or a type either embeds (an alias too) that a build may
    leave out (there another declares them otherwise); the value's type having a method of a name the interface asks
    for (its signature's types may differ per build); an in-package test file (`go test`'s) or a constrained file of
    the package of a type the value's embeds (`struct{ *dep.Sink }`: adv43c) declaring a method of such a name, any
    receiver's, or not parsing. None when none may: then no build redeclares those types (their files are in every
    build), and only a method declaration of one of those names could give the type one."""
    found = callees.other_builds(view)
    if found:
        return f"another build compiles {found}, which may give the value's type the method it asks for"
    origins = types.origins(value) if value is not None else None
    declaring = types.origins(interface) if interface is not None else None
    if origins is None or declaring is None or "" in origins + declaring:
        return "go/types does not name a file declaring the value's type or the interface"
    wants = types.wants(interface)
    if any(types.declared_in(value, want) is not None for want in wants):
        return "the value's type has a method of a name it asks for, whose types another build may declare otherwise"
    varying = next((f for f in origins + declaring if _constrained(view, f)), None)
    if varying is not None:
        return f"a build may leave out {os.path.basename(varying)}, declaring a type it relies on: another may differ"
    names = frozenset(want.rsplit(".", 1)[-1] for want in wants)
    package = view.package
    tests = list(memo(view, ("method tests", names), lambda: method_tests(package.dir, package.name, names)))
    for directory in sorted({os.path.dirname(f) for f in origins if os.path.dirname(f) != package.dir}):
        files = sorted(glob.glob(os.path.join(glob.escape(directory), "*.go")))
        tests += [f"{os.path.basename(f)} of {directory}" for f in files if _adds(f, names)]
    if not tests:
        return None
    return f"another build compiles {tests[0]}, which may give the value's type the method it asks for"


def _adds(path: str, names: frozenset[str]) -> bool:
    """May another build compile the file of another package (not a test's), declaring a method of one of names?
    Parsed once for both questions; unreadable: it may."""
    if path.endswith("_test.go"):
        return False
    try:
        root = parsed(path)
    except OSError:
        return True
    return constrained(path, root) and declares_method(root, names)


def needed_elsewhere(
    view: PackageView, types: TypeInfo, path: str, store: Store, place: str, reads: list[Node]
) -> str | None:
    """Why the rewrite's static conversion `I(&x)` of an assertion or case the value takes, or its direct call
    `(&x).M(…)`, may not compile in another build: a method it needs is declared (or promoted through a struct
    declared) in a file some build leaves out (a build constraint, a `_GOOS`/`_GOARCH` name, cgo), of this package
    other than the rewritten file itself or of another; or go/types cannot say. None: every one is everywhere."""
    value = value_type(types, path, store.value)
    for read in reads:
        node = access(read)
        if not reads_stored(types, path, store, place, node):
            continue
        kinds = [k for k in _kinds(node.parent) if is_interface_type(types, path, k)]
        wanted = [types.type_id(path, k.start_byte, k.end_byte) for k in kinds if takes(types, path, value, k)]
        wanted += [-1] * sum(takes(types, path, value, k) is None for k in kinds)  # unknown: declines below
        selector = node if place == "var" and node.type == "selector_expression" else node.parent
        if selector.type == "selector_expression" and selector.child_by_field_name("operand") == node:
            wanted.append(_method_id(types, path, selector.child_by_field_name("field")))
        for want in wanted:
            files = types.declared_in(value, want) if value is not None and want != -1 else None
            unsure = [f for f in files or () if f != path and (not f or _constrained(view, f))]
            if files is None or unsure:
                where = os.path.basename(unsure[0]) if unsure and unsure[0] else "a file go/types does not name"
                return (
                    f"a method the rewrite's conversion or direct call needs (line {row_of(node)}) is declared in "
                    f"{where}, which another build may leave out: there the rewrite would not compile"
                )
    return None


def asserted_varies(view: PackageView, types: TypeInfo, path: str, value: int, interface: int) -> str | None:
    """Why a call through an assertion of a value of that type to the interface, made a direct call on the value
    (ranged_asserted.py's `c.(check).Check(s)` as `c.Check(s)`), may not do the same in another build: a method the
    interface asks for is declared in a file some build leaves out, other than the rewritten one (there the direct
    call does not compile, where the assertion merely panicked: adv44f's `//go:build !lax` Check), or the value's
    type, the interface or a type either embeds is (another build may declare them otherwise: there the type may
    not implement it, and the assertion panics where the direct call runs). None: all are in every build."""
    files = types.declared_in(value, interface)
    unsure = [f for f in files or () if f != path and (not f or _constrained(view, f))]
    if files is None or unsure:
        where = os.path.basename(unsure[0]) if unsure and unsure[0] else "a file go/types does not name"
        return (
            f"a method it asks for is declared in {where}, which another build may leave out: "
            "there the direct call would not compile"
        )
    origins, declaring = types.origins(value), types.origins(interface)
    if origins is None or declaring is None:
        return "go/types does not name a file declaring the value's type or the interface"
    varying = next((f for f in origins + declaring if f != path and (not f or _constrained(view, f))), None)
    if varying is not None:
        where = os.path.basename(varying) or "a file go/types does not name"
        return f"a build may leave out {where}, declaring a type it relies on: another may declare it otherwise"
    return None


def _method_id(types: TypeInfo, path: str, field: Node) -> str | int:
    """The called method by go/types' Id, as boxes.go keys a method set: its name, or `path.name` for an unexported
    one (another package's of the same name is another method); -1 when go/types does not say."""
    ident = types.at(path, field.start_byte)
    if ident is not None and ident.name[:1].isupper():
        return ident.name  # universe's error.Error has no package
    return f"{ident.pkg}.{ident.name}" if ident is not None and ident.pkg is not None else -1


def _kinds(asserted: Node) -> list[Node]:
    """The types an assertion or a type switch's cases name."""
    if asserted.type == "type_assertion_expression":
        return [asserted.child_by_field_name("type")]
    if asserted.type == "type_switch_statement":
        cases = (c for c in asserted.named_children if c.type == "type_case")
        return [k for c in cases for k in c.children_by_field_name("type") if k.is_named]
    return []


def _constrained(view: PackageView, path: str) -> bool:
    """May a build leave the file out? One of another package (std's too) is read from disk; unknown: yes."""
    if path in view.sources:
        return constrained(path, view.tree(path).root_node)
    try:
        return not path.endswith(".go") or constrained(path, parsed(path))
    except OSError:
        return True


def unless(needed: Callable[[], str | None], found: Fix | str) -> Fix | str:
    """A rewrite found declines when another build may lack a method it needs (needed_elsewhere, which may read other
    packages' files: asked only once a rewrite is found); a decline stands."""
    return (needed() or found) if isinstance(found, Fix) else found
