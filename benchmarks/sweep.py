"""Sweep the probes for outcomes (issue 13: no proposal rejected for a reason the rule could have known).

    python benchmarks/sweep.py run OUT [PROBE ...]   # fix --dry-run --format json per probe, two at a time
    python benchmarks/sweep.py show OUT              # outcome counts per probe, and every rejection's reason
    python benchmarks/sweep.py compare BEFORE AFTER  # per probe: counts before -> after, sites verified only before

Each probe under benchmarks/probes/ is a Go module, run from its directory under go1.24.11 and go1.27.3, as the
probes' README does; OUT/<probe>.json keeps gorewrite's report. Two at a time: the machine is shared.
"""

from __future__ import annotations

import collections
import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

PROBES = Path(__file__).parent / "probes"
COMMAND = ["fix", "--dry-run", "--format", "json", "--toolchain", "go1.24.11", "--toolchain", "go1.27.3", "./..."]


def run(out: Path, probes: list[str]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    gorewrite = Path(sys.executable).with_name("gorewrite")

    def one(probe: str) -> None:
        with open(out / f"{probe}.json", "wb") as report:
            subprocess.run([gorewrite, *COMMAND], cwd=PROBES / probe, stdout=report, stderr=subprocess.DEVNULL)
        print(probe, flush=True)

    names = probes or sorted(p.parent.name for p in PROBES.glob("*/go.mod"))
    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(one, names))


def outcomes(out: Path) -> dict[str, list[dict]]:
    """Each probe's outcomes; a probe whose report did not parse (a crash, a timeout) has none and is named."""
    found = {}
    for report in sorted(out.glob("*.json")):
        try:
            found[report.stem] = json.loads(report.read_text())["outcomes"]
        except (json.JSONDecodeError, KeyError):
            print(f"{report.stem}: no report", file=sys.stderr)
    return found


def show(out: Path) -> None:
    for probe, found in outcomes(out).items():
        print(probe, dict(collections.Counter(o["status"] for o in found)))
        for o in found:
            if o["status"] == "rejected":
                print(f"    {o['file']}:{o['line']} {o['rule']} {o['message']} | {o['reason']}")


def compare(before: Path, after: Path) -> None:
    old, new = outcomes(before), outcomes(after)
    for probe in sorted(old.keys() & new.keys()):
        counts = [collections.Counter(o["status"] for o in found[probe]) for found in (old, new)]
        print(probe, " ".join(f"{s} {counts[0][s]}->{counts[1][s]}" for s in sorted(counts[0] | counts[1])))
        verified = [
            {(o["file"], o["line"], o["message"]) for o in f[probe] if o["status"] == "verified"} for f in (old, new)
        ]
        for site in sorted(verified[0] - verified[1]):
            print("    verified before only:", *site)


if __name__ == "__main__":
    command, *rest = sys.argv[1:]
    if command == "run":
        run(Path(rest[0]), rest[1:])
    elif command == "show":
        show(Path(rest[0]))
    else:
        compare(Path(rest[0]), Path(rest[1]))
