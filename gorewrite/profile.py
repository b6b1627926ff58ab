"""Read pprof profiles (`go test -memprofile`/`-cpuprofile`, runtime/pprof, `/debug/pprof/allocs`, default.pgo)
and weigh the checked packages' source lines by them: where the program allocates, joined with why it does."""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from operator import add

from gorewrite import profile_cache, profile_reader
from gorewrite.errors import UserError
from gorewrite.packages import Package

# Preferred sample types: what was allocated for a heap profile, CPU time for a CPU profile.
PREFERRED = ("alloc_space", "cpu")
NO_LINE = ("", "", 0)  # where a sample with only runtime frames goes: in the total, on no source line
HOT = 0.9  # the share of a profile's weight whose lines are hot: Go's PGO cuts its hot call edges at 90% too


@dataclass(frozen=True)
class Profile:
    """One or more merged profiles: each source line's weight, by the package its function belongs to."""

    files: tuple[str, ...]
    types: tuple[tuple[str, str], ...]  # (sample type, unit) of every value, as the profiles give them
    chosen: int  # the index into `types` that ranks sites
    totals: tuple[int, ...]  # per sample type, over every sample
    # (package, profile file) -> its lines, flat: a line's number then its value per sample type, then the next line.
    # Kept as the reader gives them: a big profile has 300,000 lines, and a check joins only its packages' files.
    lines: dict[tuple[str, str], list[int]] = field(repr=False)

    @property
    def width(self) -> int:
        """How many numbers a line takes in `lines`."""
        return len(self.types) + 1

    @property
    def sample_type(self) -> str:
        return self.types[self.chosen][0]

    @property
    def unit(self) -> str:
        return self.types[self.chosen][1]

    @property
    def total(self) -> int:
        return self.totals[self.chosen]


class Reading:
    """Profiles being read in a thread while go lists and compiles the packages (the main thread waits on its pipe
    then); `result` waits for them and raises what reading raised. A daemon thread: a run that fails first does
    not wait for it."""

    def __init__(self, paths: list[str], sample_type: str | None, cached: bool, go: str | None) -> None:
        self._outcome: Profile | Exception | None = None
        self._thread = threading.Thread(target=self._read, args=(paths, sample_type, cached, go), daemon=True)
        self._thread.start()

    def _read(self, *args) -> None:
        try:
            self._outcome = read(*args)
        except Exception as err:  # raised again in the thread that asks for the profile
            self._outcome = err

    def result(self) -> Profile:
        self._thread.join()
        if isinstance(self._outcome, Exception):
            raise self._outcome
        return self._outcome


def start(paths: list[str], sample_type: str | None = None, cached: bool = True, go: str | None = None) -> Reading:
    """`read` in the background; a file that cannot be read or is plainly no pprof profile fails here, at once."""
    for path in paths:
        _check(path, _bytes(path, 2))
    return Reading(paths, sample_type, cached, go)


def read(paths: list[str], sample_type: str | None = None, cached: bool = True, go: str | None = None) -> Profile:
    """The profiles in `paths`, merged; the sample type named, else alloc_space or cpu, else the profile's default.
    A file that is not a pprof profile, or profiles of different kinds, are a UserError. `cached`: parsed
    profiles are kept in and read from gorewrite's cache (profile_cache.py). `go` builds the pprof reader
    the first time (profile_reader.py)."""
    merged: dict[tuple[str, str], list[int]] = {}
    types: tuple[tuple[str, str], ...] = ()
    totals: tuple[int, ...] = ()
    default = ""
    for path in paths:
        with _uncollected():
            these, its_default, (weighed, its_totals) = _read(path, *_stamp(path), cached, go)
        if types and these != types:
            raise UserError(f"{path}: its samples are {_names(these)}, the others' {_names(types)}: merge alike")
        types, default = these, default or its_default
        totals = tuple(map(add, totals, its_totals)) if totals else its_totals
        if not merged:
            merged = dict(weighed)
            continue
        for key, flat in weighed.items():  # new lists: what _read keeps for the next run stays as read
            have = merged.get(key)
            merged[key] = flat if have is None else _added(have, flat, len(types) + 1)
    names = [name for name, _ in types]
    wanted = sample_type or next((n for n in PREFERRED if n in names), default or names[-1])
    if wanted not in names:
        raise UserError(f"--sample-type {wanted}: the profile has {_names(types)}")
    return Profile(tuple(paths), types, names.index(wanted), totals, merged)


def _added(one: list[int], other: list[int], width: int) -> list[int]:
    """One file's flat lines from two profiles, summed line by line."""
    rows: dict[int, list[int]] = {}
    for flat in (one, other):
        for i in range(0, len(flat), width):
            have, values = rows.get(flat[i]), flat[i + 1 : i + width]
            rows[flat[i]] = values if have is None else list(map(add, have, values))
    return [n for number, values in rows.items() for n in (number, *values)]


@contextmanager
def _uncollected() -> Iterator[None]:
    """Without the cyclic garbage collector: a big profile makes a million lists and tuples, none of them part
    of a cycle, and the collector, run every 700 new ones, took a third of the time looking at them."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _stamp(path: str) -> tuple[int, int]:
    """What tells a profile file from its next version: modification time and size (0, 0 if unreadable)."""
    try:
        stat = os.stat(path)
    except OSError:
        return 0, 0
    return stat.st_mtime_ns, stat.st_size


@lru_cache(maxsize=4)
def _read(path: str, mtime: int, size: int, cached: bool, go: str | None) -> profile_cache.Parsed:
    """One profile's sample types, default sample type, weighed lines and totals. Kept while the file's
    modification time and size stay the same: the language server checks again on every edit, with the same
    profile; and on disk, by the file's content, for the next run."""
    data = _bytes(path)
    key = profile_cache.key(data) if cached else ""
    found = profile_cache.load(key) if cached else None
    if found:
        return found
    entry = _parse(path, data, go)
    parsed = profile_cache.parse(entry)
    if cached:
        profile_cache.save(key, entry)
    return parsed


def _names(types: tuple[tuple[str, str], ...]) -> str:
    return ", ".join(name for name, _ in types) or "no sample types"


def _bytes(path: str, size: int = -1) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read(size)
    except OSError as err:
        raise UserError(f"{path}: cannot read the profile: {err.strerror}") from None


def _check(path: str, head: bytes) -> None:
    """A pprof profile starts with gzip's magic or, uncompressed, with its sample types (field 1, tag 0x0a):
    every protobuf writer orders fields by number, and a profile without sample types is refused anyway."""
    if head[:2] != b"\x1f\x8b" and head[:1] != b"\x0a":
        raise UserError(
            f"{path}: not a pprof profile (neither gzip nor protobuf); give what go test -memprofile writes"
        )


def _parse(path: str, data: bytes, go: str | None) -> bytes:
    """The profile as a profile_cache entry: each sample's values summed on the innermost line, outside the
    runtime, of its stack (pprofread/main.go says how), with the totals and sample types."""
    _check(path, data)
    return profile_reader.entry(path, data, go)


@dataclass
class Weights:
    """A profile joined with the checked packages: each module line's values and what maps nowhere."""

    profile: Profile
    lines: dict[tuple[str, int], list[int]]  # (absolute path, line) -> values, one per sample type
    unmapped: dict[str, int]  # profile file of a checked package that names no file of it -> chosen weight

    def weight(self, path: str, line: int) -> int:
        return self.lines.get((path, line), [0] * len(self.profile.types))[self.profile.chosen]

    def share(self, path: str, line: int) -> float:
        return self.weight(path, line) / self.profile.total if self.profile.total else 0.0

    def hot(self, fraction: float) -> set[tuple[str, int]]:
        """The hottest lines of the profile that together hold `fraction` of the weight it puts on source lines
        (Go's PGO cuts its hot call edges the same way); the line that crosses the cut is hot. Samples with
        only runtime frames (GC workers, the scheduler) are on no line and take no part."""
        chosen, width = self.profile.chosen, self.profile.width
        ranked = sorted(
            (
                value
                for (package, file), flat in self.profile.lines.items()
                for number, value in zip(flat[::width], flat[chosen + 1 :: width], strict=True)
                if value > 0 and (package, file, number) != NO_LINE
            ),
            reverse=True,
        )
        total = sum(ranked)
        cut, seen = 0, 0
        for value in ranked:
            if seen >= fraction * total:
                break
            cut, seen = value, seen + value
        return {where for where, v in self.lines.items() if v[chosen] > 0 and v[chosen] >= cut}


def join(profile: Profile, packages: list[Package]) -> Weights:
    """Map each profile line to a file of the checked packages: by the package its function is in and the file's
    base name, so absolute paths from another machine, -trimpath paths and GOROOT paths all map. A `main`
    package is named `main` in a profile: there the path's tail must match the file's path under its module.
    A line of a checked package that maps to no file is counted as unmapped, never guessed."""
    by_package: dict[str, list[Package]] = {}
    for pkg in packages:
        by_package.setdefault("main" if pkg.name == "main" else pkg.import_path, []).append(pkg)
    weights = Weights(profile, {}, {})
    lines, unmapped, chosen, width = weights.lines, weights.unmapped, profile.chosen, profile.width
    with _uncollected():
        for (package, filename), flat in profile.lines.items():
            if package not in by_package:
                continue
            path = _file(by_package[package], filename)
            if path is None:
                unmapped[filename] = unmapped.get(filename, 0) + sum(flat[chosen + 1 :: width])
                continue
            for i in range(0, len(flat), width):
                values = flat[i + 1 : i + width]
                have = lines.setdefault((path, flat[i]), values)
                if have is not values:  # two profile files on one file
                    lines[path, flat[i]] = list(map(add, have, values))
    return weights


def _file(candidates: list[Package], filename: str) -> str | None:
    """The one file of the candidates the profile's file name means, or None."""
    name = filename.replace("\\", "/")
    base = name.rsplit("/", 1)[-1]
    matches = []
    for pkg in candidates:
        for path in pkg.files:
            if os.path.basename(path) != base:
                continue
            if path == filename or len(candidates) == 1:
                return path
            tail = os.path.relpath(path, pkg.module_root or pkg.dir).replace(os.sep, "/")
            if name == tail or name.endswith("/" + tail):
                matches.append(path)
    if not matches and len(candidates) == 1 and os.path.isfile(os.path.join(candidates[0].dir, base)):
        return os.path.join(candidates[0].dir, base)  # a _test.go file: the build compiles none
    return matches[0] if len(matches) == 1 else None
