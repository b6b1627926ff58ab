"""Code that tells which file it is in: moving it to another file (a build variant) changes what it does.

`runtime.Caller(0)` in a function moved from neg.go to neg_go125.go reports neg_go125.go (adv35e); so
do stack traces, a logger's `Lshortfile`, slog's `AddSource`, and go generate's `$GOFILE`. Functions
and methods are told by go/types (package path, receiver, name); a constant by the import it is
selected from; slog's field by go/types' field kind and its name. A logger configured elsewhere
(`log.SetFlags(log.Lshortfile)` in main) still reports the moved function's file: that is not seen here.
"""

from __future__ import annotations

import re

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


def reports_file(
    types: TypeInfo, path: str, source: bytes, span: tuple[int, int], imports: list[tuple[int, int, str]]
) -> str | None:
    """What in source[span] depends on the file it is in, or None. `imports`: each import spec's byte
    range and path, to tell which package a selected constant comes from."""
    start, end = span
    if GENERATE.search(source, start, end):
        return "a //go:generate line (go generate runs it with $GOFILE set to the file it is in)"
    idents = sorted((i for i in types.idents.get(path, ()) if start <= i.start < end), key=lambda i: i.start)
    for n, ident in enumerate(idents):
        if ident.kind in (Kind.FUNC, Kind.METHOD) and ident.pkg is not None:
            said = FUNCS.get((ident.pkg, ident.recv or "", ident.name))
            if said:
                return said
        if ident.kind == Kind.FIELD and ident.name == "AddSource":
            return "slog's AddSource"
        if ident.kind == Kind.CONST and n > 0:
            said = CONSTS.get((_package(idents[n - 1], ident, imports), ident.name))
            if said:
                return said
    return None


def _package(before: Ident, ident: Ident, imports: list[tuple[int, int, str]]) -> str | None:
    """The import path of `pkg` in `pkg.Name` (before: pkg, ident: Name), or None when not so selected."""
    if before.kind != Kind.PKGNAME or before.obj is None or before.end + 1 != ident.start:
        return None
    offset = int(before.obj.rpartition(":")[2])
    return next((p for start, end, p in imports if start <= offset < end), None)
