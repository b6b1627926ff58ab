"""What a killed gorewrite leaves behind, and how the next run finds it: every temporary file and
overlay directory carries the writer's PID in its name, and only those whose process is gone are removed.

A temporary file beside a source file: `.<name>.<pid>.<random>.gorewrite-tmp`.
An overlay directory in TMPDIR: `gorewrite-overlay-<pid>-<random>`.
A backup of a file being replaced: `.<name>.<pid>.<random>.gorewrite-backup`. A run killed during
its renames (SIGKILL, a power cut) may leave it as the only copy of the original, so it is never
removed: the next run names it, and you compare and delete it.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import stat
import tempfile

TEMP_SUFFIX = ".gorewrite-tmp"
BACKUP_SUFFIX = ".gorewrite-backup"
TEMP = re.compile(r"^\..+\.(?P<pid>\d+)\.[a-z0-9_]+\.gorewrite-tmp$")
BACKUP = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.[a-z0-9_]+\.gorewrite-backup$")
OVERLAY = re.compile(r"^gorewrite-overlay-(\d+)-")


def temp_prefix(target: str) -> str:
    """The name a temporary file for `target` starts with (mkstemp adds the random part and TEMP_SUFFIX)."""
    return f".{os.path.basename(target)}.{os.getpid()}."


def remove_temp_files(directories: set[str]) -> list[str]:
    """Remove the temporary files dead gorewrite processes left in these directories; the paths removed."""
    removed = []
    for path, _ in _left_by_dead(directories, TEMP):
        with contextlib.suppress(OSError):
            os.unlink(path)
            removed.append(path)
    return removed


def stale_backups(directories: set[str]) -> list[tuple[str, str]]:
    """(backup, the file it backs up) for each backup a dead gorewrite left in these directories."""
    return sorted(
        (path, os.path.join(os.path.dirname(path), match["name"])) for path, match in _left_by_dead(directories, BACKUP)
    )


def _left_by_dead(directories: set[str], pattern: re.Pattern[str]) -> list[tuple[str, re.Match[str]]]:
    """The regular files in these directories whose names match `pattern` and carry the PID of a dead process."""
    found = []
    for directory in sorted(directories):
        with contextlib.suppress(OSError):
            for entry in os.scandir(directory):
                match = pattern.match(entry.name)
                if match and entry.is_file(follow_symlinks=False) and _gone(int(match["pid"])):
                    found.append((entry.path, match))
    return found


def remove_overlays(pid: int | None = None) -> list[str]:
    """Remove the overlay directories dead gorewrite processes of this user left in TMPDIR (or, interrupted,
    this process's own: one made an instant before the interrupt escapes its `with`); the paths removed."""
    removed = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(tempfile.gettempdir()):
            match = OVERLAY.match(entry.name)
            if not match or not (int(match.group(1)) == pid if pid else _gone(int(match.group(1)))):
                continue
            with contextlib.suppress(OSError):
                st = entry.stat(follow_symlinks=False)
                if stat.S_ISDIR(st.st_mode) and st.st_uid == os.getuid():
                    shutil.rmtree(entry.path)
                    removed.append(entry.path)
    return removed


def _gone(pid: int) -> bool:
    """No process has this PID (one that exists but is not ours still counts as alive)."""
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except (PermissionError, OverflowError, ValueError):
        return False
    return False


def tidy_sources(directories: set[str]) -> str:
    """Name each backup a killed gorewrite left in these directories (maybe the only copy of an
    original) and remove its temporary files: what to tell the user."""
    warnings = "".join(
        f"gorewrite: warning: {backup} holds {os.path.basename(original)} as it was before a gorewrite "
        "that was killed while writing: compare the two, keep the right one, and delete the backup\n"
        for backup, original in stale_backups(directories)
    )
    return warnings + said(remove_temp_files(directories))


def said(removed: list[str]) -> str:
    """What a killed gorewrite had left behind and this run removed, as a line for stderr."""
    if not removed:
        return ""
    return (
        f"gorewrite: removed {len(removed)} leftover{'s' if len(removed) > 1 else ''} of a gorewrite "
        f"that was killed: {', '.join(removed)}\n"
    )
