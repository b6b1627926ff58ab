"""Is the errgroup a build compiles the one whose Go and Wait the closure proofs rely on?

`g.Go(f)` … `g.Wait()` orders a write after f's reads only by errgroup's own code: Go counts f and
starts it in a goroutine, Wait returns once every f has returned. go/types names the package by its
import path, golang.org/x/sync/errgroup, whatever source the build reads for it: a `replace` of
golang.org/x/sync in go.mod or in a go.work above it, or a vendor/ copy, may be a fork whose Wait
returns first, or whose Go runs f later, after the write (adv42d). Then nothing is proven. Read from
the files each time: the language server runs for hours while they change.
"""

from __future__ import annotations

import os

MODULE = b"golang.org/x/sync"


def replaced(path: str) -> str | None:
    """Why the errgroup the file at path builds against may not be golang.org/x/sync's own; None if it is."""
    mods = _above(os.path.dirname(os.path.abspath(path)), "go.mod")
    if not mods:
        return None  # no module: go list would not have built it
    mod = mods[0]
    folder = os.path.dirname(mod)
    if _replaces(mod):
        return f"{mod} replaces {MODULE.decode()}"
    if os.path.isdir(os.path.join(folder, "vendor", "golang.org", "x", "sync")):
        return f"the module vendors {MODULE.decode()} (vendor/ may be edited)"
    work = os.environ.get("GOWORK", "")
    found = [work] if work not in ("", "off") else _above(folder, "go.work")
    return next((f"{w} replaces {MODULE.decode()}" for w in found if _replaces(w)), None)


def _above(folder: str, name: str) -> list[str]:
    """The file named name in folder or the nearest folder above it, if any."""
    while True:
        if os.path.isfile(os.path.join(folder, name)):
            return [os.path.join(folder, name)]
        parent = os.path.dirname(folder)
        if parent == folder:
            return []
        folder = parent


def _replaces(path: str) -> bool:
    """Does a replace directive of the go.mod or go.work name golang.org/x/sync (`=>` only a replace has)?"""
    try:
        with open(path, "rb") as file:
            lines = file.read().splitlines()
    except OSError:
        return True  # unreadable: not proven
    return any(MODULE in line.split(b"=>")[0] and b"=>" in line for line in lines)
