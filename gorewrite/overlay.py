"""Unsaved editor buffers for the go command: an `-overlay` file that maps each path to a copy of
the buffer in a temporary directory, so nothing the editor has not saved is ever written over a
source file. The directory is named like verify's (leftovers.py removes it after a crash)."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager


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
