"""Package-level variables that hold their constant initializer for the whole run: `var pageSize = 8 << 10`
that no code of the package writes. A size named by one is a number the rewrite can use as a constant and
read again after a pool's Get, as a local is; a guard's limit named by one (`if n > maxFrame { return }`) bounds
n as a constant would, for make-const, sync-pool and build-variant alike (shapes.shape reads it).

Go initializes a package-level variable before any code reads it (a variable is initialized after those its
initializer refers to, through function bodies, and init functions run after them all; a constant initializer
needs nothing), so every read before any write sees the initializer's value (or 0, read through an interface
call in an earlier variable's initializer, which the dependency order does not follow: never more). A write
needs the variable's name where it is assigned (`x = …`, `x += …`, `x++`, `for x = range …`, `case x = <-c:`),
its address (`&x`, which flag.IntVar and fmt.Sscan need), or a method through it (`x.Set(…)` of a named
integer). An unexported name is spelled only by the package's own files (a dot import brings only exported
names) and by its path in linkname pulls and assembly, so no such use in any .go file of the directory (tests,
other builds' files, generated files), no `//go:linkname` naming it and no assembly file naming it (nor, by the
name the linker gives it, `main.name` in a command (its path in the command's test binary), its path escaped,
in any package of the main module: a pull writes it), and one declaration in the directory (no other build
declares it another way) leave the initializer's value on every path. The initializer's value comes from
go/types, which gives a value only when every build folds it alike (gotypes/steady.go). Matching the name in
other files only declines more: a local of that name written elsewhere declines the variable too.
"""

from __future__ import annotations

import os
import re

from gorewrite.intervals import Interval
from gorewrite.packages import Package
from gorewrite.proposals import PackageView
from gorewrite.rulekit import memo
from gorewrite.syntax import Node, address_operand, ancestors, contains, held, text, unparen, walk
from gorewrite.typeinfo import Kind

# Statements whose `left` a name in is written: `x = …` (and `x += …`), `for x = range …`, `case x = <-c:`.
ASSIGNING = ("assignment_statement", "range_clause", "receive_statement")
TOP_LEVEL = ("var_spec", "const_spec", "type_spec", "type_alias", "function_declaration")


def frozen(view: PackageView, path: str, node: Node) -> int | str | None:
    """The value of the package-level variable node names (through parentheses) when it holds its constant
    initializer on every path; why it may not, when node names such a variable; None for anything else."""
    node = unparen(node)
    ident = view.types.at(path, node.start_byte) if node.type == "identifier" and view.types is not None else None
    if ident is None or ident.kind != Kind.VAR or ident.local or ident.obj is None:
        return None
    return memo(view, ("frozen", ident.obj), lambda: _frozen(view, ident.name, ident.obj))


def read(view: PackageView, path: str, node: Node) -> Interval | None:
    """The values a read of the frozen variable node names can see, as a bound's limit (`if n > maxFrame`, by
    shapes.shape): its initializer's, or 0 where the read runs before the variable is initialized (an interface
    call in an earlier variable's initializer, which the dependency order does not follow); None for anything
    else. Both ends hold a guard's comparison for every input whichever of the two it reads."""
    value = frozen(view, path, node)
    return Interval(min(value, 0), max(value, 0)) if isinstance(value, int) else None


def named_in(view: PackageView, ranges: tuple[tuple[str, int, int], ...]) -> tuple[tuple[str, int, int], ...]:
    """The declarations of the package-level variables the code in these ranges names: a bound read there may
    need their initializers typed (Candidate.also)."""
    names = set()
    for path, start, end in ranges:
        node = view.tree(path).root_node.descendant_for_byte_range(start, max(start, end - 1))
        names |= {text(n) for n in walk(node) if n.type == "identifier"}
    return _declarations(view, names)


def _declarations(view: PackageView, names: set[bytes]) -> tuple[tuple[str, int, int], ...]:
    """The top-level var specs of the package declaring these names: ranges whose constants go/types must
    give (Candidate.also)."""
    return tuple(
        (path, spec.start_byte, spec.end_byte)
        for path in sorted(view.sources)
        for spec, declared in _top_level(view, path)
        if spec.type == "var_spec" and declared & names
    )


def _frozen(view: PackageView, name: str, obj: str) -> int | str:
    where, _, offset = obj.rpartition(":")
    if not (name[0].islower() or name[0] == "_"):
        return f"{name} is an exported package-level variable: another package may set it"
    value = _initializer(view, where, int(offset))
    if value is None:
        return (
            f"{name} is a package-level variable not declared with a value of its own (`var {name} = 4096`) in a"
            " file gorewrite reads"
        )
    constant = view.types.value(where, value.start_byte, value.end_byte)
    if constant is None:
        return f"{name}'s initializer {text(value).decode()} is not a constant go/types gives for every build"
    encoded = name.encode()
    for path in sorted(view.sources):
        declared = sum(encoded in names for _, names in _top_level(view, path))
        if declared > (path == where):
            return f"{name} is declared again in {os.path.basename(path)}: another build may give it another value"
        for node in walk(view.tree(path).root_node):
            if node.type == "comment" and b"go:linkname" in text(node) and encoded in text(node).split():
                return f"{name} is named by a //go:linkname in {os.path.basename(path)}: other code may write it"
            if node.type == "identifier" and text(node) == encoded and _written(node):
                line = node.start_point[0] + 1
                return f"{name} is a package-level variable written at {os.path.basename(path)}:{line}"
    directory = os.path.dirname(where)
    for asm in sorted(f for f in os.listdir(directory) if f.endswith(".s")):
        with open(os.path.join(directory, asm), "rb") as f:
            if b"\xc2\xb7" + encoded in f.read():  # ·name, how assembly spells the package's symbol
                return f"{name} is named by the assembly of {asm}: it may write it"
    pulled = pulled_as(view, name)
    if pulled:
        return f"{name} is named as {pulled} by a //go:linkname or assembly of another package: it may write it"
    return constant


def pulled_as(view: PackageView, name: str) -> str | None:
    """The symbol by which a //go:linkname or assembly names the package's `name` (prefixes), if one does: of the
    build's (pulls.py: the module's and its dependencies'), else of the module's own."""
    root = view.package.module_root
    named = view.linked
    if named is None and root is not None:
        named = memo(view, ("frozen-linked", root), lambda: linked(root))
    return min((p + name for p in prefixes(view.package) if named and p + name in named), default=None)


def prefixes(package: Package) -> frozenset[str]:
    """How a //go:linkname pull or assembly may name the package's symbols (`prefix + name`): by the linker's name,
    the import path escaped as the linker escapes it (objabi.PathToPrefix: `%2e` for a dot in the last element, so
    `example.com/m/lim%2ev2.maxFrame` pulls lim.v2's maxFrame, and `lim.v2.maxFrame` names another symbol), and
    `main.` too for a command (the go command compiles package main as `-p main`, but its test binary by its
    import path: a package its tests link pulls `example.com/m/tool%2ev2.emit`), and by the import path as written
    (declining more)."""
    paths = (package.import_path, "main") if package.name == "main" else (package.import_path,)
    return frozenset(f"{p}." for p in (package.import_path, *paths, *map(_escaped, paths)))


def _escaped(path: str) -> str:
    """objabi.PathToPrefix: a control byte, a space, `%`, `"`, a byte of 0x7f or above, and a dot after the last
    slash become `%xx`."""
    raw = path.encode()
    slash = raw.rfind(b"/")
    odd = [b <= 0x20 or b in b'%"' or b >= 0x7F or (b == ord(".") and i > slash) for i, b in enumerate(raw)]
    return "".join(f"%{b:02x}" if odd[i] else chr(b) for i, b in enumerate(raw))


def linked(root: str) -> frozenset[str]:
    """The symbols (`example.com/m/p.pageSize`) the module's //go:linkname directives and assembly name: another
    package's pull (`//go:linkname size example.com/m/p.pageSize`, then `size = 30000`) writes the variable, and
    the linker refuses only pulls of std. Each file is read again when its size or time changes (a long-lived
    process, the editor's server, sees a pull added); the proposal cache keys by them too."""
    found: set[str] = set()
    for directory, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.update(*(symbols(os.path.join(directory, f)) for f in files if f.endswith((".go", ".s"))))
    return frozenset(found)


_LINKED: dict[str, tuple[tuple[int, int], frozenset[str]]] = {}  # file -> (its mtime and size, its symbols)
# A symbol assembly names, `·` for each `.` and `∕` for each `/`: `MOVQ $30000, example·com∕m∕p·pageSize(SB)`.
ASM_SYMBOL = re.compile(r"[^\s(),$*+\-]*\u00b7\w+")


def symbols(path: str) -> frozenset[str]:
    """The symbols one .go file's //go:linkname directives or one assembly file names, read again when it changes."""
    try:
        stat = os.stat(path)
        seen = (stat.st_mtime_ns, stat.st_size)
        if _LINKED.get(path, (None,))[0] != seen:
            with open(path, "rb") as f:
                code = f.read().decode("utf-8", "replace")
            if path.endswith(".go"):
                found = {w for line in re.findall(r"//go:linkname\s[^\n]*", code) for w in line.split()[1:]}
            else:
                found = {w.replace("\u00b7", ".").replace("\u2215", "/") for w in ASM_SYMBOL.findall(code)}
            _LINKED[path] = (seen, frozenset(found))
    except OSError:
        return frozenset()  # gone since the walk
    return _LINKED[path][1]


def _initializer(view: PackageView, path: str, offset: int) -> Node | None:
    """The value a top-level `var name = value` (or `var a, name = x, value`) gives the name declared at offset;
    None also for a declaration in a file the package's sources do not hold (one cgo generates)."""
    if path not in view.sources:
        return None
    for spec, _ in _top_level(view, path):
        names = spec.children_by_field_name("name")
        at = [i for i, n in enumerate(names) if n.start_byte == offset]
        values = spec.child_by_field_name("value")
        if spec.type == "var_spec" and at and values is not None and len(values.named_children) == len(names):
            return values.named_children[at[0]]
    return None


def _top_level(view: PackageView, path: str) -> list[tuple[Node, set[bytes]]]:
    """Each top-level declaration of the file (specs, functions) with the names it declares."""

    def scan() -> list[tuple[Node, set[bytes]]]:
        found = []
        for decl in view.tree(path).root_node.named_children:
            specs = [decl] if decl.type == "function_declaration" else walk(decl, skip=_inner)
            for spec in specs:
                if spec.type in TOP_LEVEL:
                    found.append((spec, {text(n) for n in spec.children_by_field_name("name")}))
        return found

    return memo(view, ("frozen-top", path), scan)


def _inner(node: Node) -> bool:
    """Below a spec or a function: no more top-level declarations."""
    return node.type in ("expression_list", "block", "func_literal", "struct_type", "interface_type")


def _written(name: Node) -> bool:
    """May this occurrence of the name write the variable: assigned, incremented, addressed, or the operand
    of a selector (a method with a pointer receiver takes its address)?"""
    node, parent = held(name)
    if address_operand(parent) is not None or parent.type in ("inc_statement", "dec_statement"):
        return True
    if parent.type == "selector_expression" and parent.child_by_field_name("operand") == node:
        return True
    assigning = (a for a in ancestors(name) if a.type in ASSIGNING and a.child_by_field_name("left") is not None)
    return any(contains(a.child_by_field_name("left"), name) for a in assigning)
