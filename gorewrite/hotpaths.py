"""Render a run ranked by a profile (--profile): the hottest sites first, what the hot cut left cold, and what
the verified rewrites are worth in the profile's own units."""

from __future__ import annotations

import os
import sys

from gorewrite import terminal
from gorewrite.display import only_some, relative
from gorewrite.pipeline import Analysis, Run
from gorewrite.verify import Verified

UNITS = {
    "bytes": ((1e9, "GB"), (1e6, "MB"), (1e3, "kB"), (0, "B")),
    "nanoseconds": ((1e9, "s"), (1e6, "ms"), (1e3, "µs"), (0, "ns")),
}


def amount(value: float, unit: str) -> str:
    """`57.9 kB`, `512 B`, `1.2 s`, `1809` (a count), as pprof prints them."""
    for size, name in UNITS.get(unit, ()):
        if abs(value) >= size:
            return f"{value / size:.1f} {name}" if size else f"{value:g} {name}"
    return f"{value:g}"


def ranked(run: Analysis) -> list[tuple]:
    """(escape, rule, weight, share, cumulative share) hottest first; a line counts once in the cumulative share
    however many sites it holds."""
    weights = run.weights
    sites = sorted(
        run.sites,
        key=lambda s: (-weights.weight(s[0].path, s[0].line), s[0].path, s[0].line, s[0].col, s[0].message),
    )
    rows, seen, cumulative = [], set(), 0.0
    for escape, rule in sites:
        share = weights.share(escape.path, escape.line)
        if (escape.path, escape.line) not in seen:
            seen.add((escape.path, escape.line))
            cumulative += share
        rows.append((escape, rule, weights.weight(escape.path, escape.line), share, cumulative))
    return rows


def check_text(run: Analysis, cwd: str) -> str:
    """`check --profile`: a table on a terminal, else one line per site, `weight share cum file:line:col: message`."""
    unit = run.weights.profile.unit
    ignored = run.ignored()
    rows = []
    for escape, rule, weight, share, cumulative in ranked(run):
        verdict = f"{ignored[escape].rule}, ignored" if escape in ignored else rule or ""
        where = f"{relative(escape.path, cwd)}:{escape.line}:{escape.col}"
        message = escape.message + only_some(run, escape)  # `  (go1.24.11 only)`
        rows.append((amount(weight, unit), f"{share:.1%}", f"{cumulative:.1%}", where, message, verdict))
    if sys.stdout.isatty():
        columns = (run.weights.profile.sample_type, "share", "cum", "site", "compiler", "rule")
        return terminal.table(columns, rows, right=columns[:3], wrap="compiler", stderr=False)
    return "".join(
        f"{w:>9} {s:>6} {c:>6}  {where}: {message}{f'  [{verdict}]' if verdict else ''}\n"
        for w, s, c, where, message, verdict in rows
    )


def weighed(run: Analysis, escape) -> str:
    """With --profile: ` (64.3 kB, 8.0% of alloc_space)`, the site's line as the text table weighs it."""
    if not run.weights:
        return ""
    weight, share = run.weights.weight(escape.path, escape.line), run.weights.share(escape.path, escape.line)
    return f" ({amount(weight, run.weights.profile.unit)}, {share:.1%} of {run.weights.profile.sample_type})"


def json_weight(run: Analysis, e) -> dict:
    """With --profile: `"profile": {"weight", "share"}` of the site's line."""
    if not run.weights:
        return {}
    return {"profile": {"weight": run.weights.weight(e.path, e.line), "share": run.weights.share(e.path, e.line)}}


def json_profile(run: Analysis, cwd: str, cold: list | None = None) -> dict:
    """With --profile: the profiles, the sample type that ranks, its total and what maps to no file; for fix,
    the recognised sites the hot cut left out."""
    if not run.weights:
        return {}
    profile = run.weights.profile
    said = {
        "files": [relative(os.path.abspath(f), cwd) for f in profile.files],
        "sample_type": profile.sample_type,
        "unit": profile.unit,
        "total": profile.total,
        "unmapped": [{"file": f, "weight": w} for f, w in sorted(run.weights.unmapped.items())],
    }
    if cold is not None:
        said["cold"] = [
            {
                "rule": c.rule,
                "file": relative(c.path, cwd),
                "line": c.escape.line,
                "column": c.escape.col,
                "message": c.escape.message,
                **json_weight(run, c.escape),
            }
            for c in sorted(cold, key=lambda c: (c.path, c.escape.line, c.escape.col, c.rule))
        ]
    return {"profile": said}


def summary(run: Analysis) -> str:
    """Which profiles (as the user named them) and sample type rank the sites, and the weight of the checked
    packages' files that map nowhere (a stale profile, or one of other sources); without --profile, the hint
    that default.pgo could."""
    weights = run.weights
    if weights is None:
        return pgo_hint(run)
    profile = weights.profile
    names = ", ".join(profile.files)
    said = f"gorewrite: ranked by {profile.sample_type} of {names}: {amount(profile.total, profile.unit)} in all"
    if not any(v[profile.chosen] for v in weights.lines.values()):
        said += "; none of it is on these packages' lines: is it a profile of this code?"
    lost = sum(weights.unmapped.values())
    if lost:
        files = ", ".join(sorted(weights.unmapped)[:3]) + (", …" if len(weights.unmapped) > 3 else "")
        said += f"; {amount(lost, profile.unit)} in files of these packages that map to none of theirs: {files}"
    return said + "\n"


def fix_summary(run: Run, cwd: str) -> str:
    """`fix --profile`: the sites left cold, and what the lines of the verified rewrites weigh in the profile."""
    if run.weights is None:
        return pgo_hint(run)
    profile = run.weights.profile
    lines = [summary(run)]
    if run.cold:
        lines.append(
            f"profile: {len(run.cold)} recognised sites are cold (outside the hottest lines that hold the --hot "
            f"share of {profile.sample_type}): not rewritten\n"
        )
    for cand in sorted(run.cold, key=lambda c: -run.weights.weight(c.path, c.escape.line))[:10]:
        weight = amount(run.weights.weight(cand.path, cand.escape.line), profile.unit)
        said = f"{relative(cand.path, cwd)}:{cand.escape.line}: {cand.escape.message}"
        lines.append(f"  cold  {said} [{cand.rule}] ({weight})\n")
    if len(run.cold) > 10:
        lines.append(f"  … {len(run.cold) - 10} more cold\n")
    fixed = {(t.path, t.line) for v in run.verdicts if isinstance(v, Verified) for t in v.fix.targets}
    said = []
    for i, (name, unit) in enumerate(profile.types):
        if name.startswith("alloc_") or i == profile.chosen:
            value = sum(run.weights.lines.get(where, [0] * len(profile.types))[i] for where in fixed)
            share = value / profile.totals[i] if profile.totals[i] else 0.0
            said.append(f"{amount(value, unit)} {name} ({share:.1%})")
    if fixed:
        lines.append(f"profile: the verified rewrites are on lines that the profile charges {', '.join(said)}\n")
    return "".join(lines)


def pgo_hint(run: Analysis) -> str:
    """Said once when no --profile is given and a main package keeps a PGO profile beside it."""
    found = [p.dir for p in run.packages if p.name == "main" and os.path.isfile(os.path.join(p.dir, "default.pgo"))]
    if not found:
        return ""
    path = relative(os.path.join(found[0], "default.pgo"), os.getcwd())
    return f"gorewrite: --profile {path} would rank the sites by the CPU profile PGO uses\n"
