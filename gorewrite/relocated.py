"""rangefunc.relocate, read from the user cache where an earlier run relocated the same package:
a warm `check std` parsed the files of its range-over-func packages and of the std iterators they
call, every run, to move the same lines (0.2-0.3 s of 1.5).

relocate reads the package's escapes, the .go files of its directory, its compiled files' names,
and the std packages `library` gives; an entry is named by a digest of the first three (the files
by their sha256, known unread where files.py remembers them), the toolchain's version and gorewrite's
code (cache.code), and holds with the notes each std package relocate asked for, by a digest of
where its files were read and their bytes: the entry is used only while each is the same now.
Entries are written atomically and pruned with the findings; a damaged one is computed again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

from gorewrite import cache
from gorewrite.escapes import Escape
from gorewrite.files import Sources
from gorewrite.iterators import Standard
from gorewrite.rangefunc import Note, bodies, relocate

SCHEMA = 1  # the entries' layout: bump it when it changes


class Relocations:
    """relocate per package, cached unless `use` is False (--no-cache)."""

    def __init__(self, use: bool = True) -> None:
        self.use = use
        self.stored = False  # an entry was written: the folder may need pruning

    def __call__(
        self, escapes: Sequence[Escape], sources: Sources, files: tuple[str, ...], library: Standard, version: str
    ) -> tuple[list[Escape], list[Note]]:
        if not self.use or not bodies(escapes):
            return relocate(escapes, sources.get, files, library)
        name = _key(escapes, sources, files, version)
        notes = _read(cache.fetch(folder(), name), library)
        if notes is not None:
            told = {n.escape: n.to for n in notes}
            return [told.get(e) or e for e in escapes], notes
        asked: dict[str, None] = {}

        def recorded(path: str) -> list[bytes] | None:
            asked[path] = None
            return library(path)

        moved, notes = relocate(escapes, sources.get, files, recorded)
        if not sources.changed:  # else the key names bytes relocate did not see
            rows = [[*n.escape, [*n.to] if n.to else None, n.reason, list(n.candidates)] for n in notes]
            entry = {"library": {path: library.fingerprint(path) for path in asked}, "notes": rows}
            cache.store(folder(), name, json.dumps(entry).encode())
            self.stored = True
        return moved, notes


def folder() -> Path:
    return cache.directory() / "relocated"


def _key(escapes: Sequence[Escape], sources: Sources, files: tuple[str, ...], version: str) -> str:
    digest = hashlib.sha256(cache.code())
    digest.update(json.dumps([SCHEMA, version, files]).encode())
    for path in sources:
        digest.update(f"\0{path}\0".encode() + sources.digest(path))
    digest.update("\n".join([f"{path}:{line}:{col}:{said}" for path, line, col, said in escapes]).encode())
    return f"{digest.hexdigest()}.json"


def _read(data: bytes | None, library: Standard) -> list[Note] | None:
    """The entry's notes, or None when there is none, it cannot be read, or a std package it read has moved."""
    if data is None:
        return None
    try:
        entry = json.loads(data)
        if any(library.fingerprint(path) != was for path, was in entry["library"].items()):
            return None
        return [
            Note(_escape(escape), _escape(to) if to else None, reason, tuple(candidates))
            for *escape, to, reason, candidates in entry["notes"]
        ]
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError):  # damaged: computed again
        return None


def _escape(row: list) -> Escape:
    """An escape as the entry keeps it, checked: a damaged or tampered row is a TypeError, not a site."""
    path, line, col, message = row
    if not (isinstance(path, str) and type(line) is int and type(col) is int and isinstance(message, str)):
        raise TypeError(f"not an escape: {row!r}")
    return Escape(path, line, col, message)
