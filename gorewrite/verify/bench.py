"""Allocation evidence: a package's own benchmarks (`go test -bench . -benchmem`) before and after.

On go1.25+ the `-m` text cannot show that a make-const rewrite helped (the compiler says `does
not escape` of a variable-size make it still heap-allocates above 32 bytes); allocs/op can.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from gorewrite.toolchain import Toolchain
from gorewrite.verify.gocmd import overlay_flag, read_test_json

RESULT = re.compile(r"^(Benchmark\S+?)(?:-\d+)?\s+\d+\s+([\d.]+) ns/op(?:\s+[\d.]+ B/op)?\s+(\d+) allocs/op", re.M)
ARGS = ["-run", "^$", "-bench", ".", "-benchmem", "-benchtime", "100ms", "-count", "3"]


@dataclass(frozen=True)
class Sample:
    """One benchmark's median ns/op and allocs/op over the runs."""

    ns: float
    allocs: float


@dataclass(frozen=True)
class Delta:
    """One benchmark of one package under one toolchain, before and after the verified rewrites."""

    package: str
    toolchain: str
    name: str
    before: Sample
    after: Sample


def run(
    toolchain: Toolchain, cwd: str, packages: list[str], overlay: str | None
) -> tuple[dict[str, dict[str, Sample]], dict[str, str]]:
    """Each package's benchmarks by name, and the packages whose benchmarks fail (with why)."""
    done = toolchain.run(["test", "-json", *overlay_flag(overlay), *ARGS, *packages], cwd)
    events = read_test_json(done.stdout)
    failed = {p: "benchmarks fail: " + " | ".join(said[-4:]) for p, said in events.failed.items()}
    if done.returncode != 0 and not failed:
        reason = "benchmarks fail: " + done.stderr.decode(errors="replace").strip()[:500]
        failed = {p: reason for p in packages}
    return {p: _samples("".join(events.output.get(p, []))) for p in packages if p not in failed}, failed


def worse(before: dict[str, Sample], after: dict[str, Sample]) -> str | None:
    """Why the rewrites are rejected: a benchmark that now allocates more per op."""
    for name, old in sorted(before.items()):
        new = after.get(name)
        if new is not None and new.allocs > old.allocs:
            return f"{name} allocates more: {old.allocs:g} -> {new.allocs:g} allocs/op"
    return None


def _samples(text: str) -> dict[str, Sample]:
    runs: dict[str, list[tuple[float, float]]] = {}
    for name, ns, allocs in RESULT.findall(text):
        runs.setdefault(name, []).append((float(ns), float(allocs)))
    return {
        name: Sample(statistics.median(r[0] for r in rs), statistics.median(r[1] for r in rs))
        for name, rs in runs.items()
    }
