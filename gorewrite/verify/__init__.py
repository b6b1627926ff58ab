"""The compiler is the judge: compile every proposal in an overlay and keep only what it confirms.

A fix is verified when, under every requested toolchain, its package still builds and the
compile bears out the fix's claim (judge.py): its targets gone, nothing new escaping. All
packages are compiled in one `go build` per toolchain; a failing group is split in halves
(schedule.py) until the culprits are found. Fixes that need it also pass the package's go vet
and go test, and --verify bench compares its benchmarks (gocmd.py, bench.py).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from gorewrite import callees
from gorewrite.claims import needs_race, needs_tests, variant
from gorewrite.edits import EditConflict
from gorewrite.errors import UserError
from gorewrite.escapes import BuildResult, compile_escapes
from gorewrite.formatted import formatter
from gorewrite.instances import attribute, copies_of, merge, said_by_tests, shown, test_sections
from gorewrite.iterators import Standard
from gorewrite.overlay import originals, overlay_file
from gorewrite.packages import compiled, package_names
from gorewrite.patch import rewritten
from gorewrite.progress import Report, silent
from gorewrite.proposals import Fix, PackageView
from gorewrite.rangefunc import relocate, returned
from gorewrite.toolchain import Toolchain
from gorewrite.verify import bench
from gorewrite.verify.gocmd import inline_verdict, test_failures, vet_failures
from gorewrite.verify.judge import Uninlined, hidden_removed, judge, removed
from gorewrite.verify.schedule import Final, settle

MAX_ROUNDS = 64


@dataclass(frozen=True)
class Verified:
    """The compiler confirmed the fix; `removed` says per toolchain version how many heap escapes it took away,
    `original_on` which toolchains build the untouched original instead of the fix's variant file, `hidden`
    per version how many heap allocations it took away that the release's messages do not call one (a
    variable-size make go1.25+ reports `does not escape`: on the heap above 32 bytes at run time)."""

    fix: Fix
    removed: tuple[tuple[str, int], ...] = ()
    original_on: tuple[str, ...] = ()
    hidden: tuple[tuple[str, int], ...] = ()
    judged_by: tuple[str, ...] = ()  # a generic's site: the copies that judged it (outside the run: unjudged)


@dataclass(frozen=True)
class Rejected:
    """The compiler (or the package's vet and tests) did not confirm the fix, in its words."""

    fix: Fix
    reason: str


Verdict = Verified | Rejected


@dataclass(frozen=True)
class Verification:
    """Every fix's verdict, the benchmark deltas of what held, and the new file contents of what held."""

    verdicts: list[Verdict]
    benchmarks: list[bench.Delta]
    contents: dict[str, bytes]


def created(view: PackageView, fixes: list[Fix]) -> set[str]:
    """The files the fixes create: edits naming a file the package directory does not hold."""
    return {e.path for f in fixes for e in f.edits if e.path not in view.sources}


@dataclass
class _Checks:
    """What --verify asks beyond the compile, and what the runs found: benchmarks before and after
    each group, the files each package's build took, the variant files a toolchain left out, and
    the file contents each group compiled with."""

    tests: set[str]  # the packages whose go vet and go test must pass (--verify tests, or a Tested claim)
    bench: bool
    # The packages whose go test runs with -race (Tested(race=True)) under the first toolchain only (the source's
    # synchronisation decides a race; another release's detector samples it again at a second race-built std's
    # cost), unless varied: a rewrite in a variant file, or a file (a test too) another build may compile.
    race: set[str] = field(default_factory=set)
    racer: str = ""  # the version that runs them
    varied: set[str] = field(default_factory=set)  # of race, the packages raced under every toolchain
    baseline: dict[tuple[str, str], dict[str, bench.Sample]] = field(default_factory=dict)  # (version, pkg)
    after: dict[tuple[str, str, tuple[int, ...]], dict[str, bench.Sample]] = field(default_factory=dict)  # + group
    built: dict[str, set[str]] = field(default_factory=dict)  # package -> the files some toolchain compiled
    skips: set[tuple[str, str]] = field(default_factory=set)  # (variant file, version) the build leaves out
    contents: dict[tuple[str, tuple[int, ...]], dict[str, bytes]] = field(default_factory=dict)  # (pkg, group)
    unrewritten: dict[tuple[str, str], str | None] = field(default_factory=dict)  # (version, pkg) -> why its
    # vet or tests fail without any rewrite (None: they pass), asked once one failed with the rewrites
    copies: dict[int, set[str]] = field(default_factory=dict)  # id(fix) -> who compiled its generic (printers)
    remember: bool = True  # gofmt's output read from the user cache (--no-cache: never)


def verify(
    toolchains: list[Toolchain],
    cwd: str,
    views: dict[str, PackageView],
    fixes: dict[str, list[Fix]],
    checks: frozenset[str] = frozenset(),
    progress: Report = silent,
    remember: bool = True,
) -> Verification:
    """Judge every package's fixes with each toolchain's real compiler, and with the package's own
    go vet + go test ("tests") and benchmarks ("bench") when asked."""
    groups = {pkg: group for pkg, group in fixes.items() if group}
    verdicts: list[Verdict] = []
    tests = {pkg for pkg, group in groups.items() if "tests" in checks or any(needs_tests(f.claim) for f in group)}
    raced = {pkg for pkg, group in groups.items() if any(needs_race(f.claim) for f in group)}
    varied = {p for p in raced if any(variant(f.claim) for f in groups[p]) or callees.left_out(views[p])}
    extra = _Checks(
        tests=tests,
        bench="bench" in checks,
        race=raced,
        racer=toolchains[0].version if toolchains else "",
        varied=varied,
        remember=remember,
    )
    for toolchain in toolchains:
        if not (extra.bench and groups):
            continue
        progress(
            f"running the tests and benchmarks of {len(groups)} packages before any rewrite, with {toolchain.version}"
        )
        first = [p for p in groups if p in extra.tests]
        failed = test_failures(toolchain, cwd, first, None, _raced(extra, toolchain, first)) if first else {}
        samples, broken = bench.run(toolchain, cwd, [p for p in groups if p not in failed], None)
        failed.update(broken)
        extra.baseline.update(((toolchain.version, p), found) for p, found in samples.items())
        extra.unrewritten.update(((toolchain.version, p), None) for p in first if p not in failed)
        for pkg, reason in failed.items():
            reason = f"cannot verify: {_named(toolchain, toolchains)}{reason} even without any rewrite"
            verdicts += [Rejected(f, reason) for f in groups.pop(pkg)]

    def compile_round(round_: int, batch: dict[str, list[Fix]]) -> dict[str, str]:
        failures: dict[str, str] = {}
        for toolchain in toolchains:
            progress(
                f"verifying {sum(map(len, batch.values()))} rewrites in {len(batch)} packages with {toolchain.version}"
                f" (round {round_}{', with tests' if extra.tests else ''}{', with benchmarks' if extra.bench else ''})"
            )
            found = _check(
                toolchain,
                toolchain is toolchains[0],
                cwd,
                views,
                {p: g for p, g in batch.items() if p not in failures},
                extra,
            )
            named = _named(toolchain, toolchains)
            for pkg, why in found.items():
                failures[pkg] = (
                    Final(f"cannot verify: {named}{why} even without any rewrite")
                    if isinstance(why, Final)
                    else named + why
                )
        for pkg, group in batch.items():
            unbuilt = sorted(created(views[pkg], group) - extra.built.get(pkg, set()))
            if pkg not in failures and unbuilt:
                failures[pkg] = (
                    f"no requested toolchain compiles {os.path.basename(unbuilt[0])}: "
                    "add a --toolchain its build constraint selects"
                )
        return failures

    outcome = settle(groups, compile_round, MAX_ROUNDS, instead=lambda f: f.instead)
    verdicts += _rejected(outcome.rejected, [f for groups in outcome.accepted.values() for g in groups for f in g])
    deltas: list[bench.Delta] = []
    contents: dict[str, bytes] = {}
    for pkg, accepted in outcome.accepted.items():
        verdicts += [Rejected(f, "verification did not settle within its round limit") for f in outcome.unsettled[pkg]]
        for f in (f for g in accepted for f in g):
            judged = [tc.version for tc in toolchains if (variant(f.claim), tc.version) not in extra.skips]
            original_on = tuple(tc.version for tc in toolchains if tc.version not in judged)
            gone = removed(views[pkg], f, judged)
            copies = tuple(sorted(shown(p) for p in extra.copies.get(id(f), ())))
            verdicts.append(Verified(f, gone, original_on, hidden_removed(views[pkg], f, judged), copies))
        for group in accepted:
            contents.update(extra.contents[(pkg, _key(group))])
            for toolchain in toolchains:
                after = extra.after.get((toolchain.version, pkg, _key(group)), {})
                before = extra.baseline.get((toolchain.version, pkg), {})
                deltas += [
                    bench.Delta(pkg, toolchain.version, n, before[n], after[n]) for n in sorted(after) if n in before
                ]
    return Verification(verdicts, deltas, contents)


def _rejected(rejected: list[tuple[Fix, str]], accepted: list[Fix]) -> list[Rejected]:
    """The rejected fixes, each with the targets no accepted fix (an alternative of it) took, nor a fix
    rejected before (the one an alternative stands in for: its reason is the one to give)."""
    taken = {t for f in accepted for t in f.targets}
    found = []
    for fix, reason in rejected:
        left = tuple(t for t in fix.targets if t not in taken)
        taken.update(left)
        if left:
            found.append(Rejected(fix if left == fix.targets else replace(fix, targets=left, instead=()), reason))
    return found


def _key(group: list[Fix]) -> tuple[int, ...]:
    return tuple(sorted(id(f) for f in group))


def _named(toolchain: Toolchain, toolchains: list[Toolchain]) -> str:
    """`go1.24.11: ` before a reason when more than one toolchain judges."""
    return f"{toolchain.version}: " if len(toolchains) > 1 else ""


def _check(
    toolchain: Toolchain,
    first: bool,
    cwd: str,
    views: dict[str, PackageView],
    batch: dict[str, list[Fix]],
    extra: _Checks,
) -> dict[str, str]:
    """Compile every package of the batch with its group's rewrites in one overlay; failures by package.

    Packages that gain files (build variants) are also listed, so each fix is judged where the
    build compiles its code, and vetted: `extra.built` collects which files this toolchain
    compiled, `extra.skips` which fixes' variant files it left out. The `first` toolchain's
    contents are the ones written, as it formats them.
    """
    failures: dict[str, str] = {}
    contents: dict[str, dict[str, bytes]] = {}
    gofmt, names = formatter(toolchain, extra.remember), package_names(toolchain, cwd)  # names: unused_imports
    for pkg, group in batch.items():
        try:
            contents[pkg] = rewritten(gofmt, views[pkg].sources, [e for f in group for e in f.edits], names)
        except (EditConflict, UserError) as err:
            failures[pkg] = f"the rewrite does not parse: {err}"
        else:
            if first:
                extra.contents[(pkg, _key(group))] = contents[pkg]
    if not contents:
        return failures
    buffers = {path: data for files in contents.values() for path, data in files.items()}
    with overlay_file(buffers) as overlay:
        new_files = {pkg: created(views[pkg], batch[pkg]) for pkg in contents}
        growing = [pkg for pkg, paths in new_files.items() if paths]
        files = {pkg: (*views[pkg].package.files, *sorted(new_files[pkg])) for pkg in contents}
        # the packages that instantiate the batch's generics compile their bodies: judged by their copies too
        instantiating = sorted({i for pkg in contents for i in views[pkg].instances} - set(contents))
        names = {pkg: views[pkg].package.name for pkg in contents}
        compiling = [*contents, *instantiating]
        printed = compile_escapes(toolchain, compiling, cwd, overlay=overlay, files=files, inlining=True)
        result = attribute(
            printed,
            files,
            names,
            frozenset(pkg for pkg in contents if views[pkg].package.standard),
        )
        raw = dict(printed.escapes)
        untested = {pkg: list(found) for pkg, found in result.escapes.items()}
        variants = [pkg for pkg in contents if views[pkg].tested and pkg not in result.failed]
        sections = {}
        if variants:  # the analysis compiled their tests too: the same copies judge the fix
            sections = test_sections(toolchain, variants, cwd, files, overlay)
            raw |= sections
            merge(result.escapes, attribute(BuildResult(sections, {}), files, names).escapes)
        built = compiled(toolchain, cwd, growing, overlay) if growing else {}
        files_of = files
        std = Standard(toolchain, cwd)  # std iterators' source, as the analysis read `before`: asked once a round
        for pkg, files in contents.items():
            extra.built.setdefault(pkg, set()).update(built.get(pkg, ()))
            extra.skips.update(
                (variant(f.claim), toolchain.version)
                for f in batch[pkg]
                if variant(f.claim) and pkg in built and variant(f.claim) not in built[pkg]
            )
            broken = next((i for i in views[pkg].instances if i in result.failed), None)
            if pkg in result.failed:
                failures[pkg] = f"the package no longer compiles: {result.failed[pkg]}"
            elif broken:
                failures[pkg] = f"{broken}, which instantiates its generics, does not compile: {result.failed[broken]}"
            else:
                before = views[pkg].by_toolchain.get(toolchain.version, views[pkg].escapes)
                source = _source(files, views[pkg])
                after, _ = relocate(result.escapes.get(pkg, []), source, views[pkg].package.files, std)
                problem = judge(views[pkg], before, batch[pkg], files, after, built.get(pkg))
                copies = {id(f): copies_of(f.targets, views[pkg].sources, files, raw) for f in batch[pkg]}
                for f in batch[pkg]:
                    extra.copies.setdefault(id(f), set()).update(copies[id(f)])
                if problem and not isinstance(problem, Uninlined) and pkg in variants:
                    problem += said_by_tests(problem, pkg, untested.get(pkg, []), sections, files_of, names)
                back = returned(before, after, (t for f in batch[pkg] for t in f.targets))
                if back is not None and not problem:
                    problem = f"the compiler still reports `{back.message}`, at a range-over-func loop's `for`"
                if isinstance(problem, Uninlined):
                    said = inline_verdict(toolchain, cwd, pkg, overlay, problem.name)
                    problem = str(Uninlined(problem.name, problem.kept, said))
                if problem:
                    failures[pkg] = problem
        vetted = [pkg for pkg in growing if pkg not in failures and pkg not in extra.tests]
        if vetted:
            vet = vet_failures(toolchain, cwd, vetted, overlay)
            failures.update(vet)
            failures.update(_unrewritten(toolchain, cwd, list(vet), extra))
        passed = [pkg for pkg in contents if pkg not in failures]
        if any(p in extra.tests for p in passed):
            tested = [p for p in passed if p in extra.tests]
            failures.update(test_failures(toolchain, cwd, tested, overlay, _raced(extra, toolchain, tested)))
            failures.update(_unrewritten(toolchain, cwd, [p for p in tested if p in failures], extra))
            passed = [pkg for pkg in passed if pkg not in failures]
        if extra.bench and passed:
            samples, broken = bench.run(toolchain, cwd, passed, overlay)
            failures.update(broken)
            for pkg, found in samples.items():
                problem = bench.worse(extra.baseline.get((toolchain.version, pkg), {}), found)
                if problem:
                    failures[pkg] = problem
                else:
                    extra.after[(toolchain.version, pkg, _key(batch[pkg]))] = found
    # the go command names the overlaid copies: say the user's files (a Final stays one)
    return {pkg: type(why)(originals(why, buffers, cwd)) for pkg, why in failures.items()}


def _source(contents: dict[str, bytes], view: PackageView) -> Callable[[str], bytes | None]:
    """A file's content as this build compiled it: rewritten, or as the package has it."""
    return lambda path: contents[path] if path in contents else view.sources.get(path)


def _unrewritten(toolchain: Toolchain, cwd: str, failed: list[str], extra: _Checks) -> dict[str, Final]:
    """Of the packages whose vet or tests failed with the rewrites, those that fail without any too, and why:
    a Final failure, no rewrite is to blame. Run only after a failure (once per package and toolchain), as
    a vet and tests that pass with the rewrites are all a claim or a new file asks. A package that is
    only vetted (it gains files but claims no tests) is only vetted again."""
    unknown = [p for p in failed if (toolchain.version, p) not in extra.unrewritten]
    tested = [p for p in unknown if p in extra.tests]
    found = test_failures(toolchain, cwd, tested, None, _raced(extra, toolchain, tested)) if tested else {}
    vetted = [p for p in unknown if p not in extra.tests]
    found.update(vet_failures(toolchain, cwd, vetted, None) if vetted else {})
    extra.unrewritten.update(((toolchain.version, p), found.get(p)) for p in unknown)
    return {p: Final(why) for p in failed if (why := extra.unrewritten[(toolchain.version, p)])}


def _raced(extra: _Checks, toolchain: Toolchain, pkgs: list[str]) -> bool:
    """Do these packages' tests run with -race under this toolchain?"""
    raced = extra.race & set(pkgs)
    return bool(raced) and (toolchain.version == extra.racer or bool(raced & extra.varied))
