"""Safe writes: all-or-nothing per file, and never over a file that changed since it was read."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from gorewrite.errors import UserError


class WriteRefused(UserError):
    """The file changed on disk after gorewrite read it: writing would lose someone's edit."""


@dataclass(frozen=True)
class Snapshot:
    """A file's bytes as read once: the content the whole pipeline works on, and writes check against."""

    path: str
    content: bytes
    mtime_ns: int
    size: int
    mode: int
    exists: bool = True  # False for a file a rewrite creates: it must still not exist when written


def absent(path: str) -> Snapshot:
    """A file a rewrite creates: empty, with the mode its directory's files would get by default."""
    umask = os.umask(0)
    os.umask(umask)
    return Snapshot(path, b"", 0, 0, 0o666 & ~umask, exists=False)


def read(path: str) -> Snapshot:
    """Read a file once, with the stat needed to write it back safely."""
    with open(path, "rb") as f:
        content = f.read()
        st = os.fstat(f.fileno())
    return Snapshot(path, content, st.st_mtime_ns, st.st_size, stat.S_IMODE(st.st_mode))


def write_atomic(snapshot: Snapshot, new: bytes) -> None:
    """Replace the file with `new` in one rename, keeping its mode; refuse if it changed since read.

    A crash or Ctrl-C leaves either the old file or the new one, and no temp file.
    A symlink is kept: its target gets the new content.
    """
    target = os.path.realpath(snapshot.path)
    directory, name = os.path.split(target)
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{name}.", suffix=".gorewrite-tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(new)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, snapshot.mode)
        _refuse_if_changed(snapshot)  # as late as possible: the window for a lost edit is this small
        if snapshot.exists:
            os.replace(tmp, target)
        else:
            _create(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    _fsync_dir(directory)


def write_all(pairs: list[tuple[Snapshot, bytes]]) -> None:
    """Write every file, but only if none changed since read: a half-applied rewrite may not build."""
    for snapshot, _ in pairs:
        _refuse_if_changed(snapshot)
    for snapshot, new in pairs:
        write_atomic(snapshot, new)


def _create(tmp: str, target: str) -> None:
    """Give the temp file the new name only if no file has it: a hard link fails rather than replace one."""
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise WriteRefused(f"{target} appeared since gorewrite looked; nothing was written to it, re-run gorewrite") from None
    except OSError:  # no hard links on this file system: checked just before, so rename
        os.replace(tmp, target)
        return
    os.unlink(tmp)


def _refuse_if_changed(snapshot: Snapshot) -> None:
    if not snapshot.exists:
        if os.path.lexists(snapshot.path):
            raise WriteRefused(f"{snapshot.path} appeared since gorewrite looked; nothing was written to it, re-run gorewrite")
        return
    try:
        # The size is a fast check; equal sizes still need the bytes compared.
        same = os.stat(snapshot.path).st_size == snapshot.size and Path(snapshot.path).read_bytes() == snapshot.content
    except FileNotFoundError:
        same = False
    if not same:
        raise WriteRefused(f"{snapshot.path} changed since gorewrite read it; nothing was written to it, re-run gorewrite")


def _fsync_dir(directory: str) -> None:
    # Makes the rename itself durable; Windows cannot open a directory for this.
    if os.name == "nt":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
