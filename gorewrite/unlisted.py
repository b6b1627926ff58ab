"""Sites in files the first --toolchain release does not compile but another does (`//go:build go1.25`).

A run analyses, proposes for and verifies a package as the first release lists it (its files, its
go/types): a file only other releases compile is outside that view. Its sites are found, proposed for and
verified by a second run of the releases that compile it (as `--toolchain` naming only them would), kept
to that file: a release that does not compile it builds the original.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace

from gorewrite import dependencies
from gorewrite.escapes import Escape
from gorewrite.options import OUTSIDE, Options
from gorewrite.packages import Package, load
from gorewrite.proposals import Declined, Rule
from gorewrite.toolchain import Toolchain
from gorewrite.verify import Verified, verify


class Listings:
    """Each further release's packages, listed once (`go list` per release) when a site first needs them."""

    def __init__(self, toolchains: list[Toolchain], patterns: list[str], cwd: str, generated: Callable[[str], bool]):
        self.toolchains, self.patterns, self.cwd, self.generated = toolchains, patterns, cwd, generated
        self.listed: dict[str, dict[str, Package]] | None = None
        self.compiling: dict[str, tuple[str, ...]] = {}  # a file outside the first's build -> the releases compiling it

    def every(self) -> dict[str, dict[str, Package]]:
        """Each further release's packages (version -> import path -> Package), those in error too."""
        if self.listed is None:
            self.listed = {
                tc.version: {p.import_path: p for p in load(tc, self.patterns, self.cwd, self.generated)}
                for tc in self.toolchains[1:]
            }
        return self.listed

    def packages(self, import_path: str) -> dict[str, Package]:
        """The package as each further release lists it (version -> Package), those that load."""
        found = {version: pkgs.get(import_path) for version, pkgs in self.every().items()}
        return {version: p for version, p in found.items() if p is not None and not p.error}


def everywhere(listings: Listings, run, good: list[Package], excluded: Callable[[str], bool]) -> list[Package]:
    """The packages every release builds and loads: those some release leaves out go to the releases that build
    them (`left_out`); those another release cannot load are broken (`broken_elsewhere`)."""
    left = left_out(listings, run.packages, excluded)
    run.broken = {path: error for path, error in run.broken.items() if path not in left}
    run.broken.update(broken_elsewhere(listings, [p for p in good if p.import_path not in left]))
    return [p for p in good if p.import_path not in left and p.import_path not in run.broken]


def left_out(listings: Listings, listed: list[Package], excluded: Callable[[str], bool]) -> set[str]:
    """The first release's packages some other release leaves out altogether (their files all `//go:build
    go1.25`): no release is asked to compile what it does not build. Their files, and those of a package only
    other releases build, go to the releases that build them, as a file only they compile does."""
    if len(listings.toolchains) < 2:
        return set()
    releases = {listings.toolchains[0].version: {p.import_path: p for p in listed}, **listings.every()}
    built = {version: {i: p for i, p in pkgs.items() if not excludes_all(p)} for version, pkgs in releases.items()}
    everywhere = set.intersection(*(set(pkgs) for pkgs in built.values()))
    leaving = {path for pkgs in built.values() for path in pkgs} - everywhere
    for import_path in sorted(leaving):
        for version, pkgs in built.items():
            pkg = pkgs.get(import_path)
            for path in pkg.files if pkg and not pkg.error else ():
                if not excluded(path):
                    listings.compiling[path] = (*listings.compiling.get(path, ()), version)
    return leaving


def broken_elsewhere(listings: Listings, good: list[Package]) -> dict[str, str]:
    """The packages another release cannot load (an import only go1.25+ builds): broken, as the first release's
    are. Compiled with the others, their error stopped go before packages that never import them."""
    found = {}
    for version, pkgs in listings.every().items() if len(listings.toolchains) > 1 else ():
        for pkg in good:
            other = pkgs.get(pkg.import_path)
            if other is not None and other.error and not excludes_all(other):
                found.setdefault(pkg.import_path, f"with {version}: {other.error}")
    return found


def excludes_all(pkg: Package) -> bool:
    """Does the release leave the package out, named on the command line (go list then says so as an error)?"""
    return bool(pkg.error) and not pkg.files and "build constraints exclude all Go files" in pkg.error


def outside(toolchains: list[Toolchain], pkg: Package, escapes: tuple[Escape, ...]) -> set[str]:
    """The package directory's files (not its tests) some release's diagnostics name that the first does not compile."""
    if len(toolchains) < 2:
        return set()
    return {
        e.path
        for e in escapes
        if os.path.dirname(e.path) == pkg.dir and e.path not in pkg.files and not e.path.endswith("_test.go")
    }


def sites(listings: Listings, pkg: Package, escapes: tuple[Escape, ...], files: set[str]) -> list[Escape]:
    """The heap sites in `files` (outside the first release's build) that another release lists among the
    package's files, each file's releases kept for `tagged` and `examined`. A name no release lists is no file
    of the package: a `//line` directive's (`//line tmpl.go:3`, a template an ignored file holds), whose sites
    are the first release's own, reported at the file the directive names."""
    packages = listings.packages(pkg.import_path) if files else {}
    for path in files:
        compiling = tuple(v for v, p in packages.items() if path in p.files)
        if compiling:
            listings.compiling[path] = compiling
    return [e for e in escapes if e.path in files and e.path in listings.compiling and e.heap]


def _groups(run, options: Options) -> list[tuple[list[Toolchain], set[str], Options]]:
    """The files outside the first release's build by the releases that compile them: those releases, the files,
    and the run's options with every other file excluded."""
    by_releases: dict[tuple[str, ...], set[str]] = {}
    for path, versions in (run.elsewhere.compiling if run.elsewhere else {}).items():
        by_releases.setdefault(versions, set()).add(path)
    return [
        (
            [tc for tc in run.toolchains if tc.version in versions],
            paths,
            replace(options, excluded=lambda p, paths=paths: options.excluded(p) or p not in paths),
        )
        for versions, paths in sorted(by_releases.items())
    ]


def _merge_packages(run, sub) -> None:
    """A package only the second run's releases build (`left_out`) is one of the run's too."""
    known = {p.import_path for p in run.packages}
    run.packages = sorted(
        run.packages + [p for p in sub.packages if p.import_path not in known], key=lambda p: p.import_path
    )


def tagged(run, rules: list[Rule], options: Options, analyse: Callable, tag: Callable) -> None:
    """`check`'s sites in files the first release does not compile, found and tagged as a check of the releases
    that compile them does (what `fix` proposes for them: `examined`)."""
    for toolchains, paths, within in _groups(run, options):
        sub, views, candidates = analyse(toolchains, run.elsewhere.patterns, run.elsewhere.cwd, rules, within)
        tag(toolchains, run.elsewhere.cwd, rules, sub, views, candidates, within)
        run.sites = [(e, r) for e, r in run.sites if e.path not in paths] + sub.sites
        _merge_packages(run, sub)
        run.screened = [c for c in run.screened if c.escape.path not in paths] + sub.screened
        run.held_back.update(sub.held_back)
        run.reported_by.update(sub.reported_by)
        run.suppressed += sub.suppressed
        # a directive elsewhere is the first run's to judge: here its sites were left out
        run.suppression_problems += [(s, why) for s, why in sub.suppression_problems if s.path in paths]


def examined(run, rules: list[Rule], options: Options, fix: Callable):
    """`fix`'s sites in files the first release does not compile, proposed and verified by a run of the releases
    that compile the file, which lists and type-checks the package as the first of them builds it. An edit kept
    to such files cannot change the build of a release that does not compile them: it builds the original.
    A rewrite reaching past them is declined. One verified while this run rewrites other files that may share a
    build with them (_meeting: a change there may inline or instantiate this code, or this code be inlined there)
    was never compiled with them: it holds only once both runs' fixes are verified in one build (_together), and
    otherwise waits for the next run."""
    for toolchains, paths, within in _groups(run, options):
        sub = fix(toolchains, run.elsewhere.patterns, run.elsewhere.cwd, rules, within)
        _merge_packages(run, sub)
        versions = [tc.version for tc in toolchains]
        leaving = tuple(tc.version for tc in run.toolchains if tc.version not in versions)
        names = " and ".join(sorted(os.path.basename(p) for p in paths))
        busy = _meeting(run, toolchains, paths)
        apart = _together(run, sub, toolchains, busy, options) if busy else ""  # why the two do not hold together
        for d in sub.declined:
            reason = f"the rewrite reaches past {names}, the files only {' and '.join(versions)} compile"
            reason += f", or {OUTSIDE}" if options.lines is not None else ""
            run.declined.append(replace(d, reason=reason) if d.reason == OUTSIDE else d)
        for verdict in sub.verdicts:
            if not isinstance(verdict, Verified):  # named by its release, as a run of several names them
                run.verdicts.append(
                    replace(verdict, reason=f"{versions[0]}: {verdict.reason}") if len(versions) < 2 else verdict
                )
            elif apart:
                said = (
                    f"this run rewrites {os.path.basename(busy[0])} too, {apart}: "
                    "run gorewrite again once that is applied"
                )
                run.declined += [Declined(verdict.fix.rule, t, said) for t in verdict.fix.targets]
            else:
                run.verdicts.append(
                    replace(verdict, original_on=tuple(dict.fromkeys((*leaving, *verdict.original_on))))
                )
                for e in verdict.fix.edits:
                    run.changes[e.path], run.snapshots[e.path] = sub.changes[e.path], sub.snapshots[e.path]
                    run.roots[e.path] = sub.roots[e.path]
        run.suppressed += sub.suppressed  # as tagged: the directives in these files are the second run's to judge
        run.suppression_problems += [(s, why) for s, why in sub.suppression_problems if s.path in paths]
        run.held += sub.held
        run.benchmarks += sub.benchmarks
        run.cold += sub.cold
    return run


def _together(run, sub, toolchains: list[Toolchain], busy: list[str], options: Options) -> str:
    """Why this run's verified fixes and the second run's do not hold in one build of the releases that compile
    `paths` ("" when they do: each judged against the original's escapes as it was alone, and every file of that
    build the one the two runs write). Built only where each changed file that may share a build with them is in
    a package the second run proposed for (its view lists the package as these releases build it): that one
    compile holds them all; elsewhere they were never compiled together.
    The first release's build leaves these files out: it is the build the first run verified."""
    theirs = [v.fix for v in sub.verdicts if isinstance(v, Verified)]
    dirs = {os.path.dirname(e.path) for f in theirs for e in f.edits}
    views = {pkg: view for pkg, view in sub.views.items() if view.package.dir in dirs}
    if {os.path.dirname(p) for p in busy} - dirs or len(views) != len(dirs):
        return "never compiled with it"
    by_dir = {view.package.dir: pkg for pkg, view in views.items()}
    fixes: dict[str, list] = {pkg: [] for pkg in views}
    for fix in [v.fix for v in run.verdicts if isinstance(v, Verified)] + theirs:
        pkg = by_dir.get(os.path.dirname(fix.edits[0].path))
        if pkg is not None:  # as verified: its alternatives were judged in its place already
            fixes[pkg].append(replace(fix, instead=()))
    checked = verify(toolchains, run.elsewhere.cwd, views, fixes, options.checks, options.progress, options.cache)
    failed = next((v for v in checked.verdicts if not isinstance(v, Verified)), None)
    if failed is not None:  # compiled with it: a name both declare, or an escape only the two together leave
        return f"and the two fail together ({os.path.basename(failed.fix.targets[0].path)}: {failed.reason})"
    written = {**run.changes, **sub.changes}
    if any(written.get(path) != data for path, data in checked.contents.items()):
        return "and the two built together are not the files the run writes"
    return ""


def _meeting(run, toolchains: list[Toolchain], paths: set[str]) -> list[str]:
    """The files this run changed that may be compiled with `paths` (the files only these releases
    compile): their package's own, and those of a package it or its tests depend on (inlined or instantiated in
    it) or that depends on it (the other way), under each of these releases (`go list -deps -test`, test
    variants too). Any other package's change cannot meet them in one build. A run over std, whose packages the
    listing leaves out, counts every change."""
    dirs = {os.path.dirname(p) for p in paths}
    changed = sorted(run.changes)
    if all(os.path.dirname(p) in dirs for p in changed) or any(p.standard for p in run.packages):
        return changed
    near = set(dirs)
    for tc in toolchains:
        lines = dependencies.listing(tc, run.elsewhere.patterns, run.elsewhere.cwd).lines.values()
        folder = {line.name.split(" ")[0]: os.path.normpath(line.dir) for line in lines}
        mine = [line for line in lines if os.path.normpath(line.dir) in dirs]  # `p`, `p [p.test]`, `p_test [p.test]`
        if not mine:  # not listed (go list failed?): nothing shows what it shares a build with
            return changed
        named = {line.name.split(" ")[0] for line in mine}
        reach = {d.split(" ")[0] for line in mine for d in line.deps}
        reach |= {line.name.split(" ")[0] for line in lines if named & {d.split(" ")[0] for d in line.deps}}
        near |= {folder[name] for name in reach if name in folder}
    return [p for p in changed if os.path.dirname(p) in near]
