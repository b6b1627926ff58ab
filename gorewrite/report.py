"""Render a run: data (diff, text, JSON) for stdout, the summary for stderr."""

from __future__ import annotations

import json
import os
from collections import Counter
from operator import itemgetter

from gorewrite import __version__, effects, hotpaths, terminal
from gorewrite.display import first_clause, only_some, relative
from gorewrite.patch import unified_diff
from gorewrite.pipeline import Analysis, Run
from gorewrite.proposals import Fix
from gorewrite.rules import RULES
from gorewrite.verify import Rejected, Verified

CHECK_SCHEMA = "gorewrite.check/v1"
FIX_SCHEMA = "gorewrite.fix/v2"


def by_position(sites: list) -> list:
    """(escape, rule) pairs in file, line, column order (an Escape is that tuple): stable between runs."""
    return sorted(sites, key=itemgetter(0))


def versions(run: Analysis) -> str:
    """The toolchains of the run, as the summary names them: `go1.24.11 and go1.27.3`."""
    return " and ".join(tc.version for tc in run.toolchains or [run.toolchain])


def check_text(run: Analysis, cwd: str, verbose: bool = True) -> str:
    """One line per heap escape, `file:line:col: message`, with the rule that proposes a rewrite
    (`, speculative` or `, unsafe` where fix applies it only with that flag); when verbose, the
    compiler's temporaries (`.autotmp_3`) and, for a site a rule declines, that rule's reason."""
    if run.weights:
        return hotpaths.check_text(run, cwd)  # --profile: hottest first
    lines = []
    ignored = run.ignored()
    screened = _first_declines(run) if verbose else {}
    for escape, rule in by_position(run.sites):
        if escape.temporary and not verbose:
            continue
        suffix = f"  [{rule}{', ' + run.held_back[escape] if escape in run.held_back else ''}]" if rule else ""
        if not rule and escape in screened:
            suffix = f"  [{screened[escape].rule} declines: {screened[escape].declined}]"
        if escape in ignored:
            suffix = f"  [{ignored[escape].rule}, ignored: {ignored[escape].reason}]"
        suffix += only_some(run, escape)
        lines.append(f"{relative(escape.path, cwd)}:{escape.line}:{escape.col}: {escape.message}{suffix}")
    return "".join(line + "\n" for line in lines)


def _first_declines(run: Analysis) -> dict:
    """Each declined site's decline: where several rules decline it, the first's in rule order."""
    order = list(RULES)
    return {c.escape: c for c in sorted(run.screened, key=lambda c: order.index(c.rule), reverse=True)}


def check_json(run: Analysis, cwd: str) -> str:
    """The check report as JSON (schema gorewrite.check/v1, documented in the README)."""
    package_of = {f: p.import_path for p in run.packages for f in p.files}
    dirs = {p.dir: p.import_path for p in run.packages}  # a file only a later --toolchain compiles: its directory's
    ignored = {escape: directive.reason for escape, directive in run.ignored().items()}
    screened = {e: {"rule": c.rule, "reason": c.declined} for e, c in _first_declines(run).items()}
    return (
        json.dumps(
            {
                "schema": CHECK_SCHEMA,
                "gorewrite": __version__,
                "toolchain": run.toolchain.version,
                "toolchains": [tc.version for tc in run.toolchains or [run.toolchain]],
                "packages": len(run.packages),
                "broken": [{"package": p, "error": e} for p, e in sorted(run.broken.items())],
                "escapes": [
                    {
                        "package": package_of.get(e.path)
                        or (None if e.path.endswith("_test.go") else dirs.get(os.path.dirname(e.path))),
                        "file": relative(e.path, cwd),
                        "line": e.line,
                        "column": e.col,
                        "message": e.message,
                        "rule": rule,
                        "toolchains": list(run.reported_by.get(e, (run.toolchain.version,))),
                        "ignored": ignored.get(e),
                        "declined": screened.get(e) if not rule else None,
                        "held_back": run.held_back.get(e),
                        **hotpaths.json_weight(run, e),
                    }
                    for e, rule in by_position(run.sites)
                ],
                "warnings": _warnings(run, cwd),
                **hotpaths.json_profile(run, cwd),
            },
            indent=2,
        )
        + "\n"
    )


def diff(run: Run) -> str:
    """The unified diff of every verified rewrite, paths relative to each module root."""
    parts = []
    for path in sorted(run.changes):
        rel = os.path.relpath(path, run.roots[path]).replace(os.sep, "/")
        snapshot = run.snapshots[path]
        parts.append(unified_diff(snapshot.content, run.changes[path], rel, created=not snapshot.exists))
    return "".join(parts)


def fix_json(run: Run, cwd: str) -> str:
    """The fix report as JSON (schema gorewrite.fix/v2): every proposal's outcome and the diff."""
    outcomes = []
    for verdict in run.verdicts:
        outcome = _outcome(
            verdict.fix,
            cwd,
            "verified" if isinstance(verdict, Verified) else "rejected",
            verdict.reason if isinstance(verdict, Rejected) else None,
        )
        if isinstance(verdict, Verified):
            outcome["removed"] = dict(verdict.removed)
            if verdict.hidden:
                outcome["removed_at_run_time"] = dict(verdict.hidden)
            if verdict.original_on:
                outcome["builds_original"] = list(verdict.original_on)
            if verdict.judged_by:
                outcome["judged_by"] = list(verdict.judged_by)
        outcomes.append(outcome)
    for held in run.held:
        outcomes.append(_outcome(held, cwd, "held", _held_reason(held)))
    for declined in run.declined:
        e = declined.site
        outcomes.append(
            {
                "rule": declined.rule,
                "status": "declined",
                "file": relative(e.path, cwd),
                "line": e.line,
                "column": e.col,
                "message": e.message,
                "reason": declined.reason,
            }
        )
    return (
        json.dumps(
            {
                "schema": FIX_SCHEMA,
                "gorewrite": __version__,
                "toolchain": run.toolchain.version,
                "toolchains": [tc.version for tc in run.toolchains or [run.toolchain]],
                "broken": [{"package": p, "error": e} for p, e in sorted(run.broken.items())],
                "outcomes": sorted(outcomes, key=lambda o: (o["file"], o["line"], o["column"], o["rule"])),
                "benchmarks": [
                    {
                        "package": d.package,
                        "toolchain": d.toolchain,
                        "name": d.name,
                        "before": {"ns_per_op": d.before.ns, "allocs_per_op": d.before.allocs},
                        "after": {"ns_per_op": d.after.ns, "allocs_per_op": d.after.allocs},
                    }
                    for d in run.benchmarks
                ],
                "warnings": _warnings(run, cwd),
                "diff": diff(run),
                **hotpaths.json_profile(run, cwd, cold=run.cold),
            },
            indent=2,
        )
        + "\n"
    )


def _warnings(run: Analysis, cwd: str) -> list[dict]:
    return [
        {"file": relative(s.path, cwd), "line": s.line, "message": why}
        for s, why in sorted(run.suppression_problems, key=lambda p: (p[0].path, p[0].line))
    ]


def _outcome(fix: Fix, cwd: str, status: str, reason: str | None) -> dict:
    first = fix.targets[0]
    return {
        "rule": fix.rule,
        "status": status,
        "file": relative(first.path, cwd),
        "line": first.line,
        "column": first.col,
        "message": first.message,
        "summary": fix.summary,
        "speculative": fix.speculative,
        "reason": reason,
        "targets": [
            {"file": relative(t.path, cwd), "line": t.line, "column": t.col, "message": t.message} for t in fix.targets
        ],
    }


def _held_reason(fix: Fix) -> str:
    """Why a fix was neither verified nor applied, and the flag that asks for it."""
    if fix.held_back == "unsafe":
        return "unsafe fix: run with --unsafe-fixes to verify and apply it"
    return (
        "speculative fix (removes the allocation for some inputs only): run with --speculative to verify and apply it"
    )


def broken_text(run: Analysis, cwd: str = ".") -> str:
    """Packages skipped because they do not load or compile, with the compiler's first errors;
    then the //gorewrite:ignore directives that are wrong or stale."""
    skipped = "".join(f"gorewrite: skipped {pkg}: {err}\n" for pkg, err in sorted(run.broken.items()))
    return skipped + "".join(
        f"gorewrite: warning: {relative(s.path, cwd)}:{s.line}: {why}\n"
        for s, why in sorted(run.suppression_problems, key=lambda p: (p[0].path, p[0].line))
    )


MAX_REASONS = 10  # decline reasons the summary shows without -v
FLAGS = {"speculative": "speculative", "unsafe": "unsafe-fixes"}  # a held-back kind -> the fix flag that applies it


def counted(n: int, noun: str) -> str:
    """`1 package`, `2 packages`: the summaries' counts read as English."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def check_summary(run: Analysis, hidden: bool = False, table: bool = False) -> str:
    """The stderr line after `check`: toolchain, how many escapes, how many a rule proposes a rewrite for (with
    `table`, a terminal: as a table of rules), the speculative and unsafe ones, how many the rules decline and,
    when the listing left them out, how many compiler temporaries."""
    recognised = Counter(rule for _, rule in run.sites if rule)
    by_rule = ", ".join(f"{n} {rule}" for rule, n in sorted(recognised.items())) or "none"
    heap = sum(e.heap for e, _ in run.sites)
    sized = len(run.sites) - heap
    sized_text = f", {counted(sized, 'variable-size make')} (heap above 32 bytes at run time)" if sized else ""
    ignored = f", {len(run.suppressed)} ignored by //gorewrite:ignore" if run.suppressed else ""
    held = Counter(run.held_back.values())
    ignored += "".join(f", {n} of them {kind} (fix --{FLAGS[kind]})" for kind, n in sorted(held.items()))
    ignored += f", {len(run.screened)} declined (-v says why)" if run.screened else ""
    temporaries = sum(e.temporary for e, _ in run.sites) if hidden else 0
    noun = "compiler temporary" if temporaries == 1 else "compiler temporaries"
    ignored += f", {temporaries} {noun} not listed (-v)" if temporaries else ""
    head = f"gorewrite {__version__} with {versions(run)}: {counted(len(run.packages), 'package')}, "
    head += f"{counted(heap, 'heap escape')}{sized_text}"
    if table and recognised:
        said = f"{head}{ignored}\n" + terminal.table(
            ("rule", "proposed"), sorted(recognised.items()), right=("proposed",)
        )
    else:
        said = f"{head}, rewrites proposed: {by_rule}{ignored}\n"
    return said + hotpaths.summary(run)


def fix_summary(run: Run, cwd: str, applied: bool, verbose: bool, table: bool = False) -> str:
    """Per rule: applied (or verified), declined with reasons, rejected with the compiler's words; with `table`
    (a terminal) the counts as one table, each rule's sites under its name."""
    done = "applied" if applied else "verified"
    rules = sorted({v.fix.rule for v in run.verdicts} | {d.rule for d in run.declined} | {f.rule for f in run.held})
    ignored = f", {counted(len(run.suppressed), 'site')} ignored by //gorewrite:ignore" if run.suppressed else ""
    new = sum(not run.snapshots[p].exists for p in run.changes)
    created = f", {new} {'created' if applied else 'to create'}" if new else ""
    lines = [
        f"gorewrite {__version__} with {versions(run)}: {counted(len(run.packages), 'package')}, "
        f"{counted(len(run.changes) - new, 'file')} {'changed' if applied else 'to change'}{created}{ignored}\n"
    ]
    counts = []
    for rule in rules:
        ok = [v for v in run.verdicts if v.fix.rule == rule and isinstance(v, Verified)]
        bad = [v for v in run.verdicts if v.fix.rule == rule and isinstance(v, Rejected)]
        declined = [d for d in run.declined if d.rule == rule]
        unsafe = [f for f in run.held if f.rule == rule and f.held_back == "unsafe"]
        guesses = [f for f in run.held if f.rule == rule and f.held_back == "speculative"]
        speculative = sum(v.fix.speculative for v in ok)
        counts.append((rule, len(ok), len(declined), len(bad), len(unsafe) + len(guesses), speculative))
        details = (
            []
            if table
            else [
                f"{rule}: {len(ok)} {done}{f' ({speculative} speculative)' if speculative else ''}, "
                f"{len(declined)} declined, {len(bad)} rejected by verification"
                + (f", {len(unsafe)} unsafe held back (--unsafe-fixes)" if unsafe else "")
                + (f", {len(guesses)} speculative held back (--speculative)" if guesses else "")
                + "\n"
            ]
        )
        if table and guesses and not verbose:
            details.append(f"  {len(guesses)} speculative held back: --speculative verifies and applies them\n")
        for f in unsafe:
            t = f.targets[0]
            details.append(
                f"  held back  {relative(t.path, cwd)}:{t.line}: {f.summary} (unsafe: --unsafe-fixes applies it)\n"
            )
        for f in guesses if verbose else []:
            t = f.targets[0]
            details.append(
                f"  held back  {relative(t.path, cwd)}:{t.line}: {f.summary} (speculative: --speculative applies it)\n"
            )
        for v in ok if verbose else []:
            t = v.fix.targets[0]
            label = (" (speculative)" if v.fix.speculative else "") + effects.label(run, v)
            details.append(f"  {done}  {relative(t.path, cwd)}:{t.line}: {v.fix.summary}{label}\n")
        details += _declines(declined, cwd, verbose)
        for v in bad:
            t = v.fix.targets[0]
            details.append(f"  rejected  {relative(t.path, cwd)}:{t.line}: {v.fix.summary}: {v.reason}\n")
        lines += [f"{rule}:\n", *details] if table and details else details
    for n in (n for n in run.relocations if verbose and n.to is None and n.escape.heap):  # no rule's site
        e = n.escape
        lines.append(f"  left at a range-over-func for  {relative(e.path, cwd)}:{e.line}: {e.message}: {n.reason}\n")
    if table and counts:
        columns = ("rule", done, "declined", "rejected", "held back", "speculative")
        lines.insert(1, terminal.table(columns, counts, right=columns[1:]))
    for d in run.benchmarks:
        lines.append(
            f"benchmark {d.package} {d.name} ({d.toolchain}): {d.before.ns:g} -> {d.after.ns:g} ns/op, "
            f"{d.before.allocs:g} -> {d.after.allocs:g} allocs/op\n"
        )
    return "".join(lines) + hotpaths.fix_summary(run, cwd)


def _declines(declined: list, cwd: str, verbose: bool) -> list[str]:
    """Every declined site with -v; otherwise one line per reason, most frequent first, where the
    reason is its first clause (display.first_clause): `12 declined: the slice escapes …`."""
    if verbose:
        return [
            f"  declined  {relative(d.site.path, cwd)}:{d.site.line}: {d.site.message}: {d.reason}\n" for d in declined
        ]
    groups: dict[str, list] = {}
    for d in declined:
        groups.setdefault(first_clause(d.reason), []).append(d)
    ranked = sorted(groups.items(), key=lambda g: (-len(g[1]), g[0]))
    # A line saying one reason is left out would take the place of that reason's own line: show it instead.
    shown = ranked if len(ranked) == MAX_REASONS + 1 else ranked[:MAX_REASONS]
    lines = []
    for head, ds in shown:
        d = ds[0]
        where = f"{relative(d.site.path, cwd)}:{d.site.line}"
        lines.append(
            f"  declined  {where}: {d.site.message}: {d.reason}\n"
            if len(ds) == 1
            else f"  {len(ds)} declined: {head} (first at {where})\n"
        )
    rest = ranked[len(shown) :]
    if rest:
        lines.append(
            f"  … {sum(len(ds) for _, ds in rest)} more declined for {len(rest)} other reasons (-v lists every site)\n"
        )
    return lines
