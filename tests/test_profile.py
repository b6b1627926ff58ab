"""--profile with real profiles: `go test -memprofile -memprofilerate=1` (and -cpuprofile) on tests/data/hotpath,
whose benchmark calls Hot nine times, Cold once and New five times per iteration; built in place, with -trimpath,
and in another directory (another machine's build root). The CLI runs in this process (conftest.in_process:
main(argv), without a subprocess's imports per run; test_cli runs `python -m gorewrite` itself)."""

from __future__ import annotations

import gzip
import json
import os
import random
import re
import shutil
import sys
from pathlib import Path

import jsonschema
import pytest
from conftest import ROOT, module, releases
from conftest import in_process as gorewrite
from pprof_pb2 import Profile
from test_formats import sarif_schema, validate  # noqa: F401 (a fixture)

from gorewrite import hotpaths, profile, profile_cache
from gorewrite.errors import UserError
from gorewrite.options import Options
from gorewrite.packages import load
from gorewrite.pipeline import analyse
from gorewrite.rules import RULES
from gorewrite.toolchain import find_toolchain

HOTPATH = ROOT / "tests" / "data" / "hotpath"
CHECK_SCHEMA = ROOT / "gorewrite" / "schemas" / "check-v1.json"
FIX_SCHEMA = ROOT / "gorewrite" / "schemas" / "fix-v2.json"


@pytest.fixture(scope="session")
def profiles(tmp_path_factory, toolchain) -> dict[str, Path]:
    """The module to check ("module") and its profiles: mem, trim (-trimpath), other (built elsewhere), cpu."""
    base = tmp_path_factory.mktemp("hotpath")
    here = shutil.copytree(HOTPATH, base / "module")
    elsewhere = shutil.copytree(HOTPATH, base / "ci" / "build" / "src" / "hotpath")
    bench = ["test", "-run", "^$", "-bench", "Mix", "-benchtime", "200x", "-memprofilerate", "1"]
    runs = {
        "mem": (here, [*bench, "-memprofile", str(base / "mem.out")]),
        "trim": (here, [*bench, "-trimpath", "-memprofile", str(base / "trim.out")]),
        "other": (elsewhere, [*bench, "-memprofile", str(base / "other.out")]),
        "cpu": (
            here,
            ["test", "-run", "^$", "-bench", "Mix", "-benchtime", "0.5s", "-cpuprofile", str(base / "cpu.out")],
        ),
    }
    for name, (cwd, args) in runs.items():
        done = toolchain.run([*args, "-o", str(base / f"{name}.test"), "./work"], str(cwd))
        assert done.returncode == 0, done.stderr.decode()
    shutil.rmtree(base / "ci")  # the other machine's tree is gone: only its paths remain in other.out
    return {"module": here, **{name: base / f"{name}.out" for name in runs}}


def line_of(text: str, root: Path, name: str = "work/work.go") -> tuple[str, int]:
    source = (root / name).read_text().splitlines()
    (number,) = [i for i, line in enumerate(source, 1) if text in line]
    return str(root / name), number


def by_file(lines: dict[tuple[str, str, int], list[int]]) -> dict[tuple[str, str], list[int]]:
    """(package, file, line) -> values, as Profile.lines holds them: per file, flat."""
    files: dict[tuple[str, str], list[int]] = {}
    for (package, file, line), values in lines.items():
        files.setdefault((package, file), []).extend([line, *values])
    return files


def per_line(read: profile.Profile) -> dict[tuple[str, str, int], list[int]]:
    """A read profile's lines as (package, file, line) -> values."""
    width = read.width
    return {
        (package, file, flat[i]): flat[i + 1 : i + width]
        for (package, file), flat in read.lines.items()
        for i in range(0, len(flat), width)
    }


def weights(profiles, *names: str, sample_type: str | None = None) -> profile.Weights:
    packages = load(find_toolchain(), ["./..."], str(profiles["module"]))
    return profile.join(profile.read([str(profiles[n]) for n in names], sample_type), packages)


def test_heap_profile_weighs_sites_in_their_known_proportions(profiles):
    found = weights(profiles, "mem", sample_type="alloc_objects")
    assert (found.profile.sample_type, found.profile.unit) == ("alloc_objects", "count")
    root = profiles["module"]
    hot_label, cold_kind = line_of('label := "job"', root), line_of('kind := "job"', root)
    hot_literal, cold_literal = _both_literals(root)
    record = line_of("return &Record{ID: id}", root)
    cold = found.weight(*cold_kind)
    assert cold > 0
    assert found.weight(*hot_label) == 9 * cold
    assert found.weight(*hot_literal) == 9 * found.weight(*cold_literal) == 9 * cold
    assert found.weight(*record) == 5 * cold
    assert found.share(*hot_label) == pytest.approx(found.weight(*hot_label) / found.profile.total)
    assert found.unmapped == {}


def _both_literals(root: Path) -> list[tuple[str, int]]:
    lines = (root / "work/work.go").read_text().splitlines()
    return [(str(root / "work/work.go"), n) for n, text in enumerate(lines, 1) if "go func()" in text]


def test_default_sample_type_of_a_heap_profile_is_alloc_space(profiles):
    found = weights(profiles, "mem")
    assert (found.profile.sample_type, found.profile.unit) == ("alloc_space", "bytes")
    assert found.weight(*line_of("return &Record{ID: id}", profiles["module"])) % 64 == 0  # 64-byte records


def test_inlined_call_is_charged_to_the_innermost_line(profiles):
    message = Profile.FromString(gzip.decompress(profiles["mem"].read_bytes()))
    names = {f.id: message.string_table[f.name] for f in message.function}
    inlined = [[names[line.function_id] for line in loc.line] for loc in message.location if len(loc.line) > 1]
    assert ["example.com/hotpath/work.New", "example.com/hotpath/work.BenchmarkMix"] in inlined
    found = weights(profiles, "mem")
    root = profiles["module"]
    assert found.weight(*line_of("return &Record{ID: id}", root)) > 0
    assert found.weight(*line_of("sink = New(n)", root, "work/work_test.go")) == 0


def test_trimpath_and_another_machines_paths_map_to_the_same_lines(profiles):
    here = weights(profiles, "mem")
    paths = {
        path
        for name in ("trim", "other")
        for path in _message(profiles[name]).string_table
        if path.endswith("work/work.go")
    }
    assert "example.com/hotpath/work/work.go" in paths  # -trimpath: the module path
    assert any("/ci/build/src/hotpath/work/work.go" in p for p in paths)  # the other build root
    # alloc_objects and alloc_space: -memprofilerate 1 and a fixed -benchtime make them the same in
    # each run; inuse_* depend on where the garbage collector last ran (a CI run saw 20 against 0)
    work_lines = {k: v[:2] for k, v in here.lines.items() if k[0].endswith("work.go")}
    for name in ("trim", "other"):
        there = weights(profiles, name)
        assert {k: v[:2] for k, v in there.lines.items() if k[0].endswith("work.go")} == work_lines, name
        assert there.unmapped == {}


def _message(path: Path) -> Profile:
    return Profile.FromString(gzip.decompress(path.read_bytes()))


def test_a_file_that_maps_nowhere_is_counted_not_guessed(profiles, tmp_path):
    message = _message(profiles["other"])
    strings = list(message.string_table)
    for i, s in enumerate(strings):
        if s.endswith("/hotpath/work/work.go"):
            strings[i] = s.replace("work/work.go", "work/renamed.go")  # a file since renamed: a stale profile
    del message.string_table[:]
    message.string_table.extend(strings)
    stale = tmp_path / "stale.out"
    stale.write_bytes(gzip.compress(message.SerializeToString()))
    profiles = {**profiles, "stale": stale}
    found = weights(profiles, "stale")
    (renamed,) = found.unmapped
    assert renamed.endswith("/ci/build/src/hotpath/work/renamed.go")
    before = weights(profiles, "other")
    assert found.unmapped[renamed] == sum(before.weight(*k) for k in before.lines if k[0].endswith("/work.go"))
    assert not [k for k in found.lines if k[0].endswith("work.go")]


def test_merged_profiles_add_up_and_must_be_alike(profiles):
    once, twice = weights(profiles, "mem"), weights(profiles, "mem", "trim")
    where = line_of('label := "job"', profiles["module"])
    assert twice.weight(*where) == 2 * once.weight(*where)
    assert twice.profile.total == once.profile.total + weights(profiles, "trim").profile.total
    with pytest.raises(profile.UserError, match="merge alike"):
        profile.read([str(profiles["mem"]), str(profiles["cpu"])])


def test_cpu_profile_ranks_by_cpu_time(profiles):
    found = weights(profiles, "cpu")
    assert (found.profile.sample_type, found.profile.unit) == ("cpu", "nanoseconds")
    assert found.profile.total > 0


def test_hot_cut_keeps_the_lines_that_hold_the_share(profiles):
    found = weights(profiles, "mem")
    root = profiles["module"]
    hot = found.hot(0.9)
    assert line_of('label := "job"', root) in hot and line_of("return &Record{ID: id}", root) in hot
    assert line_of('kind := "job"', root) not in hot
    assert line_of('kind := "job"', root) in found.hot(1.0)


@pytest.mark.parametrize(
    "content, said",
    [
        (b"package main\n", "not a pprof profile"),
        (gzip.compress(b"\xff\xff\xff\xff not protobuf", mtime=0), "not a pprof profile"),
        (lambda real: real[:300], "not a pprof profile"),  # the real profile, truncated
        (lambda real: real[:20] + b"\xff" * 100 + real[120:], "not a pprof profile"),  # its deflate stream broken
        (Profile(sample_type=[{"type": 9, "unit": 1}], string_table=["", "x"]).SerializeToString(), "not a pprof"),
    ],
    ids=["go source", "gzip of no protobuf", "truncated", "broken deflate", "no sample type name"],
)
@pytest.mark.parametrize("flags", [(), ("--no-cache",)], ids=["cache", "no cache"])
def test_corrupt_or_foreign_file_is_one_line_and_exit_2(profiles, tmp_path, content, said, flags):
    bad = tmp_path / "bad.out"
    bad.write_bytes(content if isinstance(content, bytes) else content(profiles["mem"].read_bytes()))
    env = {"GOREWRITE_CACHE": str(tmp_path / "cache")}
    done = gorewrite("check", *flags, "--profile", str(bad), "./...", cwd=profiles["module"], env=env)
    assert done.returncode == 2
    assert done.stderr.startswith(f"gorewrite: error: {bad}: {said}") and done.stderr.count("\n") == 1, done.stderr
    assert done.stdout == ""
    # No parsed profile kept (the rules' findings, computed while the profile was read, are valid without it).
    assert not (tmp_path / "cache" / "profiles").exists()


def test_plainly_foreign_file_fails_before_anything_is_compiled(tmp_path):
    """A Go file, a text report, an empty file: refused by their first bytes, not after the compile."""
    for content in (b"package main\n", b"File: work.test\nType: alloc_space\n", b""):
        (tmp_path / "bad.out").write_bytes(content)
        with pytest.raises(UserError, match="neither gzip nor protobuf"):
            profile.start([str(tmp_path / "bad.out")])


def test_check_lists_sites_hottest_first_and_json_carries_weights(profiles):
    root = profiles["module"]
    done = gorewrite("check", "--profile", str(profiles["mem"]), "./...", cwd=root)
    assert done.returncode == 0, done.stderr
    order = re.findall(r"work/work\.go:(\d+):", done.stdout)
    record, label, kind = (str(line_of(t, root)[1]) for t in ("&Record{", 'label := "job"', 'kind := "job"'))
    assert order.index(record) < order.index(label) < order.index(kind), done.stdout
    assert "ranked by alloc_space of" in done.stderr
    data = json.loads(gorewrite("check", "--format", "json", "--profile", str(profiles["mem"]), cwd=root).stdout)
    jsonschema.validate(data, json.loads(CHECK_SCHEMA.read_text()))
    assert data["profile"]["sample_type"] == "alloc_space" and data["profile"]["unit"] == "bytes"
    by_line = {e["line"]: e["profile"] for e in data["escapes"]}
    assert by_line[int(label)]["weight"] == 9 * by_line[int(kind)]["weight"] > 0


def test_sarif_results_carry_weight_and_rank(profiles, sarif_schema):  # noqa: F811
    done = gorewrite("check", "--format", "sarif", "--profile", str(profiles["mem"]), cwd=profiles["module"])
    log = json.loads(done.stdout)
    validate(sarif_schema, log)
    results = log["runs"][0]["results"]
    assert all(0 <= r["rank"] <= 100 and r["properties"]["profile"]["weight"] >= 0 for r in results)
    assert max(results, key=lambda r: r["rank"])["message"]["text"].startswith("&Record{...} escapes to heap")


def test_fix_rewrites_only_the_hot_site_and_names_the_cold_one(profiles):
    root = profiles["module"]
    done = gorewrite("fix", "--dry-run", "--profile", str(profiles["mem"]), cwd=root)
    assert done.returncode == 1, done.stderr
    assert "label := label // captured by value" in done.stdout and "kind := kind" not in done.stdout
    assert "1 recognised sites are cold" in done.stderr
    kind = line_of('kind := "job"', root)[1]
    assert f"cold  work/work.go:{kind}: moved to heap: kind [closure]" in done.stderr
    assert "the verified rewrites are on lines that the profile charges" in done.stderr
    data = json.loads(
        gorewrite("fix", "--dry-run", "--format", "json", "--profile", str(profiles["mem"]), cwd=root).stdout
    )
    jsonschema.validate(data, json.loads(FIX_SCHEMA.read_text()))
    assert [(c["rule"], c["line"]) for c in data["profile"]["cold"]] == [("closure", kind)]
    everything = gorewrite("fix", "--dry-run", "--profile", str(profiles["mem"]), "--hot", "1", cwd=root)
    assert "kind := kind" in everything.stdout and "cold" not in everything.stderr


def test_why_shows_the_lines_weight_and_the_verdict_on_a_cold_line(profiles):
    root = profiles["module"]
    kind = line_of('kind := "job"', root)[1]
    done = gorewrite("why", f"work/work.go:{kind}", "--profile", str(profiles["mem"]), cwd=root)
    assert done.returncode == 0, done.stderr
    assert "closure: would be verified: copy kind" in done.stdout  # why reports every verdict, hot or cold
    assert "profile: 3.2 kB of alloc_space on this line (" in done.stdout


def test_hot_or_sample_type_without_a_profile_is_an_error(profiles):
    done = gorewrite("fix", "--hot", "0.5", cwd=profiles["module"])
    assert done.returncode == 2 and "give --profile FILE" in done.stderr


# A CPU profile go accepts for PGO, without samples: the hint needs only the file, and go keys the PGO build of
# every dependency (runtime included, ~10 CPU-s) on the profile's bytes: a fixed one is served from its cache,
# a profile taken afresh each session never was.
EMPTY_PGO = Profile(
    sample_type=[{"type": 1, "unit": 2}, {"type": 3, "unit": 4}],
    string_table=["", "samples", "count", "cpu", "nanoseconds"],
    period_type={"type": 3, "unit": 4},
    period=10_000_000,
).SerializeToString()


def test_default_pgo_beside_a_main_package_is_mentioned_once(profiles, tmp_path):
    root = shutil.copytree(profiles["module"], tmp_path / "m")
    (root / "cmd").mkdir()
    (root / "cmd/main.go").write_text(
        'package main\n\nimport "example.com/hotpath/work"\n\nvar sink *work.Record\n\n'
        "func main() { sink = work.New(1) }\n"
    )
    (root / "cmd/default.pgo").write_bytes(EMPTY_PGO)
    done = gorewrite("check", "./...", cwd=root)
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("--profile cmd/default.pgo would rank the sites") == 1, done.stderr


def test_terminal_gets_a_table_with_the_sample_type(profiles, toolchain, monkeypatch):
    root = str(profiles["module"])
    options = Options(profile=profile.start([str(profiles["mem"])]))
    run, _, _ = analyse([toolchain], ["./..."], root, list(RULES.values()), options)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    table = hotpaths.check_text(run, root)
    header, first = table.splitlines()[:2]
    assert "alloc_space" in header and "share" in header and "cum" in header
    assert "64.3 kB" in first and "work/work.go:" in first


def test_unknown_sample_type_names_the_ones_there_are(profiles):
    with pytest.raises(profile.UserError, match="has alloc_objects, alloc_space, inuse_objects, inuse_space"):
        profile.read([str(profiles["mem"])], "cpu")


@pytest.mark.parametrize(
    "value, unit, said",
    [
        (64320, "bytes", "64.3 kB"),
        (512, "bytes", "512 B"),
        (1_500_000_000, "nanoseconds", "1.5 s"),
        (1809, "count", "1809"),
        (0, "nanoseconds", "0 ns"),
    ],
)
def test_amounts_read_as_a_go_engineer_reads_pprof(value, unit, said):
    assert hotpaths.amount(value, unit) == said


@pytest.mark.parametrize(
    "fraction, hot",
    [(0.5, {"a"}), (0.51, {"a", "b"}), (0.9, {"a", "b", "c"}), (1.0, {"a", "b", "c", "d"})],
)
def test_hot_cut_includes_the_line_that_crosses_it_and_leaves_runtime_only_samples_out(fraction, hot):
    values = {"a": 50, "b": 30, "c": 15, "d": 5, "e": 0}
    lines = {("p", f"{name}.go", 1): [v] for name, v in values.items()}
    read = profile.Profile(("x",), (("alloc_space", "bytes"),), 0, (200,), by_file({**lines, profile.NO_LINE: [100]}))
    weights = profile.Weights(read, {(f"/m/{name}.go", 1): [v] for name, v in values.items()}, {})
    assert {path[3:4] for path, _ in weights.hot(fraction)} == hot
    assert weights.share("/m/a.go", 1) == 0.25  # shares are of the whole profile, runtime-only samples included


def test_main_packages_map_by_their_path_under_the_module_or_not_at_all(tmp_path, toolchain):
    main = "package main\n\nfunc main() {}\n"
    root = module(tmp_path, {"cmd/a/main.go": main, "cmd/b/main.go": main})
    packages = load(toolchain, ["./..."], str(root))
    lines = {
        ("main", "/home/ci/src/m/cmd/b/main.go", 3): [7],  # another build root
        ("main", "example.com/m/cmd/a/main.go", 3): [5],  # -trimpath
        ("main", "/somewhere/main.go", 3): [2],  # either one: not guessed
    }
    weights = profile.join(profile.Profile(("x",), (("alloc_space", "bytes"),), 0, (14,), by_file(lines)), packages)
    assert weights.lines == {(str(root / "cmd/b/main.go"), 3): [7], (str(root / "cmd/a/main.go"), 3): [5]}
    assert weights.unmapped == {"/somewhere/main.go": 2}


def test_another_goroot_maps_to_this_ones_standard_library(toolchain, tmp_path):
    (pkg,) = load(toolchain, ["strings"], str(tmp_path))
    lines = {("strings", "/opt/other/go/src/strings/builder.go", 12): [3], ("strings", "strings/gone.go", 1): [1]}
    weights = profile.join(profile.Profile(("x",), (("alloc_space", "bytes"),), 0, (4,), by_file(lines)), [pkg])
    assert weights.lines == {(str(Path(pkg.dir) / "builder.go"), 12): [3]}
    assert weights.unmapped == {"strings/gone.go": 1}


def test_fix_on_hot_sites_removes_their_allocations_under_both_releases(profiles, tmp_path):
    """A new profile of the benchmark after `fix --profile`, under go1.24.11 and the pinned release, charges
    nothing to the hot lines it rewrote (Hot's label; Histogram's buffer, speculative and applied because it is
    hot) and the same as before to the cold line it left (Cold's kind)."""
    newest, older = releases()
    root = shutil.copytree(profiles["module"], tmp_path / "m")
    before = weights(profiles, "mem", sample_type="alloc_objects")
    versions = ["--toolchain", older.version, "--toolchain", newest.version]
    done = gorewrite("fix", "--profile", str(profiles["mem"]), *versions, cwd=root)
    assert done.returncode == 0, done.stderr
    assert "closure: 1 applied" in done.stderr and "make-const: 1 applied (1 speculative)" in done.stderr
    bench = ["test", "-run", "^$", "-bench", "Mix", "-benchtime", "200x", "-memprofilerate", "1"]
    for release in (older, newest):
        out = tmp_path / f"{release.version}.out"
        ran = release.run([*bench, "-memprofile", str(out), "-o", str(tmp_path / "w.test"), "./work"], str(root))
        assert ran.returncode == 0, ran.stderr.decode()
        after = profile.join(profile.read([str(out)], "alloc_objects"), load(release, ["./..."], str(root)))
        source = (root / "work/work.go").read_text().splitlines()
        rewritten = [n for n, text in enumerate(source, 1) if "label :=" in text or "counts = make" in text]
        assert len(rewritten) == 4, source  # the declaration and its copy; the stack buffer and its fallback
        assert [after.weight(str(root / "work/work.go"), n) for n in rewritten] == [0, 0, 0, 0], release.version
        kind = line_of('kind := "job"', root)[1]
        assert (
            after.weight(str(root / "work/work.go"), kind)
            == before.weight(*line_of('kind := "job"', profiles["module"]))
            > 0
        )


def test_the_runtimes_own_frames_are_skipped_even_under_another_packages_name(tmp_path):
    """reflect.unsafe_New is the runtime's (runtime/malloc.go, by linkname): reflect.New's line allocated."""
    strings = ["", "alloc_space", "bytes", "reflect.unsafe_New", "/go/src/runtime/malloc.go", "reflect.New"]
    strings += ["/go/src/reflect/value.go"]
    message = Profile(
        sample_type=[{"type": 1, "unit": 2}],
        function=[{"id": 1, "name": 3, "filename": 4}, {"id": 2, "name": 5, "filename": 6}],
        location=[
            {"id": 1, "line": [{"function_id": 1, "line": 2178}]},
            {"id": 2, "line": [{"function_id": 2, "line": 3300}]},
        ],
        sample=[{"location_id": [1, 2], "value": [64]}],
        string_table=strings,
    )
    path = tmp_path / "reflect.out"
    path.write_bytes(gzip.compress(message.SerializeToString()))
    assert per_line(profile.read([str(path)])) == {("reflect", "/go/src/reflect/value.go", 3300): [64]}


RUNTIME = ("runtime.", "runtime/internal/", "internal/runtime/")
RUNTIME_FILE = re.compile(r"(?:^|/src/)runtime/[^/]+\.go$")  # GOROOT/src/runtime/x.go, or runtime/x.go (-trimpath)


def _package(function: str) -> str:
    """`example.com/m/pkg.(*T).Method` -> `example.com/m/pkg`; `main.run.func1` -> `main`."""
    function = function.split("[", 1)[0]
    dot = function.find(".", function.rfind("/") + 1)
    return function[:dot] if dot >= 0 else function


def _reference(message: Profile) -> dict:
    """The attribution of the issue, sample by sample and frame by frame: what the summed reading must equal."""
    strings = message.string_table
    functions = {f.id: (strings[f.name], strings[f.filename]) for f in message.function}
    locations = {loc.id: loc for loc in message.location}

    def line_of(location_id):
        for line in locations[location_id].line:
            name, filename = functions[line.function_id]
            if not (name.startswith(RUNTIME) or RUNTIME_FILE.search(filename)):
                return (_package(name), filename, line.line)
        return None

    sums = {}
    for sample in message.sample:
        key = next(filter(None, map(line_of, sample.location_id)), profile.NO_LINE)
        sums[key] = [a + b for a, b in zip(sums.get(key, [0] * len(sample.value)), sample.value, strict=True)]
    return sums


@pytest.mark.parametrize("step", [1, 7], ids=["ids 1..n as Go writes them", "other ids"])
def test_summed_reading_equals_attributing_every_sample_alone(tmp_path, step):
    """Leaves shared by many samples, runtime leaves charged to their callers, inlined frames, runtime-only
    stacks: summing per location first gives every line the same values as the sample-by-sample attribution."""
    rng = random.Random(7)
    strings = ["", "alloc_objects", "count", "alloc_space", "bytes"]
    functions = []
    for i, name in enumerate(["runtime.mallocgc", "reflect.unsafe_New", "example.com/m/a.F", "main.run.func1"], 1):
        filename = "/go/src/runtime/malloc.go" if i < 3 else f"/src/{name.split('.')[0]}/f.go"
        strings += [name, filename]
        functions.append({"id": i, "name": len(strings) - 2, "filename": len(strings) - 1})
    locations = [
        {
            "id": i * step,
            "line": [{"function_id": rng.randint(1, 4), "line": rng.randint(1, 9)} for _ in range(i % 3 + 1)],
        }
        for i in range(1, 30)
    ]
    samples = [
        {
            "location_id": [i * step for i in rng.sample(range(1, 30), rng.randint(1, 5))],
            "value": [n := rng.randint(1, 9), 16 * n],
        }
        for _ in range(400)
    ]
    message = Profile(
        sample_type=[{"type": 1, "unit": 2}, {"type": 3, "unit": 4}],
        function=functions,
        location=locations,
        sample=samples,
        string_table=strings,
    )
    path = tmp_path / "mixed.out"
    path.write_bytes(gzip.compress(message.SerializeToString()))
    read = profile.read([str(path)])
    assert per_line(read) == _reference(message) and profile.NO_LINE in per_line(read) and len(per_line(read)) > 10
    assert read.totals == (sum(s["value"][0] for s in samples), sum(s["value"][1] for s in samples))


def test_a_sample_without_a_stack_counts_in_the_total_and_one_with_too_few_values_is_refused(tmp_path):
    strings = ["", "alloc_objects", "count", "alloc_space", "bytes", "example.com/m/a.F", "/src/a/f.go"]
    message = Profile(
        sample_type=[{"type": 1, "unit": 2}, {"type": 3, "unit": 4}],
        function=[{"id": 1, "name": 5, "filename": 6}],
        location=[{"id": 1, "line": [{"function_id": 1, "line": 4}]}],
        sample=[{"location_id": [1], "value": [1, 16]}, {"value": [2, 32]}, {"location_id": [1], "value": [3, 48]}],
        string_table=strings,
    )
    path = tmp_path / "stackless.out"
    path.write_bytes(message.SerializeToString())
    read = profile.read([str(path)])
    assert per_line(read) == {("example.com/m/a", "/src/a/f.go", 4): [4, 64], profile.NO_LINE: [2, 32]}
    assert read.totals == (6, 96)
    message.sample[1].value.pop()
    path.write_bytes(message.SerializeToString())
    with pytest.raises(UserError, match="a sample has 1 values for 2 sample types: not pprof"):
        profile.read([str(path)])


def test_lines_of_two_profile_files_on_one_file_add_up_and_leave_the_profile_as_read(toolchain, tmp_path):
    """Two profile files (another build root's and this one's) on one file: their lines add up, and the
    profile stays as read."""
    (pkg,) = load(toolchain, ["strings"], str(tmp_path))
    lines = {("strings", "/a/go/src/strings/builder.go", 12): [3, 30], ("strings", "/b/builder.go", 12): [4, 40]}
    read = profile.Profile(("x",), (("alloc_objects", "count"), ("alloc_space", "bytes")), 1, (7, 70), by_file(lines))
    weights = profile.join(read, [pkg])
    assert weights.lines == {(str(Path(pkg.dir) / "builder.go"), 12): [7, 70]}
    assert per_line(read) == lines


def test_a_profile_is_read_again_only_when_its_file_changes(profiles, tmp_path):
    path = tmp_path / "mem.out"
    shutil.copy(profiles["mem"], path)
    profile._read.cache_clear()
    first = profile.read([str(path)])
    assert profile.read([str(path)]).lines == first.lines and profile._read.cache_info().hits == 1
    merged = profile.read([str(path), str(path)])
    assert per_line(merged) == {k: [2 * v for v in values] for k, values in per_line(first).items()}
    assert profile.read([str(path)]).lines == first.lines  # merging left what was read as it was
    os.utime(path, ns=(1, 1))
    profile.read([str(path)])
    assert profile._read.cache_info().misses == 2


def test_every_format_gives_each_site_the_same_weight_and_share(profiles):
    root, mem = profiles["module"], str(profiles["mem"])
    out = {fmt: gorewrite("check", "--format", fmt, "--profile", mem, cwd=root).stdout for fmt in FORMATS}
    escapes = json.loads(out["json"])["escapes"]
    results = json.loads(out["sarif"])["runs"][0]["results"]
    annotations = [line.replace("%25", "%") for line in out["github"].splitlines()]
    assert len(escapes) == len(results) == len(annotations) == len(out["text"].splitlines()) > 3
    for escape, result in zip(escapes, sorted(results, key=_sarif_position), strict=True):
        weight, share = escape["profile"]["weight"], escape["profile"]["share"]
        assert (result["properties"]["profile"]["weight"], result["properties"]["profile"]["share"]) == (weight, share)
        assert result["rank"] == round(share * 100, 3)
        said = f"({hotpaths.amount(weight, 'bytes')}, {share:.1%} of alloc_space)"
        where = f"file={escape['file']},line={escape['line']},col={escape['column']},"
        assert [a for a in annotations if where in a and a.endswith(escape["message"] + " " + said)], where
        text = f"{escape['file']}:{escape['line']}:{escape['column']}: {escape['message']}"
        (line,) = [t for t in out["text"].splitlines() if t.endswith(text) or f"{text}  [" in t]
        assert line.split()[:3] == [*hotpaths.amount(weight, "bytes").split(), f"{share:.1%}"], line


FORMATS = ("text", "json", "sarif", "github")


def _sarif_position(result: dict) -> tuple:
    location = result["locations"][0]["physicalLocation"]
    return location["artifactLocation"]["uri"], location["region"]["startLine"], location["region"]["startColumn"]


def test_config_profile_relative_to_its_file_and_hot_rank_and_cut_like_the_flags(profiles, tmp_path):
    root = shutil.copytree(profiles["module"], tmp_path / "m")
    (root / "prof").mkdir()
    shutil.copy(profiles["mem"], root / "prof/mem.out")
    (root / ".gorewrite.toml").write_text('profile = ["prof/mem.out"]\n')
    checked = gorewrite("check", ".", cwd=root / "work")
    assert "ranked by alloc_space of" in checked.stderr and "mem.out" in checked.stderr, checked.stderr
    assert "label := label" in (hot := gorewrite("fix", "--dry-run", cwd=root)).stdout
    assert "kind := kind" not in hot.stdout and "1 recognised sites are cold" in hot.stderr
    (root / ".gorewrite.toml").write_text('profile = ["prof/mem.out"]\nhot = 1\n')
    assert "kind := kind" in gorewrite("fix", "--dry-run", cwd=root).stdout
    assert "kind := kind" not in gorewrite("fix", "--dry-run", "--hot", "0.9", cwd=root).stdout  # the flag wins


def answers(read: profile.Profile) -> tuple:
    return read.files, read.types, read.chosen, read.totals, read.lines


def test_same_answers_read_in_the_background_from_the_cache_and_without_it(profiles, tmp_path, monkeypatch):
    """The parsed profile is kept on disk by content: a second read (a new process: no copy in memory) loads it
    without parsing the file, and gives what parsing gave."""
    monkeypatch.setenv("GOREWRITE_CACHE", str(tmp_path))
    path = str(profiles["mem"])
    profile._read.cache_clear()
    parsed = profile.read([path], cached=False)
    assert not (tmp_path / "profiles").exists()  # --no-cache neither reads nor writes
    profile._read.cache_clear()
    assert answers(profile.start([path], "alloc_objects").result()) == answers(profile.read([path], "alloc_objects"))
    assert len(list((tmp_path / "profiles").glob("*.json"))) == 1
    profile._read.cache_clear()
    monkeypatch.setattr(profile, "_parse", lambda *_: pytest.fail("parsed again"))
    assert answers(profile.read([path])) == answers(parsed)
    assert answers(profile.start([path]).result()) == answers(parsed)


def test_a_changed_file_is_not_served_from_the_cache(profiles, tmp_path, monkeypatch):
    """Same path, same size, same modification time, other bytes: the cache is keyed by the content."""
    monkeypatch.setenv("GOREWRITE_CACHE", str(tmp_path / "cache"))
    message = Profile.FromString(gzip.decompress(profiles["mem"].read_bytes()))
    first = message.sample[0].value[1]
    path = tmp_path / "mem.out"
    path.write_bytes(message.SerializeToString())
    stat = path.stat()
    profile._read.cache_clear()
    before = profile.read([str(path)])
    message.sample[0].value[1] = first + 1 if first % 128 != 127 else first - 1  # the varint keeps its length
    path.write_bytes(message.SerializeToString())
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size
    profile._read.cache_clear()  # a new process
    after = profile.read([str(path)])
    assert after.totals[1] == before.totals[1] + message.sample[0].value[1] - first


def test_the_profile_cache_gives_back_what_it_kept_and_drops_the_least_recently_used(tmp_path, monkeypatch):
    monkeypatch.setenv("GOREWRITE_CACHE", str(tmp_path))
    parsed = (
        (("alloc_objects", "count"), ("alloc_space", "bytes")),
        "alloc_space",
        (
            {("p", "/src/p/a.go"): [3, 1, 64, 9, 2, 32], ("", ""): [0, 1, 8]},
            (4, 104),
        ),
    )
    entry = json.dumps(  # as the pprof reader prints it: per file, each line's number then its values
        {
            "types": [["alloc_objects", "count"], ["alloc_space", "bytes"]],
            "default": "alloc_space",
            "totals": [4, 104],
            "files": [["p", "/src/p/a.go", [3, 1, 64, 9, 2, 32]], ["", "", [0, 1, 8]]],
        }
    ).encode()
    profile_cache.save("a", entry)
    assert profile_cache.load("a") == parsed
    size = (tmp_path / "profiles" / "a.json").stat().st_size
    monkeypatch.setattr(profile_cache, "LIMIT", size * 14 // 5)  # room for two entries, not three
    profile_cache.save("b", entry)
    os.utime(tmp_path / "profiles" / "b.json", ns=(1, 1))
    profile_cache.save("c", entry)
    assert sorted(p.name for p in (tmp_path / "profiles").glob("*.json")) == ["a.json", "c.json"]


INNER, OUTER = ("example.com/m/a", "/src/a/inner.go", 4), ("example.com/m/a", "/src/a/outer.go", 9)


@pytest.mark.parametrize(
    "stack, charged",
    [
        ([[("example.com/m/a.Inner", 4), ("example.com/m/a.Outer", 9)]], INNER),  # Inner inlined into Outer
        ([[("runtime.mallocgc", 1), ("example.com/m/a.Outer", 9)]], OUTER),  # the runtime inlined into Outer
        ([[("runtime.mallocgc", 1)], [("example.com/m/a.Inner", 4), ("main.run", 7)]], INNER),
        ([[("runtime.mallocgc", 1)], [("runtime.gcBgMarkWorker", 2)]], profile.NO_LINE),
    ],
    ids=["innermost inlined frame", "outside the runtime", "the caller of a runtime leaf", "runtime only"],
)
def test_a_sample_is_charged_to_the_innermost_line_outside_the_runtime(tmp_path, stack, charged):
    """Each location of a stack (leaf first) lists its inlined calls innermost first: a reader that took the
    outermost frame, or the leaf location whatever its frames, charges another line."""
    files = {"Inner": "/src/a/inner.go", "Outer": "/src/a/outer.go", "run": "/src/main.go"}
    strings, functions, locations = ["", "alloc_space", "bytes"], {}, []
    for i, frames in enumerate(stack, 1):
        for name, _ in frames:
            if name not in functions:
                strings += [name, files.get(name.rsplit(".", 1)[-1], "/go/src/runtime/proc.go")]
                functions[name] = {"id": len(functions) + 1, "name": len(strings) - 2, "filename": len(strings) - 1}
        locations.append({"id": i, "line": [{"function_id": functions[f]["id"], "line": n} for f, n in frames]})
    message = Profile(
        sample_type=[{"type": 1, "unit": 2}],
        function=list(functions.values()),
        location=locations,
        sample=[{"location_id": [loc["id"] for loc in locations], "value": [64]}],
        string_table=strings,
    )
    path = tmp_path / "inlined.out"
    path.write_bytes(gzip.compress(message.SerializeToString()))
    assert per_line(profile.read([str(path)], cached=False)) == {charged: [64]}
