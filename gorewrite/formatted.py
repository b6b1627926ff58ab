"""gofmt's output, remembered: a warm `fix --dry-run std` started 50 gofmt processes (~0.2 CPU-s) for 25
files, each formatted twice, once only to learn whether the original was gofmt-clean.

gofmt run on its standard input, without flags, reads nothing else that decides its output (no go.mod,
no configuration), so the output is a function of the input's bytes and of the gofmt binary: an entry is
named by a digest of both, the binary by its content (a gofmt rebuilt or upgraded in place is another
key) and by the release the go beside it runs (a version manager's shim is one script for every release
it picks), so none goes stale. Entries are written atomically and pruned like the others (cache.py); input
gofmt rejects is never stored (it fails again, with gofmt's own error).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from functools import cache as once
from pathlib import Path

from gorewrite import cache
from gorewrite.toolchain import Toolchain

SCHEMA = 1  # the entries' layout: bump it when it changes


def formatter(toolchain: Toolchain, remember: bool = True) -> Callable[[bytes], bytes]:
    """The toolchain's gofmt as a function of the source; with `remember`, answered from the user cache
    where the same binary formatted the same bytes before (--no-cache: always run)."""
    if not remember:
        return toolchain.gofmt
    return lambda source: _gofmt(toolchain, source)


def _gofmt(toolchain: Toolchain, source: bytes) -> bytes:
    binary = _binary(toolchain.gofmt_binary())
    if binary is None:  # no gofmt to name: running it says why
        return toolchain.gofmt(source)
    digest = hashlib.sha256(binary + f"\0{toolchain.version}\0".encode() + source)
    name = f"{digest.hexdigest()}.json"
    found = _read(cache.fetch(folder(), name))
    if found is not None:
        return found
    output = toolchain.gofmt(source)
    cache.store(folder(), name, json.dumps([SCHEMA, output.decode("utf-8", "surrogateescape")]).encode())
    cache.prune(folder=folder())
    return output


def folder() -> Path:
    return cache.directory() / "formatted"


def _binary(path: str) -> bytes | None:
    """A digest of the gofmt binary's content (read once per file state: a language server outlives upgrades)."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return _content(os.path.realpath(path), stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)


@once
def _content(path: str, *state: int) -> bytes | None:
    try:
        with open(path, "rb") as binary:
            return f"{SCHEMA}\0".encode() + hashlib.sha256(binary.read()).digest()
    except OSError:
        return None


def _read(data: bytes | None) -> bytes | None:
    if data is None:
        return None
    try:
        schema, text = json.loads(data)
        return text.encode("utf-8", "surrogateescape") if schema == SCHEMA and isinstance(text, str) else None
    except (ValueError, TypeError, UnicodeError):
        return None
