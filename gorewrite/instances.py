"""Generic bodies, whose escapes the compiler prints where they are instantiated.

`go build -gcflags=-m` compiles a generic function's body in every package that instantiates it
(one copy per shape), and prints that copy's escapes in *that* package's section, at the generic
file's lines, each local name qualified by the package it belongs to (`moved to heap: g.total`,
`make([]go.shape.int, g.n)`). A package that never instantiates its own generic says nothing of it.
Here each such line is given to the package that holds the file, qualifiers dropped as its own
section would print them, each site once: a site is on the heap if any compiled copy puts it there.
Inlined copies of ordinary functions are printed at the call (the outermost position), never here.

`go build` leaves tests out: a generic only a package's own tests instantiate is compiled by none of it.
For the packages that declare a generic no compiled copy printed a line of (`unseen`), or one with a heap
site (`heap_in_generic`: a fix there must hold in every copy, its tests' too), `tested` compiles their test
variants too (`go list -export -test`: no link), and their lines count alike.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from gorewrite.escapes import ENDINGS, ESCAPE_FLAGS, BuildResult, Escape, parse
from gorewrite.toolchain import Toolchain, go_cwd

# A generic function's or a generic type's method's declaration: `func F[T any](`, `func (s *Set[T]) Add(`.
GENERIC = re.compile(rb"^func (?:\w+\s*\[|\([^)\n]*\[[^)\n]*\]\))", re.MULTILINE)


def attribute(
    result: BuildResult,
    files: dict[str, tuple[str, ...]],
    names: dict[str, str],
    standard: frozenset[str] = frozenset(),
) -> BuildResult:
    """The result with every diagnostic at a file of a listed package (`files`, `names`: import path ->
    its files, its package name) moved to that package, from whichever package's section printed it;
    `instances` says which packages printed some. `standard`: the listed std packages, whose files a
    replayed output may name under another installation's GOROOT."""
    owner = {path: pkg for pkg, paths in files.items() for path in paths}
    under_goroot = {f"{pkg}/{path.rsplit('/', 1)[-1]}": path for pkg in standard for path in files.get(pkg, ())}
    kept: dict[str, list[Escape]] = {}
    moved: dict[str, dict[Escape, None]] = {}
    printers: dict[str, set[str]] = {}
    qualifiers: dict[str, _Qualifier] = {}
    for printer, found in result.escapes.items():
        elsewhere = {}  # a path printed here -> the listed file it is and the other package that holds it
        for printed in {e.path for e in found}.difference(files.get(printer, ())):  # a path at a time, not a line
            path = printed if printed in owner else _in_goroot(printed, under_goroot)
            if path and owner.get(path, printer) != printer:
                elsewhere[printed] = path, owner[path]
        if not elsewhere:
            kept[printer] = list(found)
            continue
        kept[printer] = [e for e in found if e.path not in elsewhere]
        variant = printer.split(" [", 1)[0]  # `g [g.test]`, g compiled with its tests: g's own words
        for e in (e for e in found if e.path in elsewhere):
            path, pkg = elsewhere[e.path]
            if pkg not in qualifiers:
                qualifiers[pkg] = _Qualifier(names.get(pkg, ""), pkg)
            message = e.message if variant == pkg else qualifiers[pkg].drop(e.message)
            moved.setdefault(pkg, {})[Escape(path, e.line, e.col, message)] = None
            printers.setdefault(pkg, set()).add(printer)
    if not moved:
        return result
    for pkg, found in moved.items():
        if pkg in result.failed:
            continue
        merge(kept, {pkg: list(found)})
    instances = {pkg: tuple(sorted(found)) for pkg, found in sorted(printers.items())}
    return replace(result, escapes=kept, instances=instances)


def _in_goroot(path: str, under_goroot: dict[str, str]) -> str | None:
    """The listed std file a path names under another installation's GOROOT (`…/go/src/slices/sort.go`)."""
    if not under_goroot:
        return None
    parts = path.replace("\\", "/").split("/")
    for i in range(len(parts) - 2, 0, -1):
        if parts[i - 1] == "src" and "/".join(parts[i:]) in under_goroot:
            return under_goroot["/".join(parts[i:])]
    return None


class _Qualifier:
    """What the compiler puts before a package's own names in another package's section: its name, or
    its quoted import path when two imported packages share the name. String literals are matched
    first, to be left as they are. Compiled on the first message that holds either (most hold neither)."""

    def __init__(self, name: str, import_path: str) -> None:
        self.name, self.import_path = name, import_path
        self.needles = (f'"{import_path}".', *([f"{name}."] if name else []))
        self.pattern: re.Pattern[str] | None = None

    def drop(self, message: str) -> str:
        """The message as the package's own section prints it: `moved to heap: g.total` -> `moved to heap: total`."""
        if not any(needle in message for needle in self.needles):
            return message  # neither alternative of the pattern can match: nothing to drop
        if self.pattern is None:
            quoted = re.escape('"' + self.import_path + '"')
            named = rf"|(?<![\w.]){re.escape(self.name)}\." if self.name else ""
            self.pattern = re.compile(rf'(?P<q>{quoted}\.{named})|"(?:[^"\\]|\\.)*"|`[^`]*`')
        return self.pattern.sub(lambda m: "" if m["q"] else m[0], message)


def generics(source: bytes) -> list[tuple[int, range]]:
    """Each generic declaration's start offset and line range (a guess from the text: up to its `\n}`)."""
    found = []
    for match in GENERIC.finditer(source):
        first = source.count(b"\n", 0, match.start()) + 1
        end = source.find(b"\n}", match.start())
        last = source.count(b"\n", 0, end) + 2 if end >= 0 else first
        found.append((match.start(), range(first, last + 1)))
    return found


def unseen(sources: dict[str, bytes], escapes: list[Escape] | tuple[Escape, ...]) -> bool:
    """Does a file declare a generic whose declaration no compiled copy printed a line of? (A guess from
    the text: a generic compiled with nothing to say is compiled again for nothing, no more.)"""
    said: dict[str, set[int]] = {}
    for e in escapes:
        said.setdefault(e.path, set()).add(e.line)
    found = ((path, lines) for path, source in sources.items() for _, lines in generics(source))
    return any(not said.get(path, set()).intersection(lines) for path, lines in found)


def heap_in_generic(sources: dict[str, bytes], escapes: list[Escape] | tuple[Escape, ...]) -> bool:
    """Does a heap escape lie in a generic's body? Its tests may instantiate it with other shapes, whose
    copies a fix there must hold in too."""
    lines = {path: [r for _, r in generics(source)] for path, source in sources.items()}
    return any(e.heap and any(e.line in r for r in lines.get(e.path, ())) for e in escapes)


def copies_of(
    targets: tuple[Escape, ...], sources: Mapping[str, bytes], now: dict[str, bytes], sections: dict[str, list[Escape]]
) -> set[str]:
    """The sections (packages, test variants) that printed a line of a generic the targets lie in, found in the
    rewritten file (`now`) by its declaration's first line: the copies compiled of it (none: not in a generic)."""
    found: set[str] = set()
    for t in targets:
        source = sources.get(t.path, b"")
        for start, lines in generics(source):
            rewritten = now.get(t.path, source)
            moved = dict(generics(rewritten)).get(rewritten.find(source[start : source.find(b"\n", start)]))
            if t.line in lines and moved:
                found |= {p for p, said in sections.items() if any(e.path == t.path and e.line in moved for e in said)}
    return found


def shown(printer: str) -> str:
    """A section as a claim names it: `example.com/a/xt_test [example.com/a/xt.test]` -> `example.com/a/xt's tests`."""
    return f"{printer.split(' [', 1)[1].removesuffix('.test]')}'s tests" if " [" in printer else printer


def test_sections(
    toolchain: Toolchain,
    packages: list[str],
    cwd: str,
    files: dict[str, tuple[str, ...]],
    overlay: str | None = None,
) -> dict[str, list[Escape]]:
    """Per test variant (`p [p.test]`, `p_test [p.test]`), the diagnostics it printed at listed files.
    Compiled, not linked; a variant that fails to build says nothing (the package itself built)."""
    args = ["list", "-e", "-export", "-test", "-f", "", *ESCAPE_FLAGS, *([f"-overlay={overlay}"] if overlay else [])]
    done = toolchain.run([*args, "--", *packages], cwd)
    base = go_cwd(cwd, toolchain.env)
    sections: dict[str, list[Escape]] = {}
    for chunk in ("\n" + done.stderr.decode(errors="replace")).split("\n# ")[1:]:
        header, _, text = chunk.partition("\n")
        printer = header.strip()
        if " [" in printer:  # a test variant; the package itself printed in the escape compile
            owner = printer.split(" [", 1)[0]
            sections.setdefault(printer, []).extend(parse(text, base, files.get(owner, ())))
    return sections


def tested(
    toolchain: Toolchain,
    packages: list[str],
    cwd: str,
    files: dict[str, tuple[str, ...]],
    names: dict[str, str],
    overlay: str | None = None,
) -> dict[str, list[Escape]]:
    """Per package, the diagnostics at its files that its test variants print (its own tests' instantiations
    of its generics), as `attribute` gives them."""
    found = attribute(BuildResult(test_sections(toolchain, packages, cwd, files, overlay), {}), files, names)
    return {pkg: found.escapes.get(pkg, []) for pkg in packages}


def said_by_tests(
    problem: str,
    pkg: str,
    untested: list[Escape],
    sections: dict[str, list[Escape]],
    files: dict[str, tuple[str, ...]],
    names: dict[str, str],
) -> str:
    """`, in the copy compiled for p's tests` when only a test variant's copy of a generic says the message the
    problem quotes: the fix holds in every other instantiation."""
    quoted = problem.split("`")[1] if problem.count("`") >= 2 else None
    if quoted is None or any(e.message == quoted for e in untested):
        return ""
    tests = [
        shown(p)
        for p, said in sections.items()
        if any(e.message == quoted for e in attribute(BuildResult({p: said}, {}), files, names).escapes.get(pkg, []))
    ]
    return f", in the copy compiled for {' and '.join(sorted(set(tests)))}" if tests else ""


def merge(escapes: dict[str, list[Escape]], more: dict[str, list[Escape]]) -> None:
    """Add `more` to each package's diagnostics, each site once: copies of other shapes spell the same
    expression otherwise (`&entry[go.shape.int]{...}`, `&entry[go.shape.string]{...}`)."""
    for pkg, found in more.items():
        had = escapes.setdefault(pkg, [])
        seen = {_site(e) for e in had}
        for e in found:
            if _site(e) not in seen:
                seen.add(_site(e))
                had.append(e)


def _site(e: Escape) -> tuple:
    """What is said once per position: an expression's escape (or a make's stack verdict) whatever its text,
    anything else (a variable moved to heap, an inlining verdict) by its text."""
    for ending in ENDINGS:
        if e.message.endswith(ending):
            return (e.path, e.line, e.col, ending)
    return e
