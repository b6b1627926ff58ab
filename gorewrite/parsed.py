"""The escape compile's diagnostics, parsed once per output: a warm `check std` replays 14 MB of
compiler output that parses the same as last run (0.3 s, on the path to the first answer).

The parse is a pure function of the output's text, the directory go printed relative to (only where a
line names a file by a relative path: std's output names them by absolute paths, and a run from another
directory reads the same entry), the package's files (they resolve printed paths), whether `inlining
call to` lines are kept, and the code of escapes.py; an entry is named by a digest of all of them, so
none goes stale. Outputs shorter than SMALL parse faster than an entry is read. Entries are written
atomically and pruned with the findings (cache.py); a damaged one is parsed again.
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import cache as once
from pathlib import Path

from gorewrite import __version__, cache, escapes
from gorewrite.escapes import Escape

SMALL = 16 * 1024  # bytes: std's 153 outputs above it are 94% of its 14 MB
SCHEMA = 1  # the entries' layout: bump it when it changes
RELATIVE = re.compile(r"^(?!/|# |$)", re.MULTILINE)  # a line that may name a file relative to the base


class Recalled:
    """escapes.parse, read from the user cache where an earlier run parsed the same output."""

    def __init__(self) -> None:
        self.stored = False  # an entry was written: the folder may need pruning

    def __call__(self, text: str, base: str, files: tuple[str, ...] = (), inlining: bool = False) -> list[Escape]:
        if len(text) < SMALL:
            return escapes.parse(text, base, files, inlining)
        digest = hashlib.sha256(_code())
        where = base if RELATIVE.search(text) else ""  # absolute paths resolve alike from any base
        digest.update(json.dumps([where, files, inlining]).encode())
        digest.update(text.encode("utf-8", "surrogatepass"))
        name = f"{digest.hexdigest()}.json"
        found = _read(cache.fetch(folder(), name))
        if found is not None:
            return found
        found = escapes.parse(text, base, files, inlining)
        paths = list(dict.fromkeys(e.path for e in found))
        number = {path: i for i, path in enumerate(paths)}
        rows = [[number[e.path], e.line, e.col, e.message] for e in found]
        cache.store(folder(), name, json.dumps([paths, rows]).encode())
        self.stored = True
        return found


def folder() -> Path:
    return cache.directory() / "parsed"


@once
def _code() -> bytes:
    """What else decides a parse: the layout, gorewrite's version and the parser's own code."""
    return f"{SCHEMA}\0{__version__}\0".encode() + Path(escapes.__file__).read_bytes()


def _read(data: bytes | None) -> list[Escape] | None:
    if data is None:
        return None
    try:
        paths, rows = json.loads(data)
        return [Escape(paths[path], line, col, message) for path, line, col, message in rows]
    except (ValueError, TypeError, IndexError):
        return None
