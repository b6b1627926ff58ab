"""Sites in files the first --toolchain release does not compile but another does (`//go:build go1.25`).

A run analyses, proposes for and verifies a package as the first release lists it (its files, its
go/types): a file only a later release compiles is outside that view, and its rewrites cannot be
proposed there. Its sites are still reported, never dropped: each rule's candidates there are declined
with the file, the releases that compile it and those that do not, and how to rewrite it (run with the
releases that compile it).
"""

from __future__ import annotations

import os
from collections.abc import Callable

from gorewrite.escapes import Escape
from gorewrite.packages import Package, load
from gorewrite.proposals import Candidate, PackageView
from gorewrite.toolchain import Toolchain


class Listings:
    """Each further release's packages, listed once (`go list` per release) when a site first needs them."""

    def __init__(self, toolchains: list[Toolchain], patterns: list[str], cwd: str, generated: Callable[[str], bool]):
        self.toolchains, self.patterns, self.cwd, self.generated = toolchains, patterns, cwd, generated
        self.listed: dict[str, dict[str, Package]] | None = None

    def packages(self, import_path: str) -> dict[str, Package]:
        """The package as each further release lists it (version -> Package), those that load."""
        if self.listed is None:
            self.listed = {
                tc.version: {p.import_path: p for p in load(tc, self.patterns, self.cwd, self.generated)}
                for tc in self.toolchains[1:]
            }
        found = {version: pkgs.get(import_path) for version, pkgs in self.listed.items()}
        return {version: p for version, p in found.items() if p is not None and not p.error}


def outside(toolchains: list[Toolchain], pkg: Package, escapes: tuple[Escape, ...]) -> set[str]:
    """The package directory's files (not its tests) some release's diagnostics name that the first does not compile."""
    if len(toolchains) < 2:
        return set()
    return {
        e.path
        for e in escapes
        if os.path.dirname(e.path) == pkg.dir and e.path not in pkg.files and not e.path.endswith("_test.go")
    }


def sites(
    listings: Listings, view: PackageView, files: set[str], find: Callable[[PackageView], list[Candidate]]
) -> tuple[list[Escape], list[Candidate]]:
    """The heap sites in `files` (outside the first release's build) and each rule's candidates there, declined
    with why, found in the package as the first release that compiles the file lists it."""
    first = listings.toolchains[0].version
    packages = listings.packages(view.package.import_path)
    heap = [e for e in view.escapes if e.path in files and e.heap]
    found: list[Candidate] = []
    for path in sorted(files):
        compiling = [v for v, p in packages.items() if path in p.files]
        if not compiling:
            continue
        other = PackageView(
            packages[compiling[0]],
            view.sources,
            view.escapes,
            by_toolchain=view.by_toolchain,
            options=view.options,
            required=view.required,
            rules=view.rules,
        )
        why = reason(path, compiling, [first, *(v for v in packages if v not in compiling)])
        found += [Candidate(c.rule, c.escape, c.path, c.scope, declined=why) for c in find(other) if c.path == path]
    return heap, found


def reason(path: str, compiling: list[str], leaving: list[str]) -> str:
    """Why a site in a file only some releases compile is not rewritten, and what to do."""
    name = os.path.basename(path)
    flags = " ".join(f"--toolchain {v}" for v in compiling)
    return (
        f"{name} is compiled by {' and '.join(compiling)}, not by {' and '.join(leaving)} (its build constraints): "
        f"the run analyses the package as {leaving[0]}, the first --toolchain, builds it; "
        f"run with the releases that compile {name} ({flags}) to rewrite it"
    )
