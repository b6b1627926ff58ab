"""A package directory's .go files as the run sees them: listed up front, read only when something
asks for their bytes, and each file's digest known without reading it when an earlier run hashed
the file and its stat has not moved since (ruff's cache and git's index are the models).

A remembered digest is used only while the file's mtime, ctime, size and inode are those it was
hashed with. Any write sets ctime to the current time and nothing can set it back, so a file
edited after it was hashed shows another stat. A digest is remembered only for a file whose mtime
and ctime were already RACY_NS old when it was read (git's "racy clean" rule): a write in the same
timestamp tick as the read, or just after it, could leave the stat unchanged, so such a file is
hashed again next time. A file whose digest was remembered and is read later (a cache miss) is
hashed again; if its bytes differ, it was edited during the run, and `changed` keeps the caches
from storing anything under the stale digest.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Iterator, Mapping, MutableMapping

from gorewrite.packages import HEAD_BYTES, generated_head, is_generated
from gorewrite.write import Snapshot, read

IGNORE = b"//gorewrite:ignore"  # suppress.py's directive: whether a file holds one is remembered too
RACY_NS = 2_000_000_000  # a file changed this recently when read is hashed again next run

Remembered = dict[str, list]  # file name -> [mtime_ns, ctime_ns, size, inode, sha256 hex, holds IGNORE, generated]


class Memory:
    """What earlier runs remembered of each directory's files, read once per run; `read` None: nothing
    is remembered (--no-cache)."""

    def __init__(self, read: Callable[[str], Remembered] | None) -> None:
        self._read = read
        self._directories: dict[str, Remembered] = {}
        self._stats: dict[str, list[int]] = {}  # path -> _stat's fields: go list's step and the listing ask alike

    def of(self, directory: str) -> Remembered | None:
        if self._read is None:
            return None
        if directory not in self._directories:
            self._directories[directory] = self._read(directory)
        return self._directories[directory]

    def generated(self, path: str) -> bool:
        """packages.is_generated, unread where the file's stat is remembered."""
        was = (self.of(os.path.dirname(path)) or {}).get(os.path.basename(path))
        return was[6] if self.unmoved(was, path) else is_generated(path)

    def unmoved(self, was: list | None, path: str) -> bool:
        """Is the file's stat the one its remembered digest was taken with (_stat's order)? Stat-ed once a run."""
        if not was:
            return False
        if path not in self._stats:
            st = os.stat(path)
            self._stats[path] = [st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino]
        return was[:4] == self._stats[path]


class Snapshots(MutableMapping[str, Snapshot]):
    """The run's files by path, each read once, when first asked for (write.py checks writes against it)."""

    def __init__(self) -> None:
        self._listed: dict[str, Snapshot | None] = {}

    def list(self, path: str) -> None:
        self._listed.setdefault(path, None)

    def __getitem__(self, path: str) -> Snapshot:
        snapshot = self._listed[path]
        if snapshot is None:
            snapshot = self._listed[path] = read(path)
        return snapshot

    def __setitem__(self, path: str, snapshot: Snapshot) -> None:
        self._listed[path] = snapshot

    def __delitem__(self, path: str) -> None:
        del self._listed[path]

    def __iter__(self) -> Iterator[str]:
        return iter(self._listed)

    def __len__(self) -> int:
        return len(self._listed)

    def __contains__(self, path: object) -> bool:
        return path in self._listed


class Sources(Mapping[str, bytes]):
    """A package's .go files by path, in name order (an editor's unsaved buffer instead of the file):
    the bytes read on first use, and each file's digest and whether it holds IGNORE, known unread
    when they were remembered."""

    def __init__(self, given: Mapping[str, bytes] | None = None, snapshots: Snapshots | None = None) -> None:
        self._paths: list[str] = list(given or {})
        self._bytes: dict[str, bytes] = dict(given or {})
        self._facts: dict[str, tuple[bytes, bool]] = {}  # path -> (sha256, holds IGNORE)
        self._snapshots = snapshots
        self.changed = False  # a file read after its digest was remembered differed: edited during the run

    def add(self, path: str, content: bytes | None = None, facts: tuple[bytes, bool] | None = None) -> None:
        """A file given by its bytes, or by its remembered facts (read from the snapshots when asked)."""
        self._paths.append(path)
        if content is not None:
            self._bytes[path] = content
        if facts is not None:
            self._facts[path] = facts

    def __getitem__(self, path: str) -> bytes:
        if path not in self._bytes:
            if path not in self._facts or self._snapshots is None:
                raise KeyError(path)
            content = self._bytes[path] = self._snapshots[path].content
            self.changed |= hashlib.sha256(content).digest() != self._facts[path][0]
        return self._bytes[path]

    def __iter__(self) -> Iterator[str]:
        return iter(self._paths)

    def __len__(self) -> int:
        return len(self._paths)

    def __contains__(self, path: object) -> bool:
        return path in self._bytes or path in self._facts

    def digest(self, path: str) -> bytes:
        """The file's sha256, from its bytes or as remembered."""
        return self.facts(path)[0]

    def ignores(self, path: str) -> bool:
        """Whether the file holds a //gorewrite:ignore directive."""
        return self.facts(path)[1]

    def facts(self, path: str) -> tuple[bytes, bool]:
        if path not in self._facts:
            content = self[path]
            self._facts[path] = (hashlib.sha256(content).digest(), IGNORE in content)
        return self._facts[path]


def listed(
    directory: str, snapshots: Snapshots, unsaved: Mapping[str, bytes], memory: Memory
) -> tuple[Sources, Remembered | None]:
    """Every .go file in the directory, the files whose stat `memory` holds left unread; and what to
    remember of them now (None when that is unchanged, or nothing is remembered: --no-cache)."""
    remembered = memory.of(directory)
    sources = Sources(snapshots=snapshots)
    remember: Remembered = {}
    with os.scandir(directory) as entries:
        names = sorted(e.name for e in entries if e.name.endswith(".go") and e.is_file())
    for name in names:
        path = os.path.join(directory, name)
        snapshots.list(path)
        if path in unsaved:
            sources.add(path, unsaved[path])
            continue
        if remembered is not None:
            was = remembered.get(name)
            if memory.unmoved(was, path):
                sources.add(path, facts=(bytes.fromhex(was[4]), was[5]))
                remember[name] = was
                continue
        snapshot = snapshots[path]
        sources.add(path, snapshot.content)
        if remembered is not None and max(snapshot.mtime_ns, snapshot.ctime_ns) < time.time_ns() - RACY_NS:
            digest, ignores = sources.facts(path)
            head = snapshot.content[:HEAD_BYTES]
            remember[name] = [*_stat(snapshot), digest.hex(), ignores, generated_head(head)]
    return sources, None if remembered is None or remember == remembered else remember


def _stat(snapshot: Snapshot) -> list[int]:
    """What a remembered digest holds for while the file has it: any write moves ctime."""
    return [snapshot.mtime_ns, snapshot.ctime_ns, snapshot.size, snapshot.inode]
