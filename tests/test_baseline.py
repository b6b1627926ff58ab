"""check --baseline: record once, then fail only on escapes that are new, whatever moved."""

from __future__ import annotations

import json

from conftest import GOROUTINE, module
from conftest import in_process as gorewrite  # main(argv): test_cli runs python -m gorewrite

EXTRA = """
// Later reports a job from a goroutine of its own.
func Later(j int) {
	tag := "later"
	if j > 3 {
		tag = "much later"
	}
	for i := 0; i < j; i++ {
		go func() { fmt.Println(tag, i) }()
	}
}
"""


def test_baseline_records_then_reports_only_new_escapes(tmp_path):
    root = module(tmp_path, {"work/work.go": GOROUTINE})
    base = tmp_path / "escapes.json"
    first = gorewrite("check", "--baseline", str(base), cwd=root)
    assert first.returncode == 0 and "recorded" in first.stderr, first.stderr
    data = json.loads(base.read_text())
    assert data["schema"] == "gorewrite.baseline/v1"
    assert {
        "package": "example.com/m/work",
        "function": "Start",
        "message": "moved to heap: label",
        "count": 1,
    } in data["escapes"]
    # Lines move (a comment above everything): still no new escape.
    (root / "work/work.go").write_text(
        GOROUTINE.replace("package work", "package work\n\n// Package work starts jobs.")
    )
    moved = gorewrite("check", "--baseline", str(base), cwd=root)
    assert (moved.returncode, moved.stdout) == (0, ""), moved.stderr
    # A new function with its own escapes: only those are listed, exit 1.
    (root / "work/work.go").write_text(GOROUTINE + EXTRA)
    grown = gorewrite("check", "--baseline", str(base), cwd=root)
    assert grown.returncode == 1, grown.stderr
    assert "moved to heap: tag" in grown.stdout and "moved to heap: label" not in grown.stdout
    updated = gorewrite("check", "--baseline", str(base), "--update-baseline", cwd=root)
    assert updated.returncode == 0
    assert gorewrite("check", "--baseline", str(base), cwd=root).returncode == 0


def test_a_file_that_is_not_a_baseline_is_exit_2(tmp_path):
    root = module(tmp_path, {"work/work.go": GOROUTINE})
    (tmp_path / "b.json").write_text("{}")
    done = gorewrite("check", "--baseline", str(tmp_path / "b.json"), cwd=root)
    assert done.returncode == 2 and "not a readable gorewrite baseline" in done.stderr
