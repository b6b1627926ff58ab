"""Is the errgroup a build compiles the one whose Go and Wait the closure proofs rely on?

`g.Go(f)` … `g.Wait()` orders a write after f's reads only by errgroup's own code: Go counts f and
starts it in a goroutine, Wait returns once every f has returned. go/types names the package by its
import path, golang.org/x/sync/errgroup, whatever source the build reads for it: a `replace` of
golang.org/x/sync in go.mod, in a go.work (found from the run's directory, or named by GOWORK in the
environment or in go's env file), in a `-modfile` GOFLAGS names, or a vendor/ copy (the module's or the
workspace's), may be a fork whose Wait returns first, or whose Go runs f later, after the write (adv42d).
Then nothing is proven. So the source is the one go list gives for the import in the run's directory
(exports.modules: its Dir and Module, as the compile resolved it), never a go.mod or go.work found by
walking up from the file: trusted only in golang.org/x/sync's own directory of the module cache, which the
go command fills from go.sum-checked downloads (a replace by another version of golang.org/x/sync too): a
module of a go.work's `use` (or the main module) named golang.org/x/sync has no version and is a local copy.
"""

from __future__ import annotations

import os

from gorewrite.typeinfo import TypeInfo

MODULE = "golang.org/x/sync"


def replaced(types: TypeInfo, package: str) -> str | None:
    """Why the package (golang.org/x/sync/errgroup) the build reads may not be golang.org/x/sync's own; None if
    it is."""
    listed = types.imports.get(package)
    if listed is None:
        return f"go list did not list {package} among the package's imports, so its source is unknown"
    module, where = listed.get("Module") or {}, listed.get("Dir") or ""
    replace = module.get("Replace") or {}
    if module.get("Path") != MODULE or (replace and (replace.get("Path") != MODULE or not replace.get("Version"))):
        by = replace.get("Path") or module.get("Path") or "no module"
        return f"the build reads it from {where} ({MODULE} replaced by {by} in go.mod, go.work or -modfile)"
    if module.get("Main") or not module.get("Version"):  # a workspace's `use ./xsync`: a local copy, no download
        return f"the build reads it from {where}, a module of the workspace or the main module, not a download"
    home = module.get("Dir") or ""
    if not home or where != os.path.join(home, os.path.relpath(package, MODULE)):
        return f"the build reads it from {where}, not from the module cache (vendor/ may be edited)"
    return None
