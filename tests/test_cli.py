"""The command line against a real go: exit codes 0/1/2, stdout for data only, nothing written on error.

Most runs call main(argv) in this process (conftest.in_process: the same code from click on, without a
subprocess's imports per run); the dry-run test and the gc test run `python -m gorewrite` as a user does.
Tests that only read the GOROUTINE module share one copy: go's cache keys hold its path."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FACTORY, GOROUTINE, HISTOGRAM, OLDER, in_process, module, snapshot
from conftest import gorewrite as subprocess_gorewrite

from gorewrite import exports, iterators, settings
from gorewrite import toolchain as toolchain_module
from gorewrite.rules import RULES

gorewrite = in_process


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    """One GOROUTINE module for the tests that only read it (they assert it is unchanged where it matters)."""
    return module(tmp_path_factory.mktemp("work"), {"work/work.go": GOROUTINE})


def test_dry_run_prints_a_diff_git_applies_and_writes_nothing(tmp_path):
    root = module(tmp_path, {"work/work.go": GOROUTINE})
    before = snapshot(root)
    done = subprocess_gorewrite("fix", "--dry-run", cwd=root)
    assert done.returncode == 1, done.stderr
    assert done.stdout.startswith("--- a/work/work.go\n+++ b/work/work.go\n")
    assert "+\t\tlabel := label // captured by value: keeps label off the heap\n" in done.stdout
    assert snapshot(root) == before
    assert "closure: 1 verified" in done.stderr and "go1." in done.stderr
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    subprocess.run(["git", "apply", "--check", "-"], cwd=root, input=done.stdout, text=True, check=True)


def test_fix_writes_then_has_nothing_left_to_do(tmp_path):
    root = module(tmp_path, {"work/work.go": GOROUTINE})
    os.chmod(root / "work/work.go", 0o640)
    done = gorewrite("fix", "./...", cwd=root)
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert "label := label //" in (root / "work/work.go").read_text()
    assert (root / "work/work.go").stat().st_mode & 0o777 == 0o640
    assert not list(root.rglob("*.gorewrite-tmp"))
    again = gorewrite("fix", "--dry-run", cwd=root)
    assert (again.returncode, again.stdout) == (0, "")


def test_crlf_file_keeps_its_line_endings(tmp_path):
    root = module(tmp_path, {})
    (root / "work").mkdir()
    (root / "work/work.go").write_bytes(GOROUTINE.replace("\n", "\r\n").encode())
    done = gorewrite("fix", cwd=root)
    assert done.returncode == 0, done.stderr
    text = (root / "work/work.go").read_bytes()
    assert b"label := label // captured by value: keeps label off the heap\r\n" in text
    assert text.count(b"\n") == text.count(b"\r\n")


def test_named_file_limits_the_rewrite(tmp_path):
    other = GOROUTINE.replace("package work", "package work\n\n// other").replace("Start", "Other")
    root = module(tmp_path, {"work/work.go": GOROUTINE, "work/other.go": other})
    done = gorewrite("fix", "--dry-run", "work/other.go", cwd=root)
    assert done.returncode == 1, done.stderr
    assert "work/other.go" in done.stdout and "work/work.go" not in done.stdout


def test_check_lists_escapes_with_their_rule(work):
    root = work
    done = gorewrite("check", cwd=root)
    assert done.returncode == 0, done.stderr
    assert "work/work.go:7:2: moved to heap: label  [closure]\n" in done.stdout, done.stdout
    data = json.loads(gorewrite("check", "--format", "json", cwd=root).stdout)
    assert data["schema"] == "gorewrite.check/v1" and data["toolchain"].startswith("go1.")
    site = next(e for e in data["escapes"] if e["message"] == "moved to heap: label")
    assert site == {
        "package": "example.com/m/work",
        "file": "work/work.go",
        "line": 7,
        "column": 2,
        "message": "moved to heap: label",
        "rule": "closure",
        "toolchains": [data["toolchain"]],
        "ignored": None,
        "declined": None,
        "held_back": None,
    }


ESCAPING_MAKE = """package names

// Upper returns a copy of names in upper case: the slice is returned, so it escapes whatever its size.
func Upper(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = n + "!"
	}
	return out
}
"""


def test_check_tags_no_site_its_rule_declines_from_the_messages_and_says_why_with_v(tmp_path):
    """go1.25+ says `escapes to heap` of a variable-size make only when the slice escapes: fix
    declines it, so check does not tag it; -v and JSON say which rule declines it and why."""
    root = module(tmp_path, {"names/names.go": ESCAPING_MAKE})
    done = gorewrite("check", cwd=root)
    assert "make([]string, len(names)) escapes to heap\n" in done.stdout, done.stdout
    assert "rewrites proposed: none, 1 declined (-v says why)" in done.stderr, done.stderr
    verbose = gorewrite("check", "-v", cwd=root).stdout
    assert "escapes to heap  [make-const declines: the slice escapes whatever its size: go1." in verbose, verbose
    data = json.loads(gorewrite("check", "--format", "json", cwd=root).stdout)
    (site,) = [e for e in data["escapes"] if e["message"].startswith("make(")]
    assert site["rule"] is None and site["declined"]["rule"] == "make-const", site
    fixed = gorewrite("fix", "--dry-run", "-v", cwd=root)
    assert "the slice escapes whatever its size" in fixed.stderr and fixed.returncode == 0, fixed.stderr


def test_fix_json_reports_every_outcome(work):
    root = work
    done = gorewrite("fix", "--dry-run", "--format", "json", cwd=root)
    data = json.loads(done.stdout)
    assert data["schema"] == "gorewrite.fix/v2"
    assert [o["status"] for o in data["outcomes"]] == ["verified"]
    assert data["diff"].startswith("--- a/work/work.go")


@pytest.mark.parametrize(
    ("files", "args", "message"),
    [
        pytest.param({"work/work.go": GOROUTINE}, ["fix", "--rule", "nope"], "unknown rule 'nope'", id="unknown rule"),
        pytest.param({"work/work.go": GOROUTINE}, ["fix", "--frobnicate"], "No such option", id="unknown option"),
        pytest.param(
            {"work/work.go": GOROUTINE}, ["fix", "--go", "/nonexistent/go"], "no Go toolchain found", id="no toolchain"
        ),
        pytest.param(
            {"work/work.go": "// Code generated by stringer. DO NOT EDIT.\n\n" + GOROUTINE},
            ["fix", "work/work.go"],
            "is generated",
            id="generated file",
        ),
        pytest.param({"work/work.go": GOROUTINE}, ["fix", "missing.go"], "missing.go", id="missing file"),
        pytest.param(
            {"work/work.go": GOROUTINE}, ["fix", "--toolchain", "1.24"], "not a Go release name", id="bad toolchain"
        ),
        pytest.param(
            {"work/work.go": GOROUTINE},
            ["check", "--toolchain", "go1.21.13"],
            "needs go1.24 or newer",
            id="old toolchain",
        ),
        pytest.param(
            {"work/work.go": GOROUTINE},
            ["fix", "--toolchain", "go1.99.0"],
            "cannot run go1.99.0 through GOTOOLCHAIN",
            id="unavailable toolchain",
        ),
        pytest.param(
            {"work/work.go": GOROUTINE},
            ["check", "--toolchain", "go1.24.11", "--toolchain", "go1.27.3", "sync"],
            "differs between releases",
            id="std with two toolchains",
        ),
        pytest.param(
            {"go.mod": "module example.com/m\n\ngo 1.26\n", "work/work.go": GOROUTINE},
            ["fix", "--toolchain", "go1.24.11"],
            "its go.mod requires go >= 1.26",
            id="toolchain older than go.mod",
        ),
    ],
)
def test_bad_input_is_one_line_exit_2_and_touches_nothing(tmp_path, files, args, message):
    root = module(tmp_path, files)
    before = snapshot(root)
    done = gorewrite(*args, cwd=root)
    assert done.returncode == 2, done.stderr
    assert message in done.stderr and "Traceback" not in done.stderr
    assert done.stdout == ""
    assert snapshot(root) == before


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        pytest.param("package bad\n\nfunc F() int { return missing }\n", "undefined: missing", id="does not compile"),
        pytest.param("package bad\n\nfunc F() int { return ( }\n", "syntax error", id="syntax error"),
    ],
)
def test_broken_package_is_reported_and_the_rest_still_processed(tmp_path, broken, message):
    root = module(tmp_path, {"work/work.go": GOROUTINE, "bad/bad.go": broken})
    before = snapshot(root)
    done = gorewrite("fix", "--dry-run", cwd=root)
    assert done.returncode == 2
    assert "skipped example.com/m/bad" in done.stderr and message in done.stderr
    assert "Traceback" not in done.stderr
    assert "label := label" in done.stdout
    assert snapshot(root) == before


def test_a_cache_directory_that_is_a_file_is_a_clear_error(tmp_path):
    """The go/types helper is built there: without it every rewrite declined, "type information unavailable",
    and the run ended 0 (review adv40d)."""
    root = module(tmp_path / "m", {"work/work.go": GOROUTINE})
    (tmp_path / "cache").write_text("not a directory")
    before = snapshot(root)
    done = gorewrite("fix", "--dry-run", cwd=root, env={"GOREWRITE_CACHE": str(tmp_path / "cache")})
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert "cannot build the gotypes helper in" in done.stderr and "must be a directory gorewrite can write" in (
        done.stderr
    )
    assert snapshot(root) == before


def test_a_cache_directory_no_file_can_be_in_is_a_clear_error(tmp_path):
    """A name too long for a file: asking whether the helper is there fails before any build (review adv41a)."""
    root = module(tmp_path / "m", {"work/work.go": GOROUTINE})
    done = gorewrite("fix", "--dry-run", cwd=root, env={"GOREWRITE_CACHE": str(tmp_path / ("c" * 300))})
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert "cannot build the gotypes helper in" in done.stderr and "File name too long" in done.stderr, done.stderr


@pytest.mark.parametrize("command", ["check", "fix"])
def test_a_relative_cache_directory_is_a_clear_error(tmp_path, command):
    """Taken as given, GOREWRITE_CACHE=rel put the helper and the entries in the user's module (adv41c, adv41e)."""
    root = module(tmp_path / "m", {"work/work.go": GOROUTINE})
    done = gorewrite(
        command, *(["--dry-run"] if command == "fix" else []), cwd=root, env={"GOREWRITE_CACHE": "rel/cache"}
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert "GOREWRITE_CACHE=rel/cache is a relative path" in done.stderr, done.stderr
    assert not (root / "rel").exists()


def test_outside_a_module_is_a_clear_error(tmp_path):
    done = gorewrite("check", cwd=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "inside a Go module" in done.stderr


def test_rules_and_explain(tmp_path):
    listed = gorewrite("rules", cwd=tmp_path)
    assert listed.returncode == 0 and [line.split()[0] for line in listed.stdout.splitlines()] == sorted(RULES)
    explained = gorewrite("explain", "closure", cwd=tmp_path)
    assert explained.returncode == 0 and "## When it declines" in explained.stdout
    assert gorewrite("explain", "nope", cwd=tmp_path).returncode == 2


def test_the_command_collects_garbage_rarely_and_a_caller_s_process_keeps_its_own_settings():
    """A warm `check std` keeps ~1M objects to its end: full collections walked them all (0.15 s of CPU)."""
    script = (
        "import gc, sys; from gorewrite.cli import main; before = gc.get_threshold(); main(['rules']); "
        "print(gc.get_threshold() == before); sys.argv = ['gorewrite', 'rules']; main(); print(gc.get_threshold())"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    said = done.stdout.splitlines()  # each main() lists the rules first
    assert said[len(RULES)] == "True" and said[-1] == "(50000, 20, 10)"


def test_std_is_never_written(tmp_path):
    done = gorewrite("fix", "sync", cwd=tmp_path)
    assert done.returncode in (0, 2)
    if done.returncode == 2:
        assert "--dry-run" in done.stderr


def test_verify_tests_rejects_a_rewrite_the_packages_tests_reject(tmp_path):
    where = (
        GOROUTINE
        + """
// Where reports the line it is on (a log helper's test pins it).
func Where() int {
	_, _, line, _ := runtime.Caller(0)
	return line
}
"""
    )
    where = where.replace('import "fmt"', 'import (\n\t"fmt"\n\t"runtime"\n)')
    test = (
        'package work\n\nimport "testing"\n\n'
        'func TestWhere(t *testing.T) {\n\tif got := Where(); got != 23 {\n\t\tt.Fatalf("line %d", got)\n\t}\n}\n'
    )
    root = module(tmp_path, {"work/work.go": where, "work/work_test.go": test})
    built = gorewrite("fix", "--dry-run", cwd=root)
    assert built.returncode == 1, built.stderr
    tested = gorewrite("fix", "--dry-run", "--verify", "tests", cwd=root)
    assert (tested.returncode, tested.stdout) == (0, ""), tested.stderr
    assert "rejected" in tested.stderr and "go test fails" in tested.stderr and "line 24" in tested.stderr
    assert "cannot verify" not in tested.stderr  # the tests pass without the rewrite: it is to blame


def test_verify_tests_cannot_verify_where_the_tests_fail_without_any_rewrite(tmp_path):
    """The tests run unrewritten only after they failed with the rewrites: that they pass with them is the claim."""
    test = 'package work\n\nimport "testing"\n\nfunc TestBroken(t *testing.T) {\n\tt.Fatal("broken anyway")\n}\n'
    root = module(tmp_path, {"work/work.go": GOROUTINE, "work/work_test.go": test})
    tested = gorewrite("fix", "--dry-run", "--verify", "tests", cwd=root)
    assert (tested.returncode, tested.stdout) == (0, ""), tested.stderr
    assert "cannot verify: go test fails: " in tested.stderr and "broken anyway" in tested.stderr
    assert "even without any rewrite" in tested.stderr


def test_every_rewrite_holds_under_each_requested_toolchain(work, toolchain):
    root = work
    done = gorewrite("fix", "--dry-run", "-v", "--toolchain", OLDER, "--toolchain", toolchain.version, cwd=root)
    assert done.returncode == 1, done.stderr
    assert f"with {OLDER} and {toolchain.version}:" in done.stderr
    assert f"[{OLDER}: -1 heap escape, {toolchain.version}: -1 heap escape]" in done.stderr
    data = json.loads(gorewrite("fix", "--dry-run", "--format", "json", "--toolchain", OLDER, cwd=root).stdout)
    assert data["toolchains"] == [OLDER] and data["outcomes"][0]["removed"] == {OLDER: 1}


def test_gomod_toolchain_line_adds_that_release(tmp_path, toolchain):
    root = module(tmp_path, {"work/work.go": GOROUTINE})
    (root / "go.mod").write_text(f"module example.com/m\n\ngo 1.22\n\ntoolchain {OLDER}\n")
    done = gorewrite("check", cwd=root)
    assert done.returncode == 0, done.stderr
    assert f"with {toolchain.version} and {OLDER}:" in done.stderr


def test_gomod_toolchain_line_is_read_from_the_directory_asked_with_one_go_env(
    tmp_path, tmp_path_factory, toolchain, monkeypatch
):
    """The process's directory: GOVERSION, GOMOD, GOWORK, exports.GO_ENV and GOROOT come from one go env; another
    directory (the editor's file) asks its own GOMOD, not the process's."""
    root = module(tmp_path, {"work/work.go": GOROUTINE})
    (root / "go.mod").write_text(f"module example.com/m\n\ngo 1.22\n\ntoolchain {OLDER}\n")
    elsewhere = tmp_path_factory.mktemp("elsewhere")  # in no module
    runs = []
    real = toolchain_module.subprocess.run
    monkeypatch.setattr(
        toolchain_module.subprocess, "run", lambda argv, **kw: runs.append(argv[1:]) or real(argv, **kw)
    )
    monkeypatch.chdir(root)
    assert [tc.version for tc in settings.toolchains(None, None, (), str(root))] == [toolchain.version, OLDER]
    asked = ["env", "-json", *toolchain_module.GO_ENV, "GOMOD", "GOWORK", "GOROOT"]
    assert [argv for argv in runs if "GOTOOLCHAIN" not in str(argv)][:1] == [asked]
    assert sum(argv[:1] == ["env"] for argv in runs) == 2  # and the switched release's own GOVERSION
    first = toolchain_module.find_toolchain()
    exports.forget()
    runs.clear()
    told = exports.go_env(first, str(root))  # what located's go env said: no go command
    assert not runs
    assert told == json.loads(first.run(["env", "-json", *toolchain_module.GO_ENV], str(root)).stdout)
    exports.forget()
    runs.clear()
    assert exports.go_env(first, str(root)) == told
    assert len(runs) == 1  # told once: after forget (an editor's next run), go is asked again
    runs.clear()
    goroot = iterators.Standard(first, str(root))._goroot  # the verifier's first round: no go env GOROOT
    assert not runs
    assert goroot == first.run(["env", "GOROOT"], str(root)).stdout.decode().strip()
    runs.clear()
    assert iterators.Standard(first, str(root))._goroot == goroot
    assert len(runs) == 1  # told once, as GO_ENV is
    monkeypatch.chdir(elsewhere)
    assert [tc.version for tc in settings.toolchains(None, None, (), str(root))] == [toolchain.version, OLDER]
    assert [tc.version for tc in settings.toolchains(None, None, (), str(elsewhere))] == [toolchain.version]


def test_make_const_with_the_go_in_use_alone(tmp_path, toolchain):
    """go1.25+ says `does not escape` of a variable-size make: the site must still be found and fixed."""
    root = module(tmp_path, {"stats/stats.go": HISTOGRAM})
    checked = gorewrite("check", "--rule", "make-const", cwd=root)
    assert "stats/stats.go:5:16: make([]int, buckets) does not escape  [make-const, speculative]" in checked.stdout
    done = gorewrite("fix", "--dry-run", "--rule", "make-const", "--stack-budget", "128", "--speculative", cwd=root)
    assert done.returncode == 1, done.stderr
    assert "+\t\tcounts = make([]int, 16)[:buckets:buckets] // on the stack up to 16 elements\n" in done.stdout
    assert "make-const: 1 verified" in done.stderr


def test_verify_bench_reports_the_allocations_the_rewrite_saves(tmp_path, toolchain):
    bench = (
        'package stats\n\nimport "testing"\n\nvar buckets = 10\n\nfunc BenchmarkHistogram(b *testing.B) {\n'
        "\tfor i := 0; i < b.N; i++ {\n\t\tHistogram([]int{1, 5, 9, 13}, buckets, 2)\n\t}\n}\n"
    )
    root = module(tmp_path, {"stats/stats.go": HISTOGRAM, "stats/stats_test.go": bench})
    done = gorewrite(
        "fix", "--dry-run", "--rule", "make-const", "--verify", "bench", "--format", "json", "--speculative", cwd=root
    )
    assert done.returncode == 1, done.stderr
    (delta,) = json.loads(done.stdout)["benchmarks"]
    assert (delta["name"], delta["toolchain"]) == ("BenchmarkHistogram", toolchain.version)
    assert (delta["before"]["allocs_per_op"], delta["after"]["allocs_per_op"]) == (1, 0)
    text = gorewrite("fix", "--dry-run", "--rule", "make-const", "--verify", "bench", "--speculative", cwd=root)
    assert "BenchmarkHistogram (" in text.stderr and "1 -> 0 allocs/op" in text.stderr


def test_unsafe_fixes_are_held_back_unless_asked_for(tmp_path):
    root = module(tmp_path, {"tags/tags.go": FACTORY})
    held = gorewrite("fix", "--dry-run", "--rule", "closure", cwd=root)
    assert (held.returncode, held.stdout) == (0, ""), held.stderr
    assert "1 unsafe held back (--unsafe-fixes)" in held.stderr and "held back  tags/tags.go:14:" in held.stderr
    data = json.loads(gorewrite("fix", "--dry-run", "--rule", "closure", "--format", "json", cwd=root).stdout)
    assert [o["status"] for o in data["outcomes"]] == ["held"]
    applied = gorewrite("fix", "--dry-run", "--rule", "closure", "--unsafe-fixes", cwd=root)
    assert applied.returncode == 1, applied.stderr
    assert '+func Line(parts []string) string { return joiner("\\t", parts) }' in applied.stdout


def test_cached_compiler_output_from_another_directory_is_read_right(tmp_path):
    """go replays a cached compile's output relative to the directory that first ran it; a run
    from a subdirectory must still see (and verify against) the same sites."""
    root = module(tmp_path, {"work/deep/work.go": GOROUTINE})
    assert "moved to heap: label" in gorewrite("check", cwd=root).stdout
    below = gorewrite("check", "./...", cwd=root / "work")
    assert "deep/work.go:7:2: moved to heap: label  [closure]" in below.stdout, below.stderr
    fixed = gorewrite("fix", "--dry-run", "./...", cwd=root / "work")
    assert fixed.returncode == 1 and "label := label" in fixed.stdout, fixed.stderr


def test_stack_budget_help_says_a_proven_bound_wins_over_it(tmp_path):
    """The budget sizes speculative buffers only: a bound the code proves is used up to the compiler's limit."""
    done = gorewrite("fix", "--help", cwd=tmp_path)
    said = " ".join(done.stdout.split())
    assert "where the code proves no bound" in said and "a bound the code proves wins over it, up to" in said, said
