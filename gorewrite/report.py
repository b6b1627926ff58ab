"""Render a run: data (diff, text, JSON) for stdout, the summary for stderr."""

from __future__ import annotations

import json
import os
from collections import Counter
from functools import cache

import click

from gorewrite import __version__
from gorewrite.claims import stack_exprs
from gorewrite.patch import unified_diff
from gorewrite.pipeline import Analysis, Run
from gorewrite.proposals import Fix
from gorewrite.verify import Rejected, Verified

CHECK_SCHEMA = "gorewrite.check/v1"
FIX_SCHEMA = "gorewrite.fix/v2"


@cache
def relative(path: str, cwd: str) -> str:
    """A path as the user should read it: relative to cwd when inside it, else absolute."""
    rel = os.path.relpath(path, cwd)
    return path if rel.startswith("..") else rel


def by_position(sites: list) -> list:
    """(escape, rule) pairs in file, line, column order: reports are stable between runs."""
    return sorted(sites, key=lambda site: (site[0].path, site[0].line, site[0].col, site[0].message))


def only_some(run: Analysis, escape) -> str:
    """`  (go1.24.11 only)` for a site some of several toolchains do not report."""
    said = run.reported_by.get(escape, ())
    return f"  ({', '.join(said)} only)" if len(run.toolchains) > 1 and len(said) < len(run.toolchains) else ""


def versions(run: Analysis) -> str:
    """The toolchains of the run, as the summary names them: `go1.24.11 and go1.27.3`."""
    return " and ".join(tc.version for tc in run.toolchains or [run.toolchain])


def check_text(run: Analysis, cwd: str) -> str:
    """One line per heap escape, `file:line:col: message`, with the rule that could rewrite it."""
    lines = []
    ignored = run.ignored()
    for escape, rule in by_position(run.sites):
        suffix = f"  [{rule}]" if rule else ""
        if escape in ignored:
            suffix = f"  [{ignored[escape].rule}, ignored: {ignored[escape].reason}]"
        suffix += only_some(run, escape)
        lines.append(f"{relative(escape.path, cwd)}:{escape.line}:{escape.col}: {escape.message}{suffix}")
    return "".join(line + "\n" for line in lines)


def check_json(run: Analysis, cwd: str) -> str:
    """The check report as JSON (schema gorewrite.check/v1, documented in the README)."""
    package_of = {f: p.import_path for p in run.packages for f in p.files}
    ignored = {escape: directive.reason for escape, directive in run.ignored().items()}
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
                        "package": package_of.get(e.path),
                        "file": relative(e.path, cwd),
                        "line": e.line,
                        "column": e.col,
                        "message": e.message,
                        "rule": rule,
                        "toolchains": list(run.reported_by.get(e, (run.toolchain.version,))),
                        "ignored": ignored.get(e),
                    }
                    for e, rule in by_position(run.sites)
                ],
                "warnings": _warnings(run, cwd),
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
            if verdict.original_on:
                outcome["builds_original"] = list(verdict.original_on)
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
    if fix.safety == "unsafe":
        return "unsafe fix: run with --unsafe-fixes to verify and apply it"
    return (
        "speculative fix (removes the allocation for some inputs only): run with --speculative to verify and apply it"
    )


def _held(run: Run, verdict: Verified) -> str:
    """What the fix took away under each of several toolchains:
    ` [go1.24.11: -1 heap escape, go1.27.3: none to remove]`;
    for a build variant, which toolchains build the original instead."""
    if len(run.toolchains) < 2:
        return ""
    kept = stack_exprs(verdict.fix.claim)
    if kept:
        said = [f"{', '.join(v for v, _ in verdict.removed)}: {', '.join(kept)} does not escape"]
    else:
        said = [
            f"{v}: -{n} heap escape{'s' if n > 1 else ''}" if n else f"{v}: nothing to remove, nothing added"
            for v, n in verdict.removed
        ]
    if verdict.original_on:
        said.append(f"{', '.join(verdict.original_on)}: builds the original, unchanged")
    return f" [{', '.join(said)}]"


def broken_text(run: Analysis, cwd: str = ".") -> str:
    """Packages skipped because they do not load or compile, with the compiler's first errors;
    then the //gorewrite:ignore directives that are wrong or stale."""
    skipped = "".join(f"gorewrite: skipped {pkg}: {err}\n" for pkg, err in sorted(run.broken.items()))
    return skipped + "".join(
        f"gorewrite: warning: {relative(s.path, cwd)}:{s.line}: {why}\n"
        for s, why in sorted(run.suppression_problems, key=lambda p: (p[0].path, p[0].line))
    )


def check_summary(run: Analysis) -> str:
    """The stderr line after `check`: toolchain, how many escapes, how many a rule recognises."""
    recognised = Counter(rule for _, rule in run.sites if rule)
    by_rule = ", ".join(f"{n} {rule}" for rule, n in sorted(recognised.items())) or "none"
    heap = sum(e.heap for e, _ in run.sites)
    sized = len(run.sites) - heap
    sized_text = f", {sized} variable-size makes (heap above 32 bytes at run time)" if sized else ""
    ignored = f", {len(run.suppressed)} ignored by //gorewrite:ignore" if run.suppressed else ""
    return (
        f"gorewrite {__version__} with {versions(run)}: {len(run.packages)} packages, "
        f"{heap} heap escapes{sized_text}, recognised by rules: {by_rule}{ignored}\n"
    )


def fix_summary(run: Run, cwd: str, applied: bool, verbose: bool) -> str:
    """Per rule: applied (or verified), declined with reasons, rejected with the compiler's words."""
    done = "applied" if applied else "verified"
    rules = sorted({v.fix.rule for v in run.verdicts} | {d.rule for d in run.declined} | {f.rule for f in run.held})
    ignored = f", {len(run.suppressed)} sites ignored by //gorewrite:ignore" if run.suppressed else ""
    new = sum(not run.snapshots[p].exists for p in run.changes)
    created = f", {new} created" if new else ""
    lines = [
        f"gorewrite {__version__} with {versions(run)}: {len(run.packages)} packages, "
        f"{len(run.changes) - new} files changed{created}{ignored}\n"
    ]
    for rule in rules:
        ok = [v for v in run.verdicts if v.fix.rule == rule and isinstance(v, Verified)]
        bad = [v for v in run.verdicts if v.fix.rule == rule and isinstance(v, Rejected)]
        declined = [d for d in run.declined if d.rule == rule]
        unsafe = [f for f in run.held if f.rule == rule and f.safety == "unsafe"]
        guesses = [f for f in run.held if f.rule == rule and f.safety == "safe"]
        speculative = sum(v.fix.speculative for v in ok)
        lines.append(
            f"{rule}: {len(ok)} {done}{f' ({speculative} speculative)' if speculative else ''}, "
            f"{len(declined)} declined, {len(bad)} rejected by verification"
            + (f", {len(unsafe)} unsafe held back (--unsafe-fixes)" if unsafe else "")
            + (f", {len(guesses)} speculative held back (--speculative)" if guesses else "")
            + "\n"
        )
        for f in unsafe:
            t = f.targets[0]
            lines.append(
                f"  held back  {relative(t.path, cwd)}:{t.line}: {f.summary} (unsafe: --unsafe-fixes applies it)\n"
            )
        for f in guesses if verbose else []:
            t = f.targets[0]
            lines.append(
                f"  held back  {relative(t.path, cwd)}:{t.line}: {f.summary} (speculative: --speculative applies it)\n"
            )
        for v in ok if verbose else []:
            t = v.fix.targets[0]
            label = " (speculative)" if v.fix.speculative else ""
            lines.append(f"  {done}  {relative(t.path, cwd)}:{t.line}: {v.fix.summary}{label}{_held(run, v)}\n")
        for d in declined if verbose else declined[:20]:
            lines.append(f"  declined  {relative(d.site.path, cwd)}:{d.site.line}: {d.site.message}: {d.reason}\n")
        if not verbose and len(declined) > 20:
            lines.append(f"  … {len(declined) - 20} more declined (--verbose lists all)\n")
        for v in bad:
            t = v.fix.targets[0]
            lines.append(f"  rejected  {relative(t.path, cwd)}:{t.line}: {v.fix.summary}: {v.reason}\n")
    for d in run.benchmarks:
        lines.append(
            f"benchmark {d.package} {d.name} ({d.toolchain}): {d.before.ns:g} -> {d.after.ns:g} ns/op, "
            f"{d.before.allocs:g} -> {d.after.allocs:g} allocs/op\n"
        )
    return "".join(lines)


def colored(diff: str) -> str:
    """The diff with git's colours, for a terminal only."""
    styles = (("+++", "bold"), ("---", "bold"), ("@@", "cyan"), ("+", "green"), ("-", "red"))
    out = []
    for line in diff.splitlines(keepends=True):
        style = next((s for prefix, s in styles if line.startswith(prefix)), None)
        body, end = (line[:-1], "\n") if line.endswith("\n") else (line, "")
        out.append(
            (click.style(body, fg=style if style != "bold" else None, bold=style == "bold") if style else body) + end
        )
    return "".join(out)
