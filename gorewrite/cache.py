"""A persistent cache of the candidates the rules' `find` recognised in a package, so a warm `check`
neither parses nor matches a package it has seen (ruff's cache is the model).

An entry is named by a digest of everything `find` may read: the package as `go list` gave it, the
bytes of every .go file in its directory, the compiler's diagnostics under each toolchain (their
versions included), the rules' option values, the rules run, and gorewrite itself (its version, its
code and the rules' queries, because an editable install changes without a new version, and the
tree-sitter grammar's version). Per package, not per file: a rule may read any file of the package
(a closure factory's callers live in other files). Entries are content-addressed, so none goes
stale; writes are atomic (temp file + rename in the same directory), so a concurrent run reads a
whole entry or none; the least recently used are pruned when the directory grows past LIMIT.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path

import tree_sitter
import tree_sitter_go

from gorewrite import __version__
from gorewrite.errors import UserError
from gorewrite.escapes import Escape
from gorewrite.files import Remembered
from gorewrite.proposals import Candidate, PackageView, Rule
from gorewrite.syntax import rule_data

HEX = re.compile(r"[0-9a-f]{64}")
SCHEMA = 3  # the entries' layout: bump it when it changes
LIMIT = 64 * 1024 * 1024  # bytes of entries kept; std's are ~1 MB
EVERY = 3600  # seconds between two scans of a folder: a full one holds ~60k entries, 1-3 s to stat


def directory() -> Path:
    """Where gorewrite keeps what it builds and remembers: GOREWRITE_CACHE, else the XDG user cache. A relative
    XDG_CACHE_HOME is invalid (the XDG spec: ignored), not a folder in whatever directory gorewrite runs in; a
    relative GOREWRITE_CACHE is an error, as go says of a relative GOCACHE."""
    chosen = os.environ.get("GOREWRITE_CACHE")
    if chosen and not os.path.isabs(chosen):
        raise UserError(f"GOREWRITE_CACHE={chosen} is a relative path: set it to an absolute one, or unset it")
    if chosen:
        return Path(chosen)
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    return Path(xdg if os.path.isabs(xdg) else Path.home() / ".cache", "gorewrite")


def find(view: PackageView, rules: list[Rule], use: bool = True) -> tuple[list[Candidate], bool]:
    """Every rule's candidates in the view, in rule order, and whether they were computed (not cached)."""
    if not use:
        return _found(view, rules), True
    name = key(view, rules)
    found = _read(name)
    if found is not None:
        return found, False
    found = _found(view, rules)
    if not view.sources.changed:  # else the key names bytes find did not see
        _write(name, found)
    return found, True


def prune(limit: int = LIMIT, folder: Path | None = None, every: int = EVERY) -> None:
    """Remove the least recently used entries of `folder` until it holds at most three quarters of limit;
    without one, of the findings' and of the remembered files' (a new directory also means new findings).
    A folder is scanned at most once per `every` seconds: a run writes ~1 MB (std), a scan stats every entry
    (a folder of a few large entries, the profiles', is scanned each time: 0)."""
    if folder is None:
        prune(limit, _folder())
        prune(limit, _files())
        return
    marker = folder / ".pruned"
    try:
        if 0 <= time.time() - marker.stat().st_mtime < every:  # a marker from the future (clock skew) is stale
            return
        marker.touch()
    except FileNotFoundError:
        store(folder, ".pruned", b"")
    except OSError:
        return  # a folder that cannot be read cannot be pruned
    entries = []
    for path in folder.glob("*.json"):
        try:
            stat = path.stat()
        except OSError:
            continue  # pruned by a concurrent run
        entries.append((stat.st_mtime, stat.st_size, path))
    total = sum(size for _, size, _ in entries)
    if total <= limit:
        return
    for _, size, path in sorted(entries):
        path.unlink(missing_ok=True)
        total -= size
        if total <= limit * 3 // 4:
            return


def _found(view: PackageView, rules: list[Rule]) -> list[Candidate]:
    return [c for rule in rules for c in rule.find(view)]


def _folder() -> Path:
    return directory() / "find"


def key(view: PackageView, rules: list[Rule]) -> str:
    """The entry's name: a digest of everything `find` may read (computed once per view: `check` asks again)."""
    names = tuple(sorted({r.name for r in rules} | {n for r in rules for n in r.requires}))
    if names not in view.digests:
        view.digests[names] = _digest(view, names)
    return view.digests[names]


def _digest(view: PackageView, names: tuple[str, ...]) -> str:
    digest = hashlib.sha256(code(names))
    package = {**vars(view.package), "rewritable": sorted(view.package.rewritable)}  # a set's order is per process
    digest.update(json.dumps(package, sort_keys=True).encode())
    for path in sorted(view.sources):
        digest.update(f"\0{path}\0".encode() + view.sources.digest(path))
    for version, escapes in sorted(view.by_toolchain.items()):
        digest.update(f"\0{version}\0".encode())
        digest.update("\n".join([f"{path}:{line}:{col}:{said}" for path, line, col, said in escapes]).encode())
    digest.update(repr(sorted(view.options.items())).encode())
    return digest.hexdigest()


@cache
def code(rules: tuple[str, ...] = ()) -> bytes:
    """What else decides what an entry holds: the cache layout, gorewrite's code (its Go helpers too: go/types,
    and the pprof reader with its library's version), the rules and their queries, and the parser's build."""
    digest = hashlib.sha256(f"{SCHEMA}\0{__version__}\0{rules}\0".encode() + _installed())
    queries = [rule_data(name) / "query.scm" for name in rules]
    for path in [q for q in queries if q.is_file()]:
        digest.update(f"\0{path.name}\0".encode() + path.read_bytes())
    return digest.digest()


@cache
def _installed() -> bytes:
    """gorewrite's files and the parser's build, read once a run (the findings and relocation keys both ask)."""
    digest = hashlib.sha256()
    for module in (tree_sitter, tree_sitter_go):  # the parser and the grammar as built, not their versions
        for binary in sorted(Path(module.__file__).parent.glob("_binding*")):  # metadata costs 40 ms to import
            digest.update(binary.read_bytes())
    here = Path(__file__).parent
    helpers = [*(here / "gotypes").glob("*.go"), here / "gotypes" / "go.mod", *(here / "pprofread").glob("*.go")]
    helpers.append(here / "pprofread" / "go.mod")  # a go.mod's go line and godebug set how the helper behaves
    for path in sorted([*here.rglob("*.py"), *helpers]):
        digest.update(f"\0{path.name}\0".encode() + path.read_bytes())
    return digest.digest()


def _read(key: str) -> list[Candidate] | None:
    """The entry's candidates, or None when there is none (or it cannot be read: it is computed again)."""
    data = fetch(_folder(), f"{key}.json")
    if data is None:
        return None
    try:
        rows = json.loads(data)
        return [
            Candidate(
                rule, Escape(file, line, col, message), at, (start, end), tuple(map(tuple, also)), declined=declined
            )
            for rule, file, line, col, message, at, start, end, also, declined in rows
        ]
    except (ValueError, TypeError, RecursionError):
        return None


def _write(key: str, found: list[Candidate]) -> None:
    rows = [[c.rule, *c.escape, c.path, *c.scope, c.also, c.declined] for c in found]
    store(_folder(), f"{key}.json", json.dumps(rows).encode())


def remembered(directory: str) -> Remembered:
    """What an earlier run remembered of the directory's files (files.py): {} when nothing, or nothing usable."""
    data = fetch(_files(), _name(directory))
    try:
        found = json.loads(data) if data else {}
        return {name: was for name, was in found.items() if _well_formed(was)}
    except (ValueError, AttributeError, RecursionError):
        return {}


def remember(directory: str, files: Remembered) -> None:
    store(_files(), _name(directory), json.dumps(files).encode())


def _files() -> Path:
    return directory() / "files"


def _name(directory: str) -> str:
    return hashlib.sha256(directory.encode()).hexdigest() + ".json"


def _well_formed(was: object) -> bool:
    """files.Remembered's record (std's 4,104 are checked on every run: no generator per record)."""
    if not (isinstance(was, list) and len(was) == 7):
        return False
    mtime, ctime, size, inode, digest, ignores, generated = was
    stat = type(mtime) is type(ctime) is type(size) is type(inode) is int
    flags = type(ignores) is type(generated) is bool
    return stat and flags and isinstance(digest, str) and HEX.fullmatch(digest) is not None


def fetch(folder: Path, name: str) -> bytes | None:
    """An entry's bytes, marked used now so it is pruned last; None when there is none or it cannot be read."""
    try:
        with open(os.path.join(folder, name), "rb") as entry:
            data = entry.read()
            os.utime(entry.fileno())
    except OSError:
        return None
    return data


def store(folder: Path, name: str, data: bytes) -> None:
    """Write an entry atomically; a cache that cannot be written is only slower, never an error."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, partial = tempfile.mkstemp(dir=folder, prefix=".", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(partial, folder / name)
    except OSError:
        Path(partial).unlink(missing_ok=True)


def install(binary: Path, build: Callable[[str], None]) -> None:
    """Put the helper binary that `build(path)` writes at `binary`: built beside it and renamed, so a
    concurrent run never sees half a binary. OSError when the cache cannot be written."""
    binary.parent.mkdir(parents=True, exist_ok=True)
    fd, partial = tempfile.mkstemp(dir=binary.parent, prefix=f".{binary.name}-", suffix=".tmp")
    os.close(fd)
    try:
        build(partial)
        os.replace(partial, binary)
    finally:
        Path(partial).unlink(missing_ok=True)
