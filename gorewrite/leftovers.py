"""What a killed gorewrite leaves behind, and how the next run finds it: every temporary file and
overlay directory carries the writer's PID in its name, and only those whose process is gone are removed.

A temporary file beside a source file: `.<name>.<pid>.<random>.gorewrite-tmp`.
An overlay directory in TMPDIR: `gorewrite-overlay-<pid>-<random>`.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import stat
import tempfile

TEMP_SUFFIX = ".gorewrite-tmp"
TEMP = re.compile(r"^\..+\.(\d+)\.[a-z0-9_]+\.gorewrite-tmp$")
OVERLAY = re.compile(r"^gorewrite-overlay-(\d+)-")


def temp_prefix(target: str) -> str:
    """The name a temporary file for `target` starts with (mkstemp adds the random part and TEMP_SUFFIX)."""
    return f".{os.path.basename(target)}.{os.getpid()}."


def remove_temp_files(directories: set[str]) -> list[str]:
    """Remove the temporary files dead gorewrite processes left in these directories; the paths removed."""
    removed = []
    for directory in sorted(directories):
        with contextlib.suppress(OSError):
            for entry in os.scandir(directory):
                match = TEMP.match(entry.name)
                if match and entry.is_file(follow_symlinks=False) and _gone(int(match.group(1))):
                    with contextlib.suppress(OSError):
                        os.unlink(entry.path)
                        removed.append(entry.path)
    return removed


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
