"""Generic bodies, whose escapes the compiler prints where they are instantiated.

`go build -gcflags=-m` compiles a generic function's body in every package that instantiates it
(one copy per shape), and prints that copy's escapes in *that* package's section, at the generic
file's lines, each local name qualified by the package it belongs to (`moved to heap: g.total`,
`make([]go.shape.int, g.n)`). A package that never instantiates its own generic says nothing of it.
Here each such line is given to the package that holds the file, qualifiers dropped as its own
section would print them, each site once: a site is on the heap if any compiled copy puts it there.
Inlined copies of ordinary functions are printed at the call (the outermost position), never here.
"""

from __future__ import annotations

import re
from dataclasses import replace

from gorewrite.escapes import BuildResult, Escape


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
    kept: dict[str, list[Escape]] = {pkg: [] for pkg in result.escapes}
    moved: dict[str, dict[Escape, None]] = {}
    printers: dict[str, set[str]] = {}
    qualifiers: dict[str, re.Pattern[str]] = {}
    for printer, found in result.escapes.items():
        own = set(files.get(printer, ()))
        for e in found:
            if e.path in own:
                kept[printer].append(e)
                continue
            path = e.path if e.path in owner else _in_goroot(e.path, under_goroot)
            pkg = owner.get(path) if path else None
            if pkg is None or pkg == printer:
                kept[printer].append(e)
                continue
            if pkg not in qualifiers:
                qualifiers[pkg] = _qualifier(names.get(pkg, ""), pkg)
            moved.setdefault(pkg, {})[Escape(path, e.line, e.col, unqualified(e.message, qualifiers[pkg]))] = None
            printers.setdefault(pkg, set()).add(printer)
    if not moved:
        return result
    for pkg, found in moved.items():
        if pkg in result.failed:
            continue
        had = kept.setdefault(pkg, [])
        had += [e for e in found if e not in set(had)]
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


def _qualifier(name: str, import_path: str) -> re.Pattern[str]:
    """What the compiler puts before a package's own names in another package's section: its name, or
    its quoted import path when two imported packages share the name. String literals are matched
    first, to be left as they are."""
    quoted = re.escape('"' + import_path + '"')
    named = rf"|(?<![\w.]){re.escape(name)}\." if name else ""
    return re.compile(rf'(?P<q>{quoted}\.{named})|"(?:[^"\\]|\\.)*"|`[^`]*`')


def unqualified(message: str, qualifier: re.Pattern[str]) -> str:
    """The message as the package's own section prints it: `moved to heap: g.total` -> `moved to heap: total`."""
    return qualifier.sub(lambda m: "" if m["q"] else m[0], message)
