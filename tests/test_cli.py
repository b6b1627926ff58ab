"""The command line against a real go: exit codes 0/1/2, stdout for data only, nothing written on error."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

GOROUTINE = """package work

import "fmt"

// Start prints each job from its own goroutine.
func Start(jobs []int) {
	label := "job"
	if len(jobs) > 10 {
		label = "batch job"
	}
	for _, j := range jobs {
		go func() {
			fmt.Println(label, j)
		}()
	}
}
"""


def gorewrite(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gorewrite", *args], cwd=cwd, capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}, timeout=600,
    )


def module(tmp_path: Path, files: dict[str, str]) -> Path:
    (tmp_path / "go.mod").write_text("module example.com/m\n\ngo 1.22\n")
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    return tmp_path


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_dry_run_prints_a_diff_git_applies_and_writes_nothing(tmp_path):
    root = module(tmp_path, {"work/work.go": GOROUTINE})
    before = snapshot(root)
    done = gorewrite("fix", "--dry-run", cwd=root)
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


def test_check_lists_escapes_with_their_rule(tmp_path):
    root = module(tmp_path, {"work/work.go": GOROUTINE})
    done = gorewrite("check", cwd=root)
    assert done.returncode == 0, done.stderr
    assert "work/work.go:7:2: moved to heap: label  [closure]\n" in done.stdout, done.stdout
    data = json.loads(gorewrite("check", "--format", "json", cwd=root).stdout)
    assert data["schema"] == "gorewrite.check/v1" and data["toolchain"].startswith("go1.")
    site = next(e for e in data["escapes"] if e["message"] == "moved to heap: label")
    assert site == {"package": "example.com/m/work", "file": "work/work.go", "line": 7, "column": 2,
                    "message": "moved to heap: label", "rule": "closure"}


def test_fix_json_reports_every_outcome(tmp_path):
    root = module(tmp_path, {"work/work.go": GOROUTINE})
    done = gorewrite("fix", "--dry-run", "--format", "json", cwd=root)
    data = json.loads(done.stdout)
    assert data["schema"] == "gorewrite.fix/v1"
    assert [o["status"] for o in data["outcomes"]] == ["verified"]
    assert data["diff"].startswith("--- a/work/work.go")


@pytest.mark.parametrize(
    ("files", "args", "message"),
    [
        pytest.param({"work/work.go": GOROUTINE}, ["fix", "--rule", "nope"], "unknown rule 'nope'", id="unknown rule"),
        pytest.param({"work/work.go": GOROUTINE}, ["fix", "--frobnicate"], "No such option", id="unknown option"),
        pytest.param({"work/work.go": GOROUTINE}, ["fix", "--go", "/nonexistent/go"], "no Go toolchain found", id="no toolchain"),
        pytest.param({"work/work.go": "// Code generated by stringer. DO NOT EDIT.\n\n" + GOROUTINE}, ["fix", "work/work.go"],
                     "is generated", id="generated file"),
        pytest.param({"work/work.go": GOROUTINE}, ["fix", "missing.go"], "missing.go", id="missing file"),
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


def test_outside_a_module_is_a_clear_error(tmp_path):
    done = gorewrite("check", cwd=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "inside a Go module" in done.stderr


def test_rules_and_explain(tmp_path):
    listed = gorewrite("rules", cwd=tmp_path)
    assert listed.returncode == 0 and listed.stdout.startswith("closure ")
    explained = gorewrite("explain", "closure", cwd=tmp_path)
    assert explained.returncode == 0 and "## When it declines" in explained.stdout
    assert gorewrite("explain", "nope", cwd=tmp_path).returncode == 2


def test_std_is_never_written(tmp_path):
    done = gorewrite("fix", "sync", cwd=tmp_path)
    assert done.returncode in (0, 2)
    if done.returncode == 2:
        assert "--dry-run" in done.stderr


def test_verify_tests_rejects_a_rewrite_the_packages_tests_reject(tmp_path):
    where = GOROUTINE + '''
// Where reports the line it is on (a log helper's test pins it).
func Where() int {
	_, _, line, _ := runtime.Caller(0)
	return line
}
'''
    where = where.replace('import "fmt"', 'import (\n\t"fmt"\n\t"runtime"\n)')
    test = 'package work\n\nimport "testing"\n\nfunc TestWhere(t *testing.T) {\n\tif got := Where(); got != 23 {\n\t\tt.Fatalf("line %d", got)\n\t}\n}\n'
    root = module(tmp_path, {"work/work.go": where, "work/work_test.go": test})
    built = gorewrite("fix", "--dry-run", cwd=root)
    assert built.returncode == 1, built.stderr
    tested = gorewrite("fix", "--dry-run", "--verify", "tests", cwd=root)
    assert (tested.returncode, tested.stdout) == (0, ""), tested.stderr
    assert "rejected" in tested.stderr and "go test fails" in tested.stderr and "line 24" in tested.stderr
