"""Time reading a ~50 MB pprof profile: gorewrite's reader (a Go helper) against the toolchain's `go tool pprof -raw`.

The profile is made here, shaped like a continuous profiler's heap export of a large service: tens of
thousands of functions in module and std paths, locations with inlined frames, deep stacks, four values
per sample (alloc_objects, alloc_space, inuse_objects, inuse_space), gzip'ed as runtime/pprof does.

    python benchmarks/profile_read.py [--megabytes 50] [--sites N] [--go PATH] [--keep FILE | --from FILE] [--no-pprof]

`go tool pprof -raw` is timed only to its text output (a lower bound: its text would still need parsing).
"""

from __future__ import annotations

import argparse
import gzip
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]  # tests/pprof_pb2.py writes the profile (protobuf: the test extra)

from pprof_pb2 import Profile  # noqa: E402

from gorewrite import profile, profile_reader  # noqa: E402
from gorewrite.packages import Package  # noqa: E402


def make(megabytes: float, sites: int = 0, seed: int = 1) -> bytes:
    """A gzip'ed heap profile of about `megabytes` MB whose samples end on `sites` leaf locations (allocation
    sites), else on any location."""
    rng = random.Random(seed)
    message = Profile()
    strings = [""]

    def string(s: str) -> int:
        strings.append(s)
        return len(strings) - 1

    for name, unit in (
        ("alloc_objects", "count"),
        ("alloc_space", "bytes"),
        ("inuse_objects", "count"),
        ("inuse_space", "bytes"),
    ):
        message.sample_type.add(type=string(name), unit=string(unit))
    functions = 40_000
    for i in range(1, functions + 1):
        pkg = f"example.com/service/internal/pkg{i % 400}"
        message.function.add(
            id=i,
            name=string(f"{pkg}.Func{i}"),
            filename=string(f"/build/src/service/internal/pkg{i % 400}/file{i % 7}.go"),
        )
    locations = 400_000
    for i in range(1, locations + 1):
        location = message.location.add(id=i)
        for _ in range(rng.choice((1, 1, 1, 2, 3))):
            location.line.add(function_id=rng.randrange(1, functions + 1), line=rng.randrange(1, 2000))
    message.string_table.extend(strings)
    leaves = rng.sample(range(1, locations + 1), sites) if sites else range(1, locations + 1)
    sample_bytes = len(gzip.compress(message.SerializeToString(), compresslevel=1))
    target = int(megabytes * 1e6)
    while sample_bytes < target:
        for _ in range(100_000):
            objects = rng.randrange(1, 10_000)
            message.sample.add(
                location_id=[rng.choice(leaves)]
                + [rng.randrange(1, locations + 1) for _ in range(rng.randrange(7, 39))],
                value=[objects, objects * 48, objects // 10, objects * 4],
            )
        sample_bytes = len(gzip.compress(message.SerializeToString(), compresslevel=1))
    return gzip.compress(message.SerializeToString(), compresslevel=1)


def _cpu() -> float:
    """CPU seconds of this process and of the children it waited for (the Go helper)."""
    us, them = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return us.ru_utime + us.ru_stime + them.ru_utime + them.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=50)
    parser.add_argument("--sites", type=int, default=0, help="leaf locations the samples end on (default: any)")
    parser.add_argument("--go", default="go")
    parser.add_argument("--no-pprof", action="store_true", help="time gorewrite only")
    parser.add_argument("--keep", metavar="FILE", help="write the profile here (else a temporary file)")
    parser.add_argument("--from", dest="source", metavar="FILE", help="time this profile (one --keep wrote)")
    args = parser.parse_args()
    if args.source:
        path, data = args.source, Path(args.source).read_bytes()
    else:
        data = make(args.megabytes, args.sites)
        path = args.keep or os.path.join(tempfile.mkdtemp(), "big.pb.gz")
        Path(path).write_bytes(data)
    packages = [
        Package(
            f"example.com/service/internal/pkg{i}",
            f"pkg{i}",
            f"/src/internal/pkg{i}",
            "/src",
            "1.22",
            tuple(f"/src/internal/pkg{i}/file{n}.go" for n in range(7)),
            frozenset(),
            {},
            (),
            False,
            None,
        )
        for i in range(400)
    ]
    profile_reader.helper(args.go)  # built before timing (once; a few seconds)
    start, cpu = time.perf_counter(), _cpu()
    read = profile.read([path], cached=False, go=args.go)  # parsed, not loaded from gorewrite's cache
    middle, middle_cpu = time.perf_counter(), _cpu()
    weights = profile.join(read, packages)
    end, end_cpu = time.perf_counter(), _cpu()
    weighted = sum(len(flat) for flat in read.lines.values()) // read.width
    print(f"profile: {len(data) / 1e6:.1f} MB gzip'ed, {weighted} weighted lines in {len(read.lines)} files")
    print(
        f"gorewrite.profile.read: {middle - start:.2f} s ({middle_cpu - cpu:.2f} s CPU); "
        f"join: {end - middle:.2f} s ({end_cpu - middle_cpu:.2f} s CPU); {len(weights.lines)} lines mapped"
    )
    if args.no_pprof:
        return
    start = time.perf_counter()
    done = subprocess.run([args.go, "tool", "pprof", "-raw", path], capture_output=True)
    end = time.perf_counter()
    print(f"go tool pprof -raw: {end - start:.2f} s, {len(done.stdout) / 1e6:.0f} MB of text, exit {done.returncode}")


if __name__ == "__main__":
    main()
