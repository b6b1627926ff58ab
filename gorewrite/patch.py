"""Unified diffs that git apply and patch -p1 accept, and line bookkeeping across a rewrite."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable

from gorewrite.edits import Edit, apply
from gorewrite.unused_imports import Names, tidy

NO_NEWLINE = "\\ No newline at end of file\n"


def unified_diff(old: bytes, new: bytes, relpath: str, context: int = 3, created: bool = False) -> str:
    """A diff from old to new with `a/` and `b/` paths relative to the module root; "" when equal.

    A file the rewrite creates comes from `/dev/null`, as git and patch expect. Paths are
    written as git writes them (`header_path`), so names with spaces or non-ASCII bytes apply too.

    Lines are decoded with surrogateescape, so encoding the diff the same way gives back
    any bytes the file held; CRLF endings stay on their lines.
    """
    if old == new:
        return ""
    old_lines = [line.decode("utf-8", "surrogateescape") for line in split_lines(old)]
    new_lines = [line.decode("utf-8", "surrogateescape") for line in split_lines(new)]
    out = []
    source = "/dev/null" if created else header_path(f"a/{relpath}")
    for line in difflib.unified_diff(old_lines, new_lines, source, header_path(f"b/{relpath}"), n=context):
        out.append(line)
        if not line.endswith("\n"):
            # Only a file's last line lacks a newline: say so the way diff does.
            out.append("\n" + NO_NEWLINE)
    return "".join(out)


C_ESCAPES = {7: "a", 8: "b", 9: "t", 10: "n", 11: "v", 12: "f", 13: "r", 34: '"', 92: "\\"}


def header_path(name: str) -> str:
    """A path as git writes it on `---`/`+++` lines: C-quoted when it holds a quote, a backslash,
    a control or a non-ASCII byte (octal escapes, which git apply and GNU patch both read); followed
    by a tab when it holds a space, so that patch does not take the rest for a timestamp."""
    raw = name.encode("utf-8", "surrogateescape")
    if any(b < 32 or b >= 127 or b in (34, 92) for b in raw):
        body = "".join(
            "\\" + C_ESCAPES[b] if b in C_ESCAPES else chr(b) if 32 <= b < 127 else f"\\{b:03o}" for b in raw
        )
        return f'"{body}"'
    return name + "\t" if " " in name else name


def read_header_path(text: str) -> str:
    """The path `header_path` wrote (what unidiff hands back: quotes and escapes kept, the tab gone)."""
    if not (len(text) >= 2 and text[0] == text[-1] == '"'):
        return text
    names = {v: k for k, v in C_ESCAPES.items()}
    raw = re.sub(
        rb"\\([0-7]{3}|.)",
        lambda m: bytes([int(m[1], 8) if len(m[1]) == 3 else names.get(m[1].decode("latin-1"), m[1][0])]),
        text[1:-1].encode("latin-1", "surrogateescape"),
    )
    return raw.decode("utf-8", "surrogateescape")


def hunks(old: bytes, new: bytes) -> list[tuple[int, int, bytes]]:
    """The diff without context, as byte replacements: old[start:end] becomes the new bytes.

    Whole lines, endings included, so applying every replacement gives `new` exactly.
    """
    a, b = split_lines(old), split_lines(new)
    starts = [0]
    for line in a:
        starts.append(starts[-1] + len(line))
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return [
        (starts[i1], starts[i2], b"".join(b[j1:j2])) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"
    ]


def line_endings(original: bytes, formatted: bytes) -> bytes:
    """gofmt's LF output, converted back to CRLF when most of the original's newlines were CRLF."""
    crlf = original.count(b"\r\n")
    if crlf <= original.count(b"\n") - crlf:
        return formatted
    return re.sub(rb"(?<!\r)\n", b"\r\n", formatted)


def line_map(old: bytes, new: bytes) -> dict[int, int]:
    """Old 1-based line → new 1-based line, for the lines the rewrite left unchanged."""
    mapping = {}
    for tag, i1, i2, j1, _ in _opcodes(old, new):
        if tag == "equal":
            mapping.update((i1 + k + 1, j1 + k + 1) for k in range(i2 - i1))
    return mapping


def changed_lines(old: bytes, new: bytes) -> set[int]:
    """The new 1-based lines that the rewrite inserted or replaced: where new escapes would be its fault."""
    return {j + 1 for tag, _, _, j1, j2 in _opcodes(old, new) if tag != "equal" for j in range(j1, j2)}


def _opcodes(old: bytes, new: bytes) -> list[tuple[str, int, int, int, int]]:
    # Compare lines without their endings: a newline gofmt adds at the end is no change.
    # autojunk=False: in long files it would junk "}" and blank lines and misalign the rest.
    a = [line.rstrip(b"\r\n") for line in split_lines(old)]
    b = [line.rstrip(b"\r\n") for line in split_lines(new)]
    return difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()


def split_lines(data: bytes) -> list[bytes]:
    """Lines with their endings, split on \\n only: bytes.splitlines also splits on a lone \\r, which Go does not."""
    lines = [line + b"\n" for line in data.split(b"\n")]
    lines[-1] = lines[-1][:-1]
    return lines if lines[-1] else lines[:-1]


def render(gofmt: Callable[[bytes], bytes], source: bytes | None, new: bytes) -> bytes:
    """The edited file, gofmt'ed when the original was, with its own line endings; a file the edits
    create (source None) is gofmt'ed (formatted.formatter's gofmt). Raises UserError when gofmt cannot parse it."""
    if source is None:
        return gofmt(new)
    if gofmt(source) == source.replace(b"\r\n", b"\n"):
        new = line_endings(source, gofmt(new))
    return new


def rewritten(
    gofmt: Callable[[bytes], bytes], sources: dict[str, bytes], edits: list[Edit], names: Names | None = None
) -> dict[str, bytes]:
    """The new content of every file the edits touch, the one place edits become file text; a file
    not in `sources` is created, its lines ending as its siblings' do (raises EditConflict or UserError).
    With `names` (an import path's package name), an import the edits together leave unused goes
    (unused_imports: blanked where the package would no longer import it)."""
    by_file: dict[str, list[Edit]] = {}
    for edit in edits:
        by_file.setdefault(edit.path, []).append(edit)
    applied = {path: apply(sources.get(path, b""), mine) for path, mine in by_file.items()}
    if names is not None:
        applied = tidy(sources, applied, names)
    model = next((sources[e.path] for e in edits if e.path in sources), b"")
    return {
        path: render(gofmt, sources[path], new) if path in sources else line_endings(model, render(gofmt, None, new))
        for path, new in applied.items()
    }


def unformatted(raw: bytes, formatted: bytes) -> Callable[[int, int], tuple[int, int]]:
    """Where a 1-based line and column of `formatted` (gofmt's output of the edited `raw`, imports tidied) was
    in `raw`, as a byte range: lines are compared without their whitespace, so a line gofmt only re-spaced
    maps byte for byte (its n-th non-blank byte is the raw line's n-th); one it rewrote more (a `;` split,
    a trailing comma dropped) maps to the whole of the raw lines it came from."""
    a, b = split_lines(raw), split_lines(formatted)
    starts = [0]
    for line in a:
        starts.append(starts[-1] + len(line))
    rows: dict[int, int | tuple[int, int]] = {}
    bare = difflib.SequenceMatcher(None, [_bare(x) for x in a], [_bare(x) for x in b], autojunk=False)
    for tag, i1, i2, j1, j2 in bare.get_opcodes():
        rows.update((j, i1 + j - j1 if tag == "equal" else (i1, i2)) for j in range(j1, j2))

    def at(line: int, col: int) -> tuple[int, int]:
        row = rows.get(line - 1, (len(a), len(a)))
        if isinstance(row, tuple):
            return starts[row[0]], max(starts[row[1]], starts[row[0]] + 1)
        marks = [m.start() for m in re.finditer(rb"\S", a[row])]
        n = len(_bare(b[line - 1][: max(col - 1, 0)]))
        start = starts[row] + (marks[n] if n < len(marks) else len(a[row]))
        return start, start + 1

    return at


def _bare(line: bytes) -> bytes:
    """The line without its whitespace: what gofmt leaves as it was."""
    return re.sub(rb"\s+", b"", line)
