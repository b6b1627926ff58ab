"""The symbols the build's `//go:linkname` directives and assembly name, for the proof that every call of a module's
unexported function is one its package shows (callers.py).

Go's linker lets any package linked into the same binary pull a non-std symbol by name (go1.23 refuses only pulls
of std symbols their package does not push). A package can be linked with another only through a main package or
a test that imports both, so what can be seen of the pullers is: every package of the main module, in any build
(frozen_vars.linked walks the module's directory tree), and every package outside std that their builds and tests
depend on (`go list -deps -test ./...` in the module's root), each directory's files all read (other builds'
too). A library's importers in other modules stay unseen, as for any analysis of a module on its own.
"""

from __future__ import annotations

import os

from gorewrite.dependencies import Listing
from gorewrite.frozen_vars import linked, symbols
from gorewrite.proposals import Candidate, PackageView


def roots(views: dict[str, PackageView], found: dict[str, list[Candidate]]) -> list[str]:
    """The module roots of the packages whose candidates follow other declarations (`also`): the run's one
    dependency listing (dependencies.Listings) lists `<root>/...` too, for attach."""
    return sorted(
        {
            views[pkg].package.module_root
            for pkg, cands in found.items()
            if views[pkg].package.module_root is not None and any(c.also for c in cands)
        }
    )


def attach(listed: Listing, views: dict[str, PackageView], found: dict[str, list[Candidate]]) -> None:
    """Give each module package whose candidates follow other declarations (`also`) its build's named symbols,
    read of the run's listing, which holds every package `<root>/...` depends on (roots)."""
    named: dict[str, frozenset[str]] = {}
    for pkg, cands in found.items():
        root = views[pkg].package.module_root
        if root is None or not any(c.also for c in cands):
            continue
        if root not in named:
            named[root] = build_symbols(listed, root)
        views[pkg].linked = named[root]


def build_symbols(listed: Listing, root: str) -> frozenset[str]:
    """The symbols (`example.com/m/p.grow`, `main.emit`, `.grow` of a package's own assembly) the main module's
    files and those of every package outside std its builds and tests depend on name in a //go:linkname
    directive or an assembly reference."""
    found = set(linked(root))
    inside = os.path.join(root, "")
    for line in listed.lines.values():
        if not line.dir or line.dir.startswith(inside):
            continue  # the module's own: walked above
        for name in os.listdir(line.dir) if os.path.isdir(line.dir) else ():
            if name.endswith((".go", ".s")):
                found.update(symbols(os.path.join(line.dir, name)))
    return frozenset(found)
