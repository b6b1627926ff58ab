"""What a verified fix took away under each toolchain, as the text summary, JSON and SARIF say it.

A release's -m messages do not always show what a fix removes: go1.25+ reports a variable-size make
`does not escape` and allocates it on the heap above 32 bytes at run time. The fix's claim names such
messages (claims.hidden), the verifier counts them per release (Verified.hidden), and this says so
instead of "nothing to remove".
"""

from __future__ import annotations

from gorewrite.claims import stack_exprs
from gorewrite.escapes import STACK_FALLBACK
from gorewrite.pipeline import Run
from gorewrite.verify import Verified


def label(run: Run, verdict: Verified) -> str:
    """` [go1.24.11: -1 heap escape, go1.27.3: -1 run-time heap allocation (…)]`: per_release(), where it says
    more than the toolchain's name."""
    said = per_release(run, verdict)
    return f" [{', '.join(said)}]" if said else ""


def verified_with(run: Run, verdict: Verified) -> str:
    """The releases that compiled and judged the fix (`go1.27.3`), not those that build the original instead:
    a build variant's other side, a file only later releases compile (`go1.24.11` never saw the rewrite)."""
    toolchains = run.toolchains or [run.toolchain]
    return " and ".join(tc.version for tc in toolchains if tc.version not in verdict.original_on)


def per_release(run: Run, verdict: Verified) -> list[str]:
    """What the fix took away under each of several toolchains (`go1.24.11: -1 heap escape`), and under one
    only where its messages do not show it: a heap allocation a release reports `does not escape` (go1.25+
    of a variable-size make, on the heap above 32 bytes at run time; the claim names such messages); for a
    build variant, which toolchains build the original instead; for a site in a generic, which instantiations
    judged it (those outside the run's packages cannot be)."""
    hidden = dict(verdict.hidden)
    judged = [f"judged by its instantiations in {', '.join(verdict.judged_by)}"] if verdict.judged_by else []
    if len(run.toolchains) < 2 and not any(hidden.values()):
        return judged
    kept = stack_exprs(verdict.fix.claim)
    if kept:
        said = [f"{', '.join(v for v, _ in verdict.removed)}: {', '.join(kept)} does not escape"]
    else:
        said = [f"{v}: {_gone(n, hidden.get(v, 0))}" for v, n in verdict.removed]
    if verdict.original_on:
        said.append(f"{', '.join(verdict.original_on)}: builds the original, unchanged")
    return said + judged


def _gone(heap: int, hidden: int) -> str:
    """`-1 heap escape`, `-1 run-time heap allocation (…)`, both, or nothing to remove."""
    said = [f"-{heap} heap escape{'s' if heap > 1 else ''}"] if heap else []
    if hidden:
        said.append(
            f"-{hidden} run-time heap allocation{'s' if hidden > 1 else ''} "
            f'(sizes above {STACK_FALLBACK} bytes; -m said "does not escape")'
        )
    return ", ".join(said) or "nothing to remove, nothing added"
