"""The compiler is the judge: compile every proposal in an overlay and keep only what it confirms.

A fix is verified when, under every requested toolchain, its package still builds, the escapes
it targets that this release reported are gone from the declarations it touched, and no new
heap escape appears there. All packages are compiled in one `go build` per toolchain; a failing
group is split in halves (bisect) until the culprits are found, and halves verified apart are
compiled once more together before they count.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from dataclasses import dataclass, field

from gorewrite import bench
from gorewrite.edits import EditConflict
from gorewrite.errors import UserError
from gorewrite.escapes import Escape, compile_escapes
from gorewrite.patch import line_endings, render
from gorewrite.progress import Report, silent
from gorewrite.proposals import Fix, PackageView
from gorewrite.syntax import Tree, parse
from gorewrite.toolchain import Toolchain

MAX_ROUNDS = 64


@dataclass(frozen=True)
class Verified:
    """The compiler confirmed the fix; `removed` says per toolchain version how many heap escapes it took away,
    `original_on` which toolchains build the untouched original instead of the fix's variant file."""

    fix: Fix
    removed: tuple[tuple[str, int], ...] = ()
    original_on: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rejected:
    """The compiler (or the package's vet and tests) did not confirm the fix, in its words."""

    fix: Fix
    reason: str


Verdict = Verified | Rejected


@dataclass
class _State:
    queue: list[list[Fix]]
    accepted: list[list[Fix]] = field(default_factory=list)
    union: bool = False  # the head of the queue is the union of groups verified apart


def rewritten(toolchain: Toolchain, view: PackageView, fixes: list[Fix]) -> dict[str, bytes]:
    """The new content of every file the fixes touch (raises EditConflict or UserError)."""
    by_file: dict[str, list] = {}
    for fix in fixes:
        for edit in fix.edits:
            by_file.setdefault(edit.path, []).append(edit)
    model = next((view.sources[e.path] for f in fixes for e in f.edits if e.path in view.sources), b"")
    return {path: render(toolchain, view.sources[path], edits) if path in view.sources
            else line_endings(model, render(toolchain, None, edits))  # a new file ends its lines as its sibling does
            for path, edits in by_file.items()}


def created(view: PackageView, fixes: list[Fix]) -> set[str]:
    """The files the fixes create: edits naming a file the package directory does not hold."""
    return {e.path for f in fixes for e in f.edits if e.path not in view.sources}


@dataclass
class _Checks:
    """What --verify asks beyond the compile, and the benchmark results: before, and after each group."""

    tests: set[str]  # the packages whose go vet and go test must pass (--verify tests, or a fix's `checks`)
    bench: bool
    baseline: dict[tuple[str, str], dict[str, bench.Sample]] = field(default_factory=dict)  # (version, pkg)
    after: dict[tuple[str, str, tuple[int, ...]], dict[str, bench.Sample]] = field(default_factory=dict)  # + group


def verify(
    toolchains: list[Toolchain], cwd: str, views: dict[str, PackageView], fixes: dict[str, list[Fix]],
    checks: frozenset[str] = frozenset(), progress: Report = silent,
) -> tuple[list[Verdict], list[bench.Delta]]:
    """Judge every package's fixes with each toolchain's real compiler, and with the package's own
    go vet + go test ("tests") and benchmarks ("bench") when asked; the benchmark deltas of what held."""
    states = {pkg: _State([group]) for pkg, group in fixes.items() if group}
    verdicts: list[Verdict] = []
    skips: set[tuple[str, str]] = set()  # (variant file, toolchain version) where the build leaves the file out
    tested = {pkg for pkg, group in fixes.items() if "tests" in checks or any("tests" in f.checks for f in group)}
    extra = _Checks(tests=tested, bench="bench" in checks)
    for toolchain in toolchains:
        if states and (extra.tests or extra.bench):
            progress(f"running the tests and benchmarks of {len(states)} packages before any rewrite, with {toolchain.version}")
        first = [p for p in states if p in extra.tests]
        failed = _test_failures(toolchain, cwd, first, None) if first else {}
        if extra.bench and states:
            samples, broken = bench.run(toolchain, cwd, [p for p in states if p not in failed], None)
            failed.update(broken)
            extra.baseline.update(((toolchain.version, p), found) for p, found in samples.items())
        for pkg, reason in failed.items():
            reason = f"cannot verify: {_named(toolchain, toolchains)}{reason} even without any rewrite"
            verdicts += [Rejected(f, reason) for f in states.pop(pkg).queue[0]]
    for round_ in range(1, MAX_ROUNDS + 1):
        batch = {pkg: st.queue.pop(0) for pkg, st in states.items() if st.queue}
        if not batch:
            break
        failures: dict[str, str] = {}
        built: dict[str, set[str]] = {}  # package -> the files some toolchain compiled
        for toolchain in toolchains:
            progress(f"verifying {sum(map(len, batch.values()))} rewrites in {len(batch)} packages with {toolchain.version}"
                     f" (round {round_}{', with tests' if extra.tests else ''}{', with benchmarks' if extra.bench else ''})")
            found = _check(toolchain, cwd, views, {p: g for p, g in batch.items() if p not in failures}, extra, built, skips)
            failures.update((p, _named(toolchain, toolchains) + why) for p, why in found.items())
        for pkg, group in batch.items():
            unbuilt = sorted(created(views[pkg], group) - built.get(pkg, set()))
            if pkg not in failures and unbuilt:
                failures[pkg] = (f"no requested toolchain compiles {os.path.basename(unbuilt[0])}: "
                                 "add a --toolchain its build constraint selects")
        for pkg, group in batch.items():
            verdicts += _settle(states[pkg], group, failures.get(pkg))
    deltas: list[bench.Delta] = []
    for pkg, st in states.items():
        verdicts += [Rejected(f, "verification did not settle within its round limit") for g in st.queue for f in g]
        for f in (f for g in st.accepted for f in g):
            judged = [tc for tc in toolchains if (f.variant, tc.version) not in skips]
            verdicts.append(Verified(f, _removed(views[pkg], f, judged), tuple(tc.version for tc in toolchains if tc not in judged)))
        for group in st.accepted:
            for toolchain in toolchains:
                after = extra.after.get((toolchain.version, pkg, _key(group)), {})
                before = extra.baseline.get((toolchain.version, pkg), {})
                deltas += [bench.Delta(pkg, toolchain.version, n, before[n], after[n]) for n in sorted(after) if n in before]
    return verdicts, deltas


def _key(group: list[Fix]) -> tuple[int, ...]:
    return tuple(sorted(id(f) for f in group))


def _named(toolchain: Toolchain, toolchains: list[Toolchain]) -> str:
    """`go1.24.11: ` before a reason when more than one toolchain judges."""
    return f"{toolchain.version}: " if len(toolchains) > 1 else ""


def _removed(view: PackageView, fix: Fix, toolchains: list[Toolchain]) -> tuple[tuple[str, int], ...]:
    """Per toolchain, how many heap escapes among the fix's targets that release reported and no longer does."""
    if fix.stays:
        return tuple((tc.version, 0) for tc in toolchains)
    return tuple((tc.version, sum(t.heap and t in view.by_toolchain.get(tc.version, view.escapes) for t in fix.targets))
                 for tc in toolchains)


def _settle(st: _State, group: list[Fix], failure: str | None) -> list[Verdict]:
    """Record one group's outcome: accept it, reject a lone culprit, or split it in halves."""
    rejected: list[Verdict] = []
    if st.union:
        st.union = False
        if failure is None:
            st.accepted = [group]
        else:
            keep = max(st.accepted, key=len)
            reason = f"verified alone but not together with the package's other rewrites ({failure}); run gorewrite again"
            rejected = [Rejected(f, reason) for g in st.accepted if g is not keep for f in g]
            st.accepted = [keep]
        return rejected
    if failure is None:
        st.accepted.append(group)
    elif len(group) == 1:
        rejected = [Rejected(group[0], failure)]
    else:
        half = len(group) // 2
        st.queue[:0] = [group[:half], group[half:]]
    if not st.queue and len(st.accepted) > 1:
        st.union = True
        st.queue = [[f for g in st.accepted for f in g]]
    return rejected


def _check(
    toolchain: Toolchain, cwd: str, views: dict[str, PackageView], batch: dict[str, list[Fix]], extra: _Checks,
    built: dict[str, set[str]], skips: set[tuple[str, str]],
) -> dict[str, str]:
    """Compile every package of the batch with its group's rewrites in one overlay; failures by package.

    Packages that gain files (build variants) are also listed, so each fix is judged where the
    build compiles its code, and vetted: `built` collects which files this toolchain compiled,
    `skips` which fixes' variant files it left out.
    """
    failures: dict[str, str] = {}
    contents: dict[str, dict[str, bytes]] = {}
    for pkg, group in batch.items():
        try:
            contents[pkg] = rewritten(toolchain, views[pkg], group)
        except (EditConflict, UserError) as err:
            failures[pkg] = f"the rewrite does not parse: {err}"
    if not contents:
        return failures
    with tempfile.TemporaryDirectory(prefix="gorewrite-overlay-") as tmp:
        overlay = _write_overlay(tmp, [c for c in contents.values()])
        new_files = {pkg: created(views[pkg], batch[pkg]) for pkg in contents}
        growing = [pkg for pkg, paths in new_files.items() if paths]
        result = compile_escapes(toolchain, list(contents), cwd, overlay=overlay,
                                 files={pkg: (*views[pkg].package.files, *sorted(new_files[pkg])) for pkg in contents})
        compiled = _compiled(toolchain, cwd, growing, overlay) if growing else {}
        for pkg, files in contents.items():
            built.setdefault(pkg, set()).update(compiled.get(pkg, ()))
            skips.update((f.variant, toolchain.version) for f in batch[pkg] if f.variant and pkg in compiled and f.variant not in compiled[pkg])
            if pkg in result.failed:
                failures[pkg] = f"the package no longer compiles: {result.failed[pkg]}"
            else:
                before = views[pkg].by_toolchain.get(toolchain.version, views[pkg].escapes)
                problem = _judge(views[pkg], before, batch[pkg], files, result.escapes.get(pkg, []), compiled.get(pkg))
                if problem:
                    failures[pkg] = problem
        vetted = [pkg for pkg in growing if pkg not in failures and pkg not in extra.tests]
        if vetted:
            failures.update(_vet_failures(toolchain, cwd, vetted, overlay))
        passed = [pkg for pkg in contents if pkg not in failures]
        if any(p in extra.tests for p in passed):
            failures.update(_test_failures(toolchain, cwd, [p for p in passed if p in extra.tests], overlay))
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
    return failures


def _write_overlay(tmp: str, contents: list[dict[str, bytes]]) -> str:
    replace = {}
    for files in contents:
        for path, data in files.items():
            target = os.path.join(tmp, f"{len(replace)}_{os.path.basename(path)}")
            with open(target, "wb") as f:
                f.write(data)
            replace[path] = target
    overlay = os.path.join(tmp, "overlay.json")
    with open(overlay, "w") as f:
        json.dump({"Replace": replace}, f)
    return overlay


def _judge(view: PackageView, reported: tuple[Escape, ...], fixes: list[Fix], contents: dict[str, bytes],
           after: list[Escape], compiled: set[str] | None = None) -> str | None:
    """Targets this toolchain `reported` gone (or, for fixes with `stays`, their stack allocations
    confirmed) and nothing new, counted over the top-level declarations the fixes touch or add, in
    whichever files hold them before and after; an escape a fix `moves` (into a declaration it
    adds, say) is expected, once per listing. A fix whose `variant` file this toolchain does not
    compile (`compiled`, None: all) claims nothing here: its declarations must escape exactly as before."""
    judged = [f for f in fixes if f.variant is None or compiled is None or f.variant in compiled]
    paths = {e.path for f in fixes for e in f.edits} | {t.path for f in fixes for t in f.targets}
    was = {path: _decls(view.tree(path)) for path in paths if path in view.sources}  # each file parsed once
    decls = (was, {path: _decls(parse(contents[path])) if path in contents else was[path] for path in paths})
    old, new, stacked = _tally(view, reported, fixes, decls, after, Counter(m for f in judged for m in f.moves))
    before, now = Counter(map(_kind, old.elements())), Counter(map(_kind, new.elements()))
    wanted = Counter(_kind(t.message) for f in judged if not f.stays for t in f.targets if t in reported)
    stays = Counter(expr for f in judged for expr in f.stays)
    for kind, count in wanted.items():
        if before[kind] - now[kind] < count:
            return f"the compiler still reports `{kind}`"
    for expr, count in stays.items():
        if stacked[f"{expr} does not escape"] < count:
            return f"the compiler does not keep `{expr}` on the stack"
    added = now - before
    if added:
        kind = next(iter(added))
        return f"the rewrite adds an escape: `{next((m for m in new if _kind(m) == kind), kind)}`"
    for fix in (f for f in fixes if f not in judged):
        old, new, _ = _tally(view, reported, [fix], decls, after, Counter())
        if old != new:
            changed = next(iter((old - new) or (new - old)))
            return f"the build leaves {os.path.basename(fix.variant)} out here, yet the original's escapes changed: `{changed}`"
    return None


def _tally(view: PackageView, reported: tuple[Escape, ...], fixes: list[Fix], decls: tuple[dict, dict],
           after: list[Escape], moves: Counter[str]) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """The heap escape messages in the declarations the fixes touch or add, before and after (less
    those the fixes move there), and the messages of what stays on the stack after. `decls` holds
    each file's declarations (_decls) as it was and as rewritten."""
    was, now = decls
    paths = sorted({e.path for f in fixes for e in f.edits} | {t.path for f in fixes for t in f.targets})
    keys: set[tuple] = set()
    for path in paths:
        if path in was:
            offsets = [e.start for f in fixes for e in f.edits if e.path == path]
            offsets += [view.offset(t) for f in fixes for t in f.targets if t.path == path]
            keys |= {d[0] for d in was[path] for off in offsets if off is not None and d[3] <= off < d[4]}
            keys |= {d[0] for d in now[path]} - {d[0] for d in was[path]}
        else:  # a created file: everything in it is the fixes' doing
            keys |= {d[0] for d in now[path]}
    old: Counter[str] = Counter()
    new: Counter[str] = Counter()
    stacked: Counter[str] = Counter()
    moves = moves.copy()
    for path in paths:
        if path in was:
            old_lines = _lines_of(was[path], keys)
            old += Counter(e.message for e in reported if e.heap and e.path == path and e.line in old_lines)
        new_lines = _lines_of(now[path], keys)
        for e in after:
            if e.path != path or e.line not in new_lines:
                continue
            if not e.heap:
                stacked[e.message] += 1
            elif moves[e.message] > 0:
                moves[e.message] -= 1
            else:
                new[e.message] += 1
    return old, new, stacked


def _kind(message: str) -> str:
    """What counts as the same escape before and after: the compiler quotes expressions as written,
    and a rewrite changes their text, so `<expr> escapes to heap` is compared by count."""
    if message.startswith("moved to heap: ") or message == "func literal escapes to heap":
        return message
    return "<expression> escapes to heap" if message.endswith(" escapes to heap") else message


def _decls(tree: Tree) -> list[tuple[tuple, int, int, int, int]]:
    """Top-level declarations keyed by kind, receiver and name (and rank among equals), with their
    first and last lines and their byte range."""
    seen: Counter[tuple] = Counter()
    out = []
    for node in tree.root_node.named_children:
        name = node.child_by_field_name("name") or _first_name(node)
        receiver = node.child_by_field_name("receiver")
        base = (node.type, name.text if name else None, receiver.text if receiver else None)
        out.append(((*base, seen[base]), node.start_point.row + 1, node.end_point.row + 1, node.start_byte, node.end_byte))
        seen[base] += 1
    return out


def _first_name(node) -> object:
    """The first name a var, const or type declaration declares: a declaration inserted before
    another of its kind must not shift that one's rank (and with it its key)."""
    spec = next((c for c in node.named_children if c.type.endswith("_spec") or c.type.endswith("_spec_list")), None)
    if spec is not None and spec.type.endswith("_spec_list"):
        spec = next((c for c in spec.named_children if c.type.endswith("_spec")), None)
    return spec.child_by_field_name("name") if spec is not None else None


def _lines_of(decls: list[tuple], keys: set) -> set[int]:
    return {line for key, first, last, _, _ in decls if key in keys for line in range(first, last + 1)}


def _compiled(toolchain: Toolchain, cwd: str, pkgs: list[str], overlay: str) -> dict[str, set[str]]:
    """The files the build compiles per package with the overlay: which side of a build constraint this toolchain takes."""
    done = toolchain.run(["list", "-e", f"-overlay={overlay}", "-f",
                          "{{.ImportPath}}{{range .GoFiles}}\t{{$.Dir}}/{{.}}{{end}}{{range .CgoFiles}}\t{{$.Dir}}/{{.}}{{end}}",
                          "--", *pkgs], cwd)
    found: dict[str, set[str]] = {}
    for line in done.stdout.decode(errors="replace").splitlines():
        pkg, *files = line.split("\t")
        found[pkg] = {os.path.normpath(f) for f in files}
    return found


def _vet_failures(toolchain: Toolchain, cwd: str, pkgs: list[str], overlay: str | None) -> dict[str, str]:
    """Packages whose `go vet` fails (with the overlay, if any): the first words of why."""
    flag = [f"-overlay={overlay}"] if overlay else []
    vet = toolchain.run(["vet", *flag, *pkgs], cwd)
    return _by_header(vet.stderr.decode(errors="replace"), pkgs, "go vet") if vet.returncode != 0 else {}


def _test_failures(toolchain: Toolchain, cwd: str, pkgs: list[str], overlay: str | None) -> dict[str, str]:
    """Packages whose `go vet` or `go test` fails (with the overlay, if any): the first words of why."""
    flag = [f"-overlay={overlay}"] if overlay else []
    failures = _vet_failures(toolchain, cwd, pkgs, overlay)
    test = toolchain.run(["test", "-json", "-count=1", *flag, *pkgs], cwd)
    if test.returncode != 0:
        out: dict[str, list[str]] = {}
        for line in test.stdout.decode(errors="replace").splitlines():
            try:
                event = json.loads(line)
            except ValueError:
                continue
            if event.get("Action") == "output" and event.get("Package"):
                out.setdefault(event["Package"], []).append(event.get("Output", ""))
            if event.get("Action") == "fail" and not event.get("Test") and event.get("Package") in pkgs:
                lines = [x.strip() for x in out.get(event["Package"], []) if x.strip()]
                failures.setdefault(event["Package"], "go test fails: " + " | ".join(lines[-6:]))
        if not any(p in failures for p in pkgs):
            reason = "go test fails: " + test.stderr.decode(errors="replace").strip()[:500]
            failures.update({p: reason for p in pkgs})
    return failures


def _by_header(output: str, pkgs: list[str], tool: str) -> dict[str, str]:
    """Attribute `# import/path` sections of go vet output to packages (all of them if unattributed)."""
    sections: dict[str, list[str]] = {}
    current = None
    for line in output.splitlines():
        if line.startswith("# "):
            current = line[2:].split()[0]
            continue
        if current:
            sections.setdefault(current, []).append(line)
    found = {p: f"{tool} fails: " + " | ".join(sections[p][:5]) for p in pkgs if p in sections}
    return found or {p: f"{tool} fails: {output.strip()[:500]}" for p in pkgs}
