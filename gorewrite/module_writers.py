"""Writers of the main module's other packages: io.Writer's (io.Reader's) contract is not taken on trust there.

A rewrite that rests on the contract (Write must not keep p) trusts writers it cannot see. A type of
another package of the same main module is not one of those: `internal/sink.Keeper`, or a test fake
in `internal/testutil`, reaches a pooled line as easily as the package's own type does. So every
package of the main module the package imports, directly or transitively, it or its tests, has its
Write (Read) methods judged as breaches.py judges the package's own: the compiler's verdict of p
(those packages join the parameter compile, one replayed -m build), and where it reports a leak, the
body: p only handed to another Write (Read), measured, indexed, copied from or resliced into itself
keeps nothing. A file another build compiles (IgnoredGoFiles) is judged by its body alone. Std and
other modules are not the main module: their writers keep the contract's trust.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator

from gorewrite.dependencies import Listing
from gorewrite.parameters import Verdicts, judge, parameter_names, receiver_type
from gorewrite.proposals import PackageView
from gorewrite.syntax import Node, address_taken, ancestors, items, parse, text, unparen, walk

# (file, method) -> (stat, its method declarations of that name, whether it declares a non-method so named)
_SCANNED: dict[tuple[str, str], tuple[tuple[int, int], list[Node], bool, bool]] = {}
HOLDS = ("field_declaration", "parameter_declaration", "var_spec", "const_spec")  # what declares a name: no method


def module_imports(
    listing: Listing, import_paths: list[str]
) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Each package's main-module imports, its tests' included (transitive; not itself), and the .go files,
    of every build but not tests, of each of those packages. Read of what `go list -deps -test` of these
    packages alone prints: them, their tests' packages, and what those depend on."""
    seen: set[str] = set()
    for p in import_paths:
        for root in (p, f"{p} [{p}.test]", f"{p}_test [{p}.test]", f"{p}.test"):
            if root in listing.lines:
                seen.update((root, *listing.lines[root].deps))
    deps: dict[str, set[str]] = {}
    files: dict[str, tuple[str, ...]] = {}
    for listed, line in listing.lines.items():
        if listed not in seen or not line.main:
            continue
        pkg = listed.split(" ")[0].removesuffix("_test")  # `p [p.test]`, `p_test [p.test]`: p and its tests
        deps.setdefault(pkg, set()).update(d.split(" ")[0] for d in line.deps)
        if " " not in listed and not listed.endswith(".test"):
            names = [f for f in (*line.go_files, *line.ignored) if not f.endswith("_test.go")]
            files[pkg] = tuple(os.path.join(line.dir, f) for f in names)
    return {p: tuple(sorted(d & files.keys() - {p})) for p, d in deps.items() if p in import_paths}, files


def fingerprint(
    module: dict[str, tuple[str, ...]], files: dict[str, tuple[str, ...]], pkg: str, digests: dict[str, str]
) -> list[str]:
    """What breaker reads for the package, for the proposal cache's key: its module imports' files and bytes
    (a Write edited in a package it imports transitively changes no export data it reads). `digests` keeps
    each file's for the run's other packages, which mostly import the same ones."""
    said = []
    for other in module.get(pkg, ()):
        for path in files.get(other, ()):
            if path not in digests:
                try:
                    with open(path, "rb") as f:
                        digests[path] = hashlib.sha256(f.read()).hexdigest()
                except OSError:
                    digests[path] = "missing"
            said.append(f"{path}\0{digests[path]}")
    return said


def breaker(view: PackageView, method: str) -> tuple[str, str] | None:
    """(`sink.Keeper`, what shows it keeps p) of the first Write (Read) of the main module's other packages
    the package imports that may keep its p under some toolchain of the run, or None."""
    for version, verdicts in sorted(view.parameters.items()):
        paths = module_files(verdicts, view.package.import_path)
        passes, builtins = not shadowed(paths, method), predeclared(paths)
        for other in verdicts.module.get(view.package.import_path, ()):
            for path, node in _methods(verdicts.module_files.get(other, ()), method):
                owner = receiver_type(node.child_by_field_name("receiver"))
                names = parameter_names(node.child_by_field_name("parameters"))
                signature = verdicts.get((other, owner, method)) if owner else None
                said = signature.params[0] if signature is not None and signature.params else None
                if said is not None and judge(said, False, version) is None or not names:
                    continue  # the compiler says p is not kept (or there is no p)
                use = keeping_use(node, passes, builtins)
                if use is None:
                    continue
                shown = f"{other.rsplit('/', 1)[-1]}.{owner or text(node.child_by_field_name('receiver')).decode()}"
                where = f"{os.path.basename(path)}:{use.start_point.row + 1}"
                heard = f"{version} reports `{said}`" if said else f"{version} printed no verdict for it"
                return shown, f"{heard}, and its p at {where} is not only handed to another {method}"
    return None


def module_files(verdicts: Verdicts, pkg: str) -> tuple[str, ...]:
    """The files of the main module's packages the package imports (a func-typed field's type is among them)."""
    return tuple(p for other in verdicts.module.get(pkg, ()) for p in verdicts.module_files.get(other, ()))


def shadowed(paths: tuple[str, ...], method: str) -> bool:
    """Does a file declare something named like the method that is no method (a func-typed field `Write func(p
    []byte)`, a variable, a parameter)? Then `x.Write(p)` may call a func value that keeps p (adv34g), which no
    syntax tells from a method: no hand-off is taken on trust. A file that cannot be read may."""
    for path in paths:
        try:
            if _scanned(path, method)[1]:
                return True
        except OSError:
            return True
    return False


# The predeclared names whose call keeps nothing of p: len, cap, copy, `append(dst, p...)`, the conversion string(p).
COPIERS = ("len", "cap", "copy", "append", "string")


def predeclared(paths: tuple[str, ...]) -> frozenset[str]:
    """The COPIERS that are the predeclared ones in each of the files: named only as a type or a call's function,
    never where a declaration could name them. A `func copy(p []byte)` of the package, or a `string :=` of a
    method, keeps what it is given (adv41a). A file that cannot be read may shadow any of them."""
    found = set()
    for name in COPIERS:
        try:
            if not any(_scanned(path, name)[2] for path in paths):
                found.add(name)
        except OSError:
            continue
    return frozenset(found)


def _declarable(node: Node) -> bool:
    """A node named like a predeclared identifier where a declaration could name it (not a type used, not the
    function called, not a field)."""
    parent = node.parent
    if node.type == "type_identifier" and parent.type in ("type_spec", "type_alias"):
        return parent.child_by_field_name("name") == node
    if node.type == "type_identifier":  # `func (b *Box[string]) Write(p []byte)` names its type parameter (adv41b)
        receiver = next((a for a in ancestors(node) if a.type in ("parameter_list", "block")), None)
        return receiver is not None and receiver == receiver.parent.child_by_field_name("receiver")
    if node.type == "identifier":
        return not (parent.type == "call_expression" and parent.child_by_field_name("function") == node)
    return node.type == "package_identifier" and parent.type == "import_spec"  # `import string "strings"`


def _methods(paths: tuple[str, ...], method: str) -> Iterator[tuple[str, Node]]:
    """Each method declaration of that name in the files (a file that cannot be read has none)."""
    for path in paths:
        try:
            yield from ((path, node) for node in _scanned(path, method)[0])
        except OSError:
            continue


def _scanned(path: str, method: str) -> tuple[list[Node], bool, bool]:
    """The file's method declarations of that name, whether it declares a non-method so named, and whether
    the name appears other than as a type or a call's function (it may be declared, as `string` can be): parsed
    once per file content and process (every package of a `./...` asks about the module packages it
    imports). Raises OSError when the file cannot be read."""
    stat = os.stat(path)
    key, seen = (path, method), (stat.st_mtime_ns, stat.st_size)
    if _SCANNED.get(key, (None,))[0] != seen:
        with open(path, "rb") as f:
            source = f.read()
        root = parse(source).root_node if method.encode() in source else None
        methods = methods_named(root, method) if root is not None else []
        other = root is not None and any(_declarable(n) for n in walk(root) if n.text == method.encode())
        _SCANNED[key] = (seen, methods, root is not None and _names_non_method(root, method), other)
    return _SCANNED[key][1:]


def methods_named(root: Node, method: str) -> list[Node]:
    """The file's method declarations of that name."""
    named = ((n, n.child_by_field_name("name")) for n in root.named_children if n.type == "method_declaration")
    return [n for n, name in named if name is not None and name.text.decode() == method]


def _names_non_method(root: Node, method: str) -> bool:
    for node in walk(root):
        if node.type in ("identifier", "field_identifier") and node.text == method.encode():
            parent = node.parent.parent if node.parent.type == "expression_list" else node.parent
            if parent.type == "short_var_declaration" and node.parent == parent.child_by_field_name("left"):
                return True
            if parent.type in HOLDS and node in parent.children_by_field_name("name"):
                return True
    return False


def keeping_use(decl: Node, passes: bool, builtins: frozenset[str]) -> Node | None:
    """The first use of the method's first parameter in its body that may keep it (everything but, with
    `passes`, a hand-off to another method of its own name — a Write's p to a Write, never to a Read, which no
    contract judges here (adv34g) —, an index read, `p = p[n:]`, and a call of the `builtins` (those of COPIERS
    nothing shadows: `predeclared`) len, cap, copy, `append(dst, p...)` and `string(p)`, a copy); the
    declaration when there is no body."""
    body = decl.child_by_field_name("body")
    names = parameter_names(decl.child_by_field_name("parameters"))
    name = names[0][0] if names else None
    if name is None or body is None:
        return None if body is not None else decl
    packages = _imported_names(decl)
    handed = text(decl.child_by_field_name("name")) if passes else None
    for node in walk(body):
        if node.type == "identifier" and node.text == name.text:
            if not _harmless(node, body, packages, handed, builtins):
                return node
    return None


def _harmless(node: Node, body: Node, packages: set[bytes], handed: bytes | None, builtins: frozenset[str]) -> bool:
    """Is this use of p one that keeps nothing of it? `w.Write(p)` of a package name is a function, not a
    writer's method: it is judged like any other call."""
    if any(a.type in ("func_literal", "go_statement") for a in ancestors(node) if a.start_byte >= body.start_byte):
        return False
    name = text(node)
    while node.parent.type == "parenthesized_expression" or (
        node.parent.type == "slice_expression" and node.parent.child_by_field_name("operand") == node
    ):
        node = node.parent
    parent = node.parent
    if parent.type == "index_expression":
        return parent.child_by_field_name("operand") == node and not address_taken(parent)
    if parent.type == "expression_list" and parent.parent.type == "assignment_statement":
        left = parent.parent.child_by_field_name("left")  # `p = p[n:]` overwrites p with a part of itself
        return left == parent or (text(left) == name and node.type == "slice_expression" and len(items(parent)) == 1)
    spread = parent.type == "variadic_argument"  # append(r.buf, p...) copies p's bytes
    if spread:
        node, parent = parent, parent.parent
    if parent.type != "argument_list":
        return False
    function = unparen(parent.parent.child_by_field_name("function"))
    called = text(function).decode() if function.type == "identifier" else None  # a name `predeclared` vouches for
    if called is not None and spread:
        return called == "append" and called in builtins and items(parent).index(node) > 0
    if called is not None:
        return called in builtins and called != "append"
    if spread or function.type != "selector_expression" or text(function.child_by_field_name("field")) != handed:
        return False
    return text(unparen(function.child_by_field_name("operand"))) not in packages


def _imported_names(node: Node) -> set[bytes]:
    """The names the file's imports bind (the last path element where no name is given, a guess that only
    ever declines more)."""
    root = node
    while root.parent is not None:
        root = root.parent
    names = set()
    for spec in walk(root, skip=lambda n: n.type not in ("import_declaration", "import_spec_list", "import_spec")):
        path = spec.child_by_field_name("path") if spec.type == "import_spec" else None
        if path is not None:
            alias = spec.child_by_field_name("name")
            names.add(text(alias) if alias is not None else text(path).strip(b'"`').rsplit(b"/", 1)[-1])
    return names
