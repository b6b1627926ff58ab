"""Code that tells which file it is in: moving it to another file (a build variant) changes what it does.

`runtime.Caller(0)` in a function moved from neg.go to neg_go125.go reports neg_go125.go (adv35e); so
do stack traces, a logger's `Lshortfile`, slog's `AddSource`, and go generate's `$GOFILE`. Functions
and methods are told by go/types (package path, receiver, name); a constant by the import it is
selected from; slog's field by go/types' field kind and its name. The package's own functions a
moved function calls are read too, transitively (adv35g: `at()` calling `runtime.Caller(1)` reports
its caller's file). A logger configured elsewhere (`log.SetFlags(log.Lshortfile)` in main) and code of
other packages that reads its callers' frames still report the moved function's file: not seen here.
"""

from __future__ import annotations

import re

from gorewrite import callees
from gorewrite.proposals import PackageView
from gorewrite.syntax import import_specs, text
from gorewrite.typeinfo import Ident, Kind, TypeInfo

# (package path, receiver type, name) of the funcs and methods whose result holds the caller's file.
FUNCS = {
    ("runtime", "", "Caller"): "runtime.Caller",
    ("runtime", "", "Callers"): "runtime.Callers",
    ("runtime", "", "Stack"): "runtime.Stack",
    ("runtime", "Func", "FileLine"): "runtime.FuncForPC(…).FileLine",
    ("runtime/debug", "", "Stack"): "debug.Stack",
    ("runtime/debug", "", "PrintStack"): "debug.PrintStack",
}
CONSTS = {("log", "Lshortfile"): "log.Lshortfile", ("log", "Llongfile"): "log.Llongfile"}
GENERATE = re.compile(rb"^//go:generate\b", re.MULTILINE)  # go generate reads such a line anywhere in a file


def reports_file(view: PackageView, types: TypeInfo, path: str, span: tuple[int, int]) -> str | None:
    """What in path's bytes span, or in a function of the package it calls, depends on the file it is
    in, or None."""
    return _reports(view, types, path, span, set())


def _reports(view: PackageView, types: TypeInfo, path: str, span: tuple[int, int], seen: set[str]) -> str | None:
    start, end = span
    source = view.sources[path]
    if GENERATE.search(source, start, end):
        return "a //go:generate line (go generate runs it with $GOFILE set to the file it is in)"
    imports = [
        (s.start_byte, s.end_byte, text(s.child_by_field_name("path")).strip(b'"`').decode())
        for d in view.tree(path).root_node.named_children
        if d.type == "import_declaration"
        for s in import_specs(d)
    ]
    idents = sorted((i for i in types.idents.get(path, ()) if start <= i.start < end), key=lambda i: i.start)
    for n, ident in enumerate(idents):
        if ident.kind in (Kind.FUNC, Kind.METHOD) and ident.pkg is not None:
            said = FUNCS.get((ident.pkg, ident.recv or "", ident.name))
            if said:
                return said
        if (
            ident.kind in (Kind.FUNC, Kind.METHOD)
            and ident.obj
            and ident.obj not in seen
            and not _inside(ident.obj, path, span)
        ):
            seen.add(ident.obj)
            found = callees.declaration(view, (ident.pkg, ident.recv or "", ident.name))
            said = found and _reports(view, types, found[0], (found[1].start_byte, found[1].end_byte), seen)
            if said:
                return f"{ident.name}, which uses {said}"
        if ident.kind == Kind.FIELD and ident.name == "AddSource":
            return "slog's AddSource"
        if ident.kind == Kind.CONST and n > 0:
            said = CONSTS.get((_package(idents[n - 1], ident, imports), ident.name))
            if said:
                return said
    return None


def _inside(obj: str, path: str, span: tuple[int, int]) -> bool:
    """Whether obj ("<file>:<offset>") is declared inside the span being read (the function's own name)."""
    file, _, offset = obj.rpartition(":")
    return file == path and span[0] <= int(offset) < span[1]


def _package(before: Ident, ident: Ident, imports: list[tuple[int, int, str]]) -> str | None:
    """The import path of `pkg` in `pkg.Name` (before: pkg, ident: Name), or None when not so selected."""
    if before.kind != Kind.PKGNAME or before.obj is None or before.end + 1 != ident.start:
        return None
    offset = int(before.obj.rpartition(":")[2])
    return next((p for start, end, p in imports if start <= offset < end), None)
