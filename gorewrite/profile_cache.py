"""Parsed profiles kept on disk between runs (under gorewrite's cache, `profiles/`), so a second `check --profile`
on the same file loads each line's values, the totals and the sample types (8 MB for a 50 MB worst-case file, 0.2 s)
instead of unzipping and reading the profile again (1-2 s). The pprof reader (profile_reader.py) prints an entry.

An entry is named by a digest of the file's whole content (reading and hashing 50 MB takes under 0.1 s) and of
gorewrite's code, so a changed file or a changed reader is another entry and none goes stale; a file's path and
modification time would add nothing its bytes do not say. Writes are atomic and the least recently used entries
are pruned past LIMIT, as cache.py does for the rules' findings.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from gorewrite import cache

SCHEMA = 1  # the entries' layout: bump it when it changes
LIMIT = 64 * 1024 * 1024  # bytes of entries kept: a few large profiles

# What profile._read gives: the sample types, the default one, and (package, file) -> its lines (each line's number
# then its values) with the totals.
Parsed = tuple[tuple[tuple[str, str], ...], str, tuple[dict[tuple[str, str], list[int]], tuple[int, ...]]]


def key(data: bytes) -> str:
    """The entry's name for a profile file's bytes."""
    digest = hashlib.sha256(cache.code())
    digest.update(f"\0profile {SCHEMA}\0".encode())
    digest.update(data)
    return digest.hexdigest()


def load(name: str) -> Parsed | None:
    """The entry's parsed profile, or None when there is none (or it cannot be read: the file is parsed again)."""
    entry = cache.fetch(_folder(), f"{name}.json")
    if entry is None:
        return None
    try:
        return parse(entry)
    except (ValueError, TypeError, KeyError):
        return None


def parse(entry: bytes) -> Parsed:
    """An entry's parsed profile. Its lines are grouped by file, each line's number then its values: half the
    size of one row per line, and loaded as they are (a key per line took as long as the JSON)."""
    data = json.loads(entry)
    lines = {(package, file): flat for package, file, flat in data["files"]}
    return tuple(map(tuple, data["types"])), data["default"], (lines, tuple(data["totals"]))


def save(name: str, entry: bytes) -> None:
    """Keep an entry as the pprof reader printed it."""
    cache.store(_folder(), f"{name}.json", entry)
    cache.prune(LIMIT, _folder(), every=0)  # a few entries of megabytes each: the limit holds after every save


def _folder() -> Path:
    return cache.directory() / "profiles"
