"""Unsaved editor buffers for the go command: an `-overlay` file that maps each path to a copy of
the buffer in a temporary directory, so nothing the editor has not saved is ever written over a
source file. The directory is named like verify's (leftovers.py removes it after a crash)."""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager

# A copy overlay_file made, as the go command names it in a message (relative or absolute).
OVERLAID = re.compile(r"\S*gorewrite-overlay-\d+-[^/\s]+/(\d+)_[^/:\s]+")


def originals(message: str, buffers: dict[str, bytes], cwd: str) -> str:
    """The go command's message with each overlaid copy named by the file it stands for, as the user
    knows it (`lockcase/lock.go:24:10`, a line of the rewritten file, not `../gorewrite-overlay-…/0_lock.go`)."""
    paths = sorted(buffers)

    def named(match: re.Match) -> str:
        number = int(match[1])
        return os.path.relpath(paths[number], cwd) if number < len(paths) else match[0]

    return OVERLAID.sub(named, message)


@contextmanager
def overlay_file(buffers: dict[str, bytes]) -> Iterator[str | None]:
    """The path of an -overlay JSON file replacing each path by its buffer; None when there are none."""
    if not buffers:
        yield None
        return
    with tempfile.TemporaryDirectory(prefix=f"gorewrite-overlay-{os.getpid()}-") as tmp:
        replace = {}
        for number, (path, content) in enumerate(sorted(buffers.items())):
            target = os.path.join(tmp, f"{number}_{os.path.basename(path)}")
            with open(target, "wb") as f:
                f.write(content)
            replace[path] = target
        overlay = os.path.join(tmp, "overlay.json")
        with open(overlay, "w") as f:
            json.dump({"Replace": replace}, f)
        yield overlay
