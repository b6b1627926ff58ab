"""The pipeline's results as LSP values: byte columns become the client's position units, a heap
escape a diagnostic, a compile error an Error diagnostic, a verified file content one text edit."""

from __future__ import annotations

import os
import re

from lsprotocol import types
from pygls.workspace import TextDocument

from gorewrite.pipeline import Analysis
from gorewrite.profile import HOT

# `file.go:12:5: message` in go list's and the compiler's errors (the path relative or absolute).
ERROR_AT = re.compile(r"^(?:.*?[/\\])?([^/\\:\s]+\.go):(\d+)(?::(\d+))?: (.+)$", re.MULTILINE)
IGNORE_REASON = "TODO: say why this allocation stays"


def diagnostics(doc: TextDocument, path: str, run: Analysis) -> list[types.Diagnostic]:
    """The document's heap escapes (Information, or Warning on a line a configured profile calls hot;
    the rule that recognises it as the code), and the errors that keep its package from building
    (Error; at the top of the file when they are elsewhere)."""
    found = []
    ignored = run.ignored()
    hot = run.weights.hot(HOT) if run.weights else set()
    for e, rule in run.sites:
        if e.path != path or e in ignored:
            continue
        only = run.reported_by.get(e, ())
        when = f" (with {', '.join(only)} only)" if only and len(only) < len(run.toolchains) else ""
        found.append(
            types.Diagnostic(
                _token_range(doc, e.line, e.col),
                e.message + when,
                severity=types.DiagnosticSeverity.Warning
                if (e.path, e.line) in hot
                else types.DiagnosticSeverity.Information,
                code=rule,
                source="gorewrite",
                data={"rule": rule},
            )
        )
    name = os.path.basename(path)
    for pkg, error in sorted(run.broken.items()):
        here = [m for m in ERROR_AT.finditer(error) if m[1] == name]
        for m in here:
            found.append(_error(_token_range(doc, int(m[2]), int(m[3] or 1)), m[4]))
        if not here:
            found.append(_error(_token_range(doc, 1, 1), f"{pkg} does not build: {error.splitlines()[0]}"))
    return found


def _error(where: types.Range, message: str) -> types.Diagnostic:
    return types.Diagnostic(where, message, severity=types.DiagnosticSeverity.Error, source="gorewrite")


def _token_range(doc: TextDocument, line: int, col: int) -> types.Range:
    """From the compiler's 1-based line and byte column to the end of the word there, in client units."""
    lines = doc.lines
    if not lines:
        return types.Range(types.Position(0, 0), types.Position(0, 0))
    row = min(max(line, 1), len(lines)) - 1
    text = lines[row]
    start = len(text.encode()[: max(col, 1) - 1].decode(errors="ignore"))
    word = re.match(r"\w+|[^\s\w]", text[start:])
    end = start + (len(word.group(0)) if word else 0)
    return types.Range(_client(doc, row, start), _client(doc, row, end))


def _client(doc: TextDocument, row: int, character: int) -> types.Position:
    return doc.client_position_at_offset(sum(len(line) for line in doc.lines[:row]) + character)


def text_edit(doc: TextDocument, new: str) -> types.TextEdit:
    """One edit turning the document into `new`: the lines between their common first and last lines."""
    old_lines, new_lines = doc.source.splitlines(True), new.splitlines(True)
    head = 0
    while head < min(len(old_lines), len(new_lines)) and old_lines[head] == new_lines[head]:
        head += 1
    tail = 0
    while (
        tail < min(len(old_lines), len(new_lines)) - head
        and old_lines[len(old_lines) - 1 - tail] == new_lines[len(new_lines) - 1 - tail]
    ):
        tail += 1
    start = sum(map(len, old_lines[:head]))
    end = sum(map(len, old_lines[: len(old_lines) - tail]))
    replaced = "".join(new_lines[head : len(new_lines) - tail])
    return types.TextEdit(
        types.Range(doc.client_position_at_offset(start), doc.client_position_at_offset(end)), replaced
    )


def ignore_edit(doc: TextDocument, line: int, rule: str) -> types.TextEdit:
    """`//gorewrite:ignore <rule> <reason>` at the end of the site's line, the reason left for the user to give."""
    text = doc.lines[line - 1].rstrip("\r\n")
    at = _client(doc, line - 1, len(text))
    return types.TextEdit(types.Range(at, at), f" //gorewrite:ignore {rule} {IGNORE_REASON}")
