"""Byte-range edits on one file's bytes, applied in one validated pass."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Edit:
    """Replace bytes [start, end) of the file at `path` (absolute) with `new`.

    `shared`: the edit adds an import spec, which a file needs once however many fixes need it, so
    several fixes making this very edit share one copy. Never a statement (two fixes inserting one must
    each run it) nor a declaration of theirs (each fix needs its own).
    """

    path: str
    start: int
    end: int
    new: bytes
    shared: bool = False


class EditConflict(ValueError):
    """Two edits replace the same bytes: merging them blindly could produce any text."""


def apply(source: bytes, edits: Iterable[Edit]) -> bytes:
    """The source with every edit applied; offsets are bytes of the original source.

    Edits are sorted by (start, end); the sort is stable, so insertions at one point
    keep the order they were given in. A shared edit given more than once is applied once.
    """
    ordered = [e for e, _ in placed(edits)]
    paths = {e.path for e in ordered}
    if len(paths) > 1:
        raise ValueError(f"edits for more than one file: {sorted(paths)}")
    parts = []
    pos = 0
    prev = None
    for e in ordered:
        if not 0 <= e.start <= e.end <= len(source):
            raise ValueError(f"{e.path}: edit [{e.start}, {e.end}) is outside the file's {len(source)} bytes")
        if prev is not None and e.start < prev.end:
            raise EditConflict(f"{e.path}: edits overlap: bytes [{prev.start}, {prev.end}) and [{e.start}, {e.end})")
        parts.append(source[pos : e.start])
        parts.append(e.new)
        pos = e.end
        prev = e
    parts.append(source[pos:])
    return b"".join(parts)


def placed(edits: Iterable[Edit]) -> list[tuple[Edit, int]]:
    """The edits in the order apply makes them, each with the offset in apply's result its new bytes start at."""
    found, shift = [], 0
    for e in sorted(_once(edits), key=lambda e: (e.start, e.end)):
        found.append((e, e.start + shift))
        shift += len(e.new) - (e.end - e.start)
    return found


def _once(edits: Iterable[Edit]) -> list[Edit]:
    """The edits with each shared edit's repeats left out, the order of the rest kept."""
    found, seen = [], set()
    for e in edits:
        if e.shared and e in seen:
            continue
        seen.add(e)
        found.append(e)
    return found


def conflicts(a: Iterable[Edit], b: Iterable[Edit]) -> bool:
    """Whether two proposals touch the same bytes, so one must wait for a later round.

    Conservative on purpose: edits that merely meet at a boundary count as touching,
    because their order at that point would be a guess. A shared edit both make is no conflict:
    applied once, it gives each what it needs; nor are two shared insertions at one point (two
    imports added there), whose order Go ignores and gofmt sorts.
    """
    others = list(b)
    return any(
        x.path == y.path and x.start <= y.end and y.start <= x.end and not _imports_together(x, y)
        for x in a
        for y in others
    )


def _imports_together(x: Edit, y: Edit) -> bool:
    """The same shared edit, or two shared insertions at one point."""
    return x.shared and y.shared and (x == y or x.start == x.end == y.start == y.end)
