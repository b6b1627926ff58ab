"""Time what `--profile` adds to `gorewrite check`: wall-clock of `check --profile FILE` minus `check` alone.

Per repeat, in a fresh gorewrite cache: `check` (fills the findings cache), `check` again (the baseline), then
`check --profile FILE` twice: the first parses the profile, the second loads it from the cache. With `--cold`
every run gets an empty Go build cache (GOCACHE), so go compiles everything each time. The pprof reader (a Go
helper, built once per install into gorewrite's cache) is built before the runs; with `--unbuilt` the first
`check --profile` builds it, as the first one after installing gorewrite does.

    python benchmarks/profile_check.py --profile big.pb.gz [--cold] [--unbuilt] [--repeat 2] [--go GO] DIR [PATTERN ...]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(args: list[str], cwd: str, env: dict[str, str], cold: bool) -> tuple[float, float]:
    """Wall and CPU seconds (gorewrite's and go's) of one `gorewrite check` (its JSON report discarded), in a new
    Go build cache when cold. CPU seconds are the steadier figure on a shared machine."""
    with tempfile.TemporaryDirectory() as gocache:
        run_env = {**env, "GOCACHE": gocache} if cold else env
        start, cpu = time.perf_counter(), _children()
        done = subprocess.run(
            [sys.executable, "-m", "gorewrite", "check", "-q", "--format", "json", *args],
            cwd=cwd,
            env=run_env,
            capture_output=True,
        )
        took = time.perf_counter() - start, _children() - cpu
    if done.returncode not in (0, 1, 2) or b"Traceback" in done.stderr:
        sys.exit(done.stderr.decode())
    return took


def _children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", required=True, metavar="FILE")
    parser.add_argument("--cold", action="store_true", help="an empty Go build cache for every run")
    parser.add_argument("--unbuilt", action="store_true", help="the first --profile run builds the pprof reader")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--go", help="GOREWRITE_GO for the runs")
    parser.add_argument("dir")
    parser.add_argument("patterns", nargs="*", default=["./..."])
    args = parser.parse_args()
    profile = os.path.abspath(args.profile)
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as cache:
            env = {**os.environ, "PYTHONPATH": str(ROOT), "GOREWRITE_CACHE": cache}
            env.update({"GOREWRITE_GO": args.go} if args.go else {})
            if not args.unbuilt:
                build = f"from gorewrite import profile_reader; profile_reader.helper({args.go!r})"
                subprocess.run([sys.executable, "-c", build], env=env, check=True)
            timed(args.patterns, args.dir, env, args.cold)
            base = timed(args.patterns, args.dir, env, args.cold)
            first, second = (timed(["--profile", profile, *args.patterns], args.dir, env, args.cold) for _ in "12")
        load = os.getloadavg()[0]
        print(
            f"check {base[0]:.2f} s ({base[1]:.2f} s CPU); --profile adds {first[0] - base[0]:+.2f} s "
            f"({first[1] - base[1]:+.2f} s CPU) on the first run, {second[0] - base[0]:+.2f} s "
            f"({second[1] - base[1]:+.2f} s CPU) on the second (parsed profile cached); load {load:.1f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
