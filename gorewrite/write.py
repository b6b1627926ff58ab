"""The one way gorewrite writes files: only what the write policy allows, all files or none, and
never over a file that changed since it was read."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import signal
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from gorewrite import leftovers
from gorewrite.errors import UserError, os_problem
from gorewrite.packages import is_generated

NEVER_UNDER = {".git", "vendor", "testdata"}
# build-variant's <file>_prego125.go and <file>_go125.go, a GOOS/GOARCH the file's name ends in kept last
VARIANT = re.compile(r"^(.+)_(?:pre)?go1\d+((?:_[a-z0-9]+){0,2})\.go$")


class WriteRefused(UserError):
    """The write policy or a changed file forbids the write: nothing was written."""


class Interrupted(KeyboardInterrupt):
    """Ctrl-C or SIGTERM during a write: the message says what was restored, i.e. that nothing is written."""


@dataclass(frozen=True)
class Snapshot:
    """A file's bytes as read once: the content the whole pipeline works on, and writes check against."""

    path: str
    content: bytes
    mtime_ns: int
    size: int
    mode: int
    exists: bool = True  # False for a file a rewrite creates: it must still not exist when written
    ctime_ns: int = 0  # with the inode, what files.py remembers a digest by
    inode: int = 0


@dataclass
class _Staged:
    """One file ready to commit: its new content in a temporary file, its old one kept for a rollback."""

    snapshot: Snapshot
    target: str  # the real path (symlinks resolved) the rename replaces or creates
    tmp: str | None = None
    backup: str | None = None  # a hard link to (or copy of) the old content


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
    return Snapshot(
        path, content, st.st_mtime_ns, st.st_size, stat.S_IMODE(st.st_mode), ctime_ns=st.st_ctime_ns, inode=st.st_ino
    )


def before_rename(path: str) -> None:
    """Called before each rename of a commit: tests replace it to fail or interrupt between two renames."""


def write_all(pairs: list[tuple[Snapshot, bytes]], roots: dict[str, str]) -> None:
    """Write every file (`roots`: path -> its module root), or none: a half-applied rewrite may not build.

    Every file passes the write policy and is unchanged since read; every new content goes to a
    temporary file beside its target first; then the renames, and on any error or interrupt
    among them the files already replaced are restored and those created removed.
    """
    for snapshot, _ in pairs:
        permitted(snapshot, roots[snapshot.path], {s.path for s, _ in pairs if s.exists})
    for snapshot, _ in pairs:
        _refuse_if_changed(snapshot)
    pairs = _one_per_file(pairs)
    staged = [_Staged(s, os.path.realpath(s.path)) for s, _ in pairs]
    try:
        for entry, (_, new) in zip(staged, pairs, strict=True):
            _stage(entry, new)
        for entry in staged:
            _refuse_if_changed(entry.snapshot)  # as late as possible: the window for a lost edit is this small
        _commit(staged)
    finally:
        for entry in staged:
            for leftover in (entry.tmp, entry.backup):
                if leftover:
                    with contextlib.suppress(OSError):
                        os.unlink(leftover)


def _one_per_file(pairs: list[tuple[Snapshot, bytes]]) -> list[tuple[Snapshot, bytes]]:
    """One write per real file: a file two packages reach through a symlink is written once when
    both rewrites agree, and not at all when they differ (either one would undo the other)."""
    first: dict[str, tuple[Snapshot, bytes]] = {}
    for snapshot, new in pairs:
        real = os.path.realpath(snapshot.path)
        if real in first and first[real][1] != new:
            raise WriteRefused(
                f"{first[real][0].path} and {snapshot.path} are one file ({real}) rewritten two ways; "
                "nothing was written: rewrite one package at a time"
            )
        first.setdefault(real, (snapshot, new))
    return list(first.values())


def permitted(snapshot: Snapshot, root: str, changed: set[str]) -> None:
    """The write policy: a regular, writable, hand-written .go file of the module at `root`, its real path
    inside the root and not under .git/, vendor/ or testdata/; or a build variant of a file in `changed`."""
    path = snapshot.path
    real = os.path.realpath(path)
    top = os.path.realpath(root)
    if not path.endswith(".go") or not real.endswith(".go"):
        raise WriteRefused(f"{path}: not a .go file; gorewrite writes Go source only, nothing was written")
    inside = [os.path.relpath(p, t) for p, t in ((real, top), (os.path.abspath(path), os.path.abspath(root)))]
    if any(rel == os.pardir or rel.startswith(os.pardir + os.sep) for rel in inside):
        via = f" (through a symlink to {real})" if real != os.path.abspath(path) else ""
        raise WriteRefused(f"{path} is outside the module {root}{via}; nothing was written")
    under = NEVER_UNDER & {part for rel in inside for part in Path(rel).parts[:-1]}
    if under:
        raise WriteRefused(f"{path} is under {min(under)}/, which gorewrite never writes; nothing was written")
    if not snapshot.exists:
        variant = VARIANT.match(os.path.basename(path))
        original = variant and os.path.join(os.path.dirname(path), variant.group(1) + variant.group(2) + ".go")
        if not original or original not in changed:
            raise WriteRefused(
                f"{path}: gorewrite creates only the build variants of a file it rewrites "
                "(<file>_prego125.go, <file>_go125.go); nothing was written"
            )
        return
    try:
        st = os.stat(real)
    except FileNotFoundError:
        return  # gone since read: the check for changes says so
    except OSError as err:
        raise WriteRefused(f"{os_problem(err)}; nothing was written") from None
    if not stat.S_ISREG(st.st_mode):
        raise WriteRefused(f"{path} is not a regular file; nothing was written")
    if not st.st_mode & stat.S_IWUSR:
        raise WriteRefused(
            f"{path} is read-only (mode {stat.S_IMODE(st.st_mode):04o}); nothing was written: "
            "make it writable (chmod u+w) to let gorewrite rewrite it"
        )
    if st.st_nlink > 1:
        raise WriteRefused(
            f"{path} has {st.st_nlink} hard links; the rewrite (a new file renamed over it) would leave "
            "the other names with the old content; nothing was written"
        )
    if is_generated(real):
        raise WriteRefused(f"{path} is generated (`// Code generated ... DO NOT EDIT.`); nothing was written")


def _stage(entry: _Staged, new: bytes) -> None:
    """The new content in a temporary file beside the target, and the old content kept under a second name."""
    try:
        entry.tmp = _temp_file(entry.target, new, entry.snapshot.mode)
        if entry.snapshot.exists:
            _same_owner(entry.tmp, entry.target)
            entry.backup = _backup(entry.target, entry.snapshot)
    except OSError as err:
        raise WriteRefused(f"cannot write {entry.snapshot.path}: {os_problem(err)}; nothing was written") from None


def _temp_file(target: str, content: bytes, mode: int, suffix: str = leftovers.TEMP_SUFFIX) -> str:
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(target), prefix=leftovers.temp_prefix(target), suffix=suffix)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(content)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
    except BaseException:
        os.unlink(tmp)
        raise
    return tmp


def _same_owner(tmp: str, target: str) -> None:
    """The new file gets the old one's owner and group (the rename would make them the writer's);
    where that is not permitted, the write is refused."""
    old, new = os.stat(target), os.stat(tmp)
    if (old.st_uid, old.st_gid) == (new.st_uid, new.st_gid):
        return
    try:
        os.chown(tmp, old.st_uid, old.st_gid)
    except PermissionError:
        raise WriteRefused(
            f"{target} belongs to uid {old.st_uid}, gid {old.st_gid}, which gorewrite cannot give the rewritten "
            "file; nothing was written: run gorewrite as its owner"
        ) from None


def _backup(target: str, snapshot: Snapshot) -> str:
    """A second name for the old file (a hard link: no copy, no space), so a rollback is one rename."""
    name = f"{leftovers.temp_prefix(target)}{secrets.token_hex(4)}{leftovers.BACKUP_SUFFIX}"
    name = os.path.join(os.path.dirname(target), name)
    try:
        os.link(target, name)
    except OSError:  # no hard links on this file system: a copy of what was read
        return _temp_file(target, snapshot.content, snapshot.mode, leftovers.BACKUP_SUFFIX)
    return name


def _commit(staged: list[_Staged]) -> None:
    """Rename every temporary file over (or to) its target; on any failure undo the renames done."""
    done: list[_Staged] = []  # an entry joins before its rename: an interrupt may land right after one
    try:
        for entry in staged:
            before_rename(entry.snapshot.path)
            done.append(entry)
            if entry.snapshot.exists:
                os.replace(entry.tmp, entry.target)
            elif os.path.lexists(entry.target):
                raise FileExistsError(errno.EEXIST, "appeared since gorewrite looked", entry.snapshot.path)
            else:
                _create(entry.tmp, entry.target)
        for directory in sorted({os.path.dirname(e.target) for e in staged}):
            _fsync_dir(directory)
    except BaseException as err:
        if isinstance(err, FileExistsError):
            done.pop()  # not ours to remove
        said = _rollback(done)
        if isinstance(err, KeyboardInterrupt):
            raise Interrupted(said) from None
        why = os_problem(err) if isinstance(err, OSError) else repr(err)
        raise WriteRefused(f"cannot write: {why}; {said}") from None


def _rollback(done: list[_Staged]) -> str:
    """Put back what the commit replaced and remove what it created, uninterrupted by Ctrl-C; what it says.

    A backup that could not be put back is kept (its entry forgets it), and named.
    """
    failed: list[str] = []
    with _signals_blocked():
        for entry in reversed(done):
            try:
                if entry.backup:
                    os.replace(entry.backup, entry.target)
                elif _created(entry):
                    os.unlink(entry.target)
            except OSError as err:
                failed.append(
                    f"{entry.snapshot.path} ({err.strerror}"
                    + (f"; its old content is in {entry.backup})" if entry.backup else ")")
                )
                entry.backup = None
    if failed:
        return f"written and not restored: {', '.join(failed)}; every other file is as it was"
    undone = [e.snapshot.path for e in done]
    return "nothing was written" + (f": {', '.join(undone)} put back as it was" if undone else "")


def _create(tmp: str, target: str) -> None:
    """Give the temp file the new name only if no file has it: a hard link fails rather than replace one."""
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise
    except OSError:  # no hard links on this file system: checked just before, so rename
        os.replace(tmp, target)


def _created(entry: _Staged) -> bool:
    """Did the commit create the target (linked, or renamed when hard links are missing)?"""
    if not os.path.lexists(entry.tmp):
        return os.path.lexists(entry.target)
    with contextlib.suppress(OSError):
        return os.path.samefile(entry.tmp, entry.target)
    return False


@contextlib.contextmanager
def _signals_blocked():
    """SIGINT and SIGTERM wait until the block ends (where the platform can block them)."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _refuse_if_changed(snapshot: Snapshot) -> None:
    if not snapshot.exists:
        if os.path.lexists(snapshot.path):
            raise WriteRefused(
                f"{snapshot.path} appeared since gorewrite looked; nothing was written, re-run gorewrite"
            )
        return
    try:
        # The size is a fast check; equal sizes still need the bytes compared.
        same = os.stat(snapshot.path).st_size == snapshot.size and Path(snapshot.path).read_bytes() == snapshot.content
    except FileNotFoundError:
        same = False
    if not same:
        raise WriteRefused(f"{snapshot.path} changed since gorewrite read it; nothing was written, re-run gorewrite")


def _fsync_dir(directory: str) -> None:
    # Makes the renames durable; Windows cannot open a directory for this.
    if os.name == "nt":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
