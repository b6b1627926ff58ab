"""The one-way flow: load packages → read escapes → parse → rules propose → patch → verify."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace

from gorewrite import cache, exports, relocated, suppress, unlisted
from gorewrite.edits import conflicts
from gorewrite.errors import UserError
from gorewrite.escape_listing import EscapeListing
from gorewrite.escapes import BuildResult, Escape, compile_escapes
from gorewrite.files import Memory, Snapshots, Sources, listed
from gorewrite.instances import attribute, heap_in_generic, merge, tested, unseen
from gorewrite.iterators import Standard
from gorewrite.options import OUTSIDE, Options, outside
from gorewrite.overlay import overlay_file
from gorewrite.packages import Package, arguments, load
from gorewrite.parsed import Recalled
from gorewrite.parsed import folder as parsed_folder
from gorewrite.profile import Weights, join
from gorewrite.proposals import Candidate, Declined, Fix, PackageView, Rule
from gorewrite.proposing import propose
from gorewrite.rangefunc import Note
from gorewrite.relocated import Relocations
from gorewrite.rules import OPTIONS, RULES, required
from gorewrite.suppress import Suppression
from gorewrite.toolchain import Toolchain
from gorewrite.verify import Verdict, Verified, verify
from gorewrite.verify.bench import Delta
from gorewrite.write import absent

# Seconds the escape listing may take to list the packages itself (a warm std replays in ~0.5 s on a quiet
# machine); past it, go list lists them beside the compile, as it does when the listing failed.
LISTED_GRACE = 1.0


@dataclass
class Analysis:
    """What a run found before proposing anything: all `check` renders."""

    toolchain: Toolchain  # the first of `toolchains`: it lists the packages and formats the rewrites
    packages: list[Package]
    toolchains: list[Toolchain] = field(default_factory=list)  # every rewrite must hold under each
    broken: dict[str, str] = field(default_factory=dict)  # import path -> what is wrong
    sites: list[tuple[Escape, str | None]] = field(default_factory=list)  # heap escape, rule that recognises it
    reported_by: dict[Escape, tuple[str, ...]] = field(default_factory=dict)  # heap escape -> toolchain versions
    screened: list[Candidate] = field(default_factory=list)  # declined: from messages and syntax, or (check) propose
    held_back: dict[Escape, str] = field(default_factory=dict)  # check: "speculative" or "unsafe", fix asks a flag
    suppressed: list[tuple[Candidate, Suppression]] = field(default_factory=list)  # //gorewrite:ignore
    suppression_problems: list[tuple[Suppression, str]] = field(default_factory=list)  # no reason, unused, …
    snapshots: Snapshots = field(default_factory=Snapshots)  # read when first asked for
    roots: dict[str, str] = field(default_factory=dict)  # path -> the root its diff path is relative to
    weights: Weights | None = None  # --profile, joined with the packages
    relocations: dict[Note, None] = field(default_factory=dict)  # escapes printed at a range-over-func `for`
    elsewhere: unlisted.Listings | None = None  # the files the first release does not compile, and who does

    def compiled(self) -> set[str]:
        """The packages the escape compile built: their export data is in the go command's cache."""
        return {p.import_path for p in self.packages if p.import_path not in self.broken}

    def ignored(self) -> dict[Escape, Suppression]:
        """The sites a //gorewrite:ignore directive keeps as they are, with the directive."""
        return {cand.escape: directive for cand, directive in self.suppressed}


@dataclass
class Run(Analysis):
    """What `fix` decided on top of what the analysis found; report.py renders it, write.py applies it."""

    declined: list[Declined] = field(default_factory=list)
    held: list[Fix] = field(default_factory=list)  # unsafe and speculative fixes not asked for: not verified
    verdicts: list[Verdict] = field(default_factory=list)
    changes: dict[str, bytes] = field(default_factory=dict)  # path -> new content, verified fixes only
    benchmarks: list[Delta] = field(default_factory=list)  # --verify bench: the affected packages' benchmarks
    cold: list[Candidate] = field(default_factory=list)  # --profile: sites outside the hot cut, not proposed
    views: dict[str, PackageView] = field(default_factory=dict)  # proposed for, as its releases list them: _together


def analyse(
    toolchains: list[Toolchain], patterns: list[str], cwd: str, rules: list[Rule], options: Options = Options()
) -> tuple[Analysis, dict[str, PackageView], dict[str, list[Candidate]]]:
    """Load, compile once with -m per toolchain, and let each rule recognise its sites: all `check` needs.

    Rules see the union of what the toolchains report: a rewrite may pay off on one release only.
    """
    options.progress("listing packages")
    exports.forget()
    memory = Memory(cache.remembered if options.cache else None)
    recalled = Recalled() if options.cache else None
    with overlay_file(options.unsaved) as overlay:
        early = EscapeListing(toolchains[0], arguments(patterns, cwd), cwd, overlay, parser=recalled)  # while go lists
        try:
            run, good = _listed(toolchains, patterns, cwd, memory, early.listed(LISTED_GRACE))
            listings = unlisted.Listings(toolchains, patterns, cwd, memory.generated)
            good = unlisted.everywhere(listings, run, good, options.excluded)
            paths, files = [p.import_path for p in good], {p.import_path: p.files for p in good}
            early.know(files)  # parsed while go still replays the rest
            sources_of = {p.import_path: _sources(run, p, options, memory) for p in good}  # listed meanwhile
            builds = {}
            for tc in toolchains if good else []:
                options.progress(f"compiling {len(good)} packages with {tc.version} (-gcflags=-m)")
                if tc is toolchains[0] and not run.broken and early.clean():
                    builds[tc.version] = early.result(paths, files)
                else:
                    early.stop()
                    builds[tc.version] = compile_escapes(tc, paths, cwd, overlay=overlay, files=files)
            if overlay is None:  # the listing's export data is the files' on disk; a command's, unlinked, too
                exports.known(toolchains[0], early.exported(), cwd)
        finally:
            early.stop()
    if options.exports and options.cache:  # listed while attribution and the rules find
        exports.prefetch_meanwhile(
            toolchains, good, {p.import_path for p in good} - {f for b in builds.values() for f in b.failed}, cwd
        )
    names, in_std = {p.import_path: p.name for p in good}, frozenset(p.import_path for p in good if p.standard)
    builds = {version: attribute(b, files, names, in_std) for version, b in builds.items()}
    with_tests = _with_tests(good, builds, sources_of)
    for tc in toolchains if with_tests else []:
        options.progress(f"compiling the tests of {len(with_tests)} packages that declare generics")
        merge(builds[tc.version].escapes, tested(tc, with_tests, cwd, files, names))
    views: dict[str, PackageView] = {}
    candidates: dict[str, list[Candidate]] = {}
    values = {name: options.rule_options.get(name, option.default) for name, option in OPTIONS.items()}
    needed = required(rules)
    root = next((r for p in good if p.standard and _is_goroot(r := os.path.dirname(_std_root(p)))), None)
    libraries = {tc.version: Standard(tc, cwd, root) for tc in toolchains}  # std iterators' source, read when asked
    relocations = Relocations(options.cache)
    computed = False
    for number, pkg in enumerate(good, 1):
        options.progress(f"recognising sites: package {number}/{len(good)} {pkg.import_path}")
        failed = [(version, b.failed[pkg.import_path]) for version, b in builds.items() if pkg.import_path in b.failed]
        if failed:
            version, error = failed[0]
            run.broken[pkg.import_path] = error if len(toolchains) == 1 else f"with {version}: {error}"
            continue
        by_version = {}
        for version, b in builds.items():  # a range-over-func body's escapes, from its `for` to their sites
            said = b.escapes.get(pkg.import_path, ())
            found, notes = relocations(said, sources_of[pkg.import_path], pkg.files, libraries[version], version)
            by_version[version] = tuple(found)
            run.relocations.update(dict.fromkeys(notes))
        escapes = tuple(dict.fromkeys(e for found in by_version.values() for e in found))
        files = set(pkg.files)
        kept = {path for path in files if not options.excluded(path)}  # options.wanted, one file at a time
        heap = [
            e
            for e in escapes
            if e.path in kept and e.heap and (options.lines is None or options.wanted(e.path, e.line))
        ]
        others = {path for path in unlisted.outside(toolchains, pkg, escapes) if not options.excluded(path)}
        heap += [e for e in unlisted.sites(listings, pkg, escapes, others) if options.wanted(e.path, e.line)]
        if not (heap or any(e.path in files and e.message.endswith(" does not escape") for e in escapes)):
            continue  # nothing allocates on the heap here: nothing to parse
        instances = tuple(sorted({i for b in builds.values() for i in b.instances.get(pkg.import_path, ())}))
        view = PackageView(
            pkg,
            sources_of[pkg.import_path],
            escapes,
            by_toolchain=by_version,
            instances=instances,
            tested=pkg.import_path in with_tests,
            options=values,
            required=needed,
            rules=tuple(r.name for r in rules),
        )
        views[pkg.import_path] = view
        found, fresh = cache.find(view, rules, options.cache)
        computed |= fresh
        found = [c for c in found if options.wanted(c.path, c.escape.line)]
        found, suppressed, problems = suppress.apply(view, found, {r.name for r in rules}, set(RULES))
        run.suppressed += suppressed
        run.suppression_problems += problems
        view.release()  # what find parsed is parsed again only where a candidate is proposed for
        run.screened += [c for c in found if c.declined]
        candidates[pkg.import_path] = [c for c in found if not c.declined]
        by_site = {c.escape: c.rule for c in candidates[pkg.import_path]}
        # A site a rule recognises though no release calls it a heap escape: go1.25+'s
        # `make([]T, n) does not escape`, which still allocates on the heap above 32 bytes.
        stack = list(dict.fromkeys(c.escape for c in found if not c.escape.heap))
        run.sites += [(e, by_site.get(e)) for e in heap + stack]
        run.reported_by.update(_reported_by(heap + stack, by_version))
    run.elsewhere = listings
    if computed and options.cache:
        cache.prune()
    if recalled and recalled.stored:
        cache.prune(folder=parsed_folder())
    if relocations.stored:
        cache.prune(folder=relocated.folder())
    run.weights = join(options.profile.result(), run.packages) if options.profile else None  # read meanwhile
    return run, views, candidates


def _reported_by(sites: list[Escape], by_version: dict[str, tuple[Escape, ...]]) -> dict[Escape, tuple[str, ...]]:
    """Which toolchains report each site."""
    said = [(v, set(found)) for v, found in by_version.items()]
    return {e: tuple(v for v, found in said if e in found) for e in sites}


def _with_tests(good: list[Package], builds: dict[str, BuildResult], sources_of: dict[str, Sources]) -> list[str]:
    """The packages (not std's) whose tests may instantiate a generic of theirs no compiled copy printed a line
    of, or one with a heap site: a fix there is judged by the tests' copies too, `before` as `after`."""
    found = []
    for pkg in good:
        if pkg.tests and not pkg.standard and not any(pkg.import_path in b.failed for b in builds.values()):
            said = [e for b in builds.values() for e in b.escapes.get(pkg.import_path, ())]
            sources = {path: sources_of[pkg.import_path][path] for path in pkg.files}
            if unseen(sources, said) or heap_in_generic(sources, said):
                found.append(pkg.import_path)
    return found


def fix(
    toolchains: list[Toolchain], patterns: list[str], cwd: str, rules: list[Rule], options: Options = Options()
) -> Run:
    """Propose, verify with every toolchain's compiler, and compute the new file contents (nothing is written here)."""
    if options.unsaved:  # go/types reads the files on disk: its offsets would not be the buffer's
        raise UserError("rewrites are proposed for saved files only: save the file first")
    analysis, views, candidates = analyse(toolchains, patterns, cwd, rules, options)
    run = Run(**vars(analysis), views=views)
    run.declined += [Declined(c.rule, c.escape, c.declined) for c in run.screened]
    fixes: dict[str, list[Fix]] = {}
    hot = run.weights.hot(options.hot) if run.weights else None
    for pkg, found in candidates.items() if hot is not None else ():
        run.cold += [c for c in found if (c.path, c.escape.line) not in hot]
        candidates[pkg] = [c for c in found if (c.path, c.escape.line) in hot]
    proposed = propose(toolchains, cwd, rules, views, candidates, run.compiled(), options.progress, options.cache)
    waiting: list[tuple[Fix, Fix]] = []  # a fix that overlaps one kept in this run, and that one
    for pkg, proposals in proposed.items():
        view = views[pkg]
        run.declined += [p for p in proposals if isinstance(p, Declined)]
        found = [p for p in proposals if isinstance(p, Fix)]
        beyond = [f for f in found if outside(view, f.edits, options)]
        run.declined += [Declined(f.rule, f.targets[0], OUTSIDE) for f in beyond]
        found = [f for f in found if f not in beyond]
        wanted = [f for f in found if _asked_for(f, options)]
        run.held += [f for f in found if f not in wanted]
        kept, deferred = _without_conflicts(wanted)
        waiting += deferred
        fixes[pkg] = kept
    verification = verify(toolchains, cwd, views, fixes, options.checks, options.progress, options.cache)
    run.verdicts, run.benchmarks = verification.verdicts, verification.benchmarks
    run.declined += _still_waiting(waiting, run.verdicts)
    for path, content in verification.contents.items():
        if path not in run.snapshots:  # a file the rewrite creates, beside the package's others
            run.roots[path] = next(run.roots[p] for p in run.snapshots if os.path.dirname(p) == os.path.dirname(path))
            run.snapshots[path] = absent(path)
        run.changes[path] = content
    return unlisted.examined(run, rules, options, fix)


def _asked_for(fix: Fix, options: Options) -> bool:
    """Is the fix safe, or unsafe with --unsafe-fixes, and sure, or speculative with --speculative or on a site
    --profile calls hot (the only ones proposed with a profile: the inputs that reach it are the ones profiled)?"""
    speculative_ok = options.speculative or options.profile is not None
    return (fix.safety == "safe" or options.unsafe_fixes) and (not fix.speculative or speculative_ok)


def _listed(
    toolchains: list[Toolchain], patterns: list[str], cwd: str, memory: Memory, listed: list[dict] | None
) -> tuple[Analysis, list[Package]]:
    """The packages the patterns name, those go list cannot load marked broken, and the others."""
    packages = load(toolchains[0], patterns, cwd, memory.generated, listed)
    standard = next((p.import_path for p in packages if p.standard), None)
    if standard and len(toolchains) > 1:
        raise UserError(
            f"{standard} is part of the Go installation, whose source differs between releases: "
            "check or fix it with one toolchain"
        )
    run = Analysis(toolchains[0], packages, toolchains=toolchains)
    run.broken = {p.import_path: p.error for p in packages if p.error}
    return run, [p for p in packages if not p.error]


def _sources(run: Analysis, pkg: Package, options: Options, memory: Memory) -> Sources:
    """Every .go file in the package directory (an editor's buffer for an unsaved one): a factory's callers
    may hide in files the build skips. Read only when asked for where the stat is as a run remembered it."""
    sources, remember = listed(pkg.dir, run.snapshots, options.unsaved, memory)
    if remember is not None:
        cache.remember(pkg.dir, remember)
    root = pkg.module_root or _std_root(pkg)
    run.roots.update(dict.fromkeys(sources, root))
    return sources


def _is_goroot(root: str) -> bool:
    """Is root a Go installation (its src/go.mod declares `module std`)? A user's module may call itself
    std too, and then the folder above it is no GOROOT: go is asked instead."""
    try:
        with open(os.path.join(root, "src", "go.mod"), "rb") as f:
            return f.readline().strip() == b"module std"
    except OSError:
        return False


def _std_root(pkg: Package) -> str:
    """Standard-library diffs are relative to GOROOT/src, as the Go project's own patches are."""
    parts = pkg.import_path.split("/")
    return os.path.normpath(os.path.join(pkg.dir, *[".."] * len(parts)))


def _without_conflicts(found: list[Fix]) -> tuple[list[Fix], list[tuple[Fix, Fix]]]:
    """Overlapping fixes are never merged: one wins, the others wait. Between rules the first rule's wins
    (rules propose in their order); within a rule, the fix that removes more heap allocations (a pool
    seven Buffers share, not the tabwriter over one of them, which waits one run where the other order
    cost the seven two). The kept fixes keep their order; a waiting fix that overlaps no other kept fix
    is tried in the place of the one it overlaps, should verification reject that one (after its own
    alternatives): waiting for a rewrite that never comes, it would wait forever."""
    kept: list[Fix] = []
    waiting: list[tuple[Fix, Fix]] = []
    rank = {rule: float(n) for n, rule in enumerate(dict.fromkeys(f.rule for f in found))}
    for rule in rank:  # a rule that builds on another (`requires`) comes right after it: the other's rewrite goes first
        rank[rule] = max([rank[rule], *(rank[r] + 0.5 for r in RULES[rule].requires if r in rank)])
    for candidate in sorted(found, key=lambda f: (rank[f.rule], -len(f.targets))):
        first = next((other for other in kept if conflicts(candidate.edits, other.edits)), None)
        if first is None:
            kept.append(candidate)
        else:
            waiting.append((candidate, first))
    then: dict[int, list[Fix]] = {}
    for fix, first in waiting:
        if all(other is first or not conflicts(fix.edits, other.edits) for other in kept):
            then.setdefault(id(first), []).append(fix)
    chained = [replace(f, instead=f.instead + tuple(then[id(f)])) if id(f) in then else f for f in found if f in kept]
    return chained, waiting


def _still_waiting(waiting: list[tuple[Fix, Fix]], verdicts: list[Verdict]) -> list[Declined]:
    """The waiting fixes verification did not judge in the place of the one they overlap, declined with
    what they wait for: a verified rewrite they overlap, to be applied first, or else a rejected one (the
    next run proposes them without it). A site a verified fix took is not declined (build-variant's
    variant carries make-const's rewrite in place, which went first)."""
    judged = {id(v.fix) for v in verdicts}
    verified = [v.fix for v in verdicts if isinstance(v, Verified)]
    taken = {t for f in verified for t in f.targets}  # a site a verified fix removes is done, not declined
    declined = []
    for fix, first in waiting:
        if id(fix) in judged:
            continue  # tried in the place of `first`: its verdict says what became of it
        applied = next((v for v in verified if conflicts(fix.edits, v.edits)), None)
        blocker = applied or first
        where = blocker.targets[0]
        said = f"overlaps {blocker.rule}'s rewrite of {os.path.basename(where.path)}:{where.line} in this run"
        if applied is not None:
            reason = f"{said}; run gorewrite again once that one is applied"
        else:
            reason = f"{said}, which verification rejected; run gorewrite again: it no longer stands in the way"
        declined += [Declined(fix.rule, t, reason) for t in fix.targets if t not in taken]
    return declined
