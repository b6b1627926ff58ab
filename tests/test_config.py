"""`.gorewrite.toml` and `//gorewrite:ignore` against a real go: settings apply, flags win, mistakes are named."""

from __future__ import annotations

import json

import pytest
from conftest import GOROUTINE, HISTOGRAM, module, snapshot
from conftest import in_process as gorewrite  # main(argv): test_cli runs python -m gorewrite


def test_config_chooses_rules_budget_and_excludes(tmp_path):
    root = module(
        tmp_path,
        {
            "work/work.go": GOROUTINE,
            "stats/stats.go": HISTOGRAM,
            "gen/stats.go": HISTOGRAM.replace("package stats", "package gen"),
        },
    )
    (root / ".gorewrite.toml").write_text(
        'disable = ["closure"]\nstack-budget = 128\nexclude = ["gen/*"]\nspeculative = true\n'
    )
    done = gorewrite("fix", "--dry-run", cwd=root)
    assert done.returncode == 1, done.stderr
    assert "make([]int, 16)" in done.stdout and "label := label" not in done.stdout and "gen/" not in done.stdout
    checked = gorewrite("check", "--format", "json", cwd=root)
    assert not any(e["file"].startswith("gen/") for e in json.loads(checked.stdout)["escapes"])
    flags_win = gorewrite("fix", "--dry-run", "--rule", "closure", "--stack-budget", "64", cwd=root)
    (root / ".gorewrite.toml").write_text('disable = ["closure"]\nexclude = ["gen/*"]\n')
    held = gorewrite("fix", "--dry-run", cwd=root)
    assert held.returncode == 0 and held.stdout == "", "speculative fixes wait for speculative = true or --speculative"
    assert "1 speculative held back (--speculative)" in held.stderr, held.stderr
    assert "label := label" in flags_win.stdout and "make([]int" not in flags_win.stdout


def test_config_in_a_subdirectory_run_is_found_at_the_module_root(tmp_path):
    root = module(tmp_path, {"stats/stats.go": HISTOGRAM})
    (root / ".gorewrite.toml").write_text("stack-budget = 64\nspeculative = true\n")
    done = gorewrite("fix", "--dry-run", ".", cwd=root / "stats")
    assert "make([]int, 8)" in done.stdout, done.stderr


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param("colour = true\n", "unknown key 'colour'", id="unknown key"),
        pytest.param('stack-budget = "big"\n', "stack-budget must be a whole number", id="wrong type"),
        pytest.param('verify = ["fuzz"]\n', "verify takes build, tests and bench", id="bad verify"),
        pytest.param('rules = ["nope"]\n', "unknown rule 'nope'", id="unknown rule"),
        pytest.param("rules = [\n", ".gorewrite.toml", id="not toml"),
        pytest.param('profile = "mem.out"\n', "profile must be a list of pprof files", id="profile not a list"),
        pytest.param('profile = ["gone.out"]\n', "gone.out: cannot read the profile", id="profile missing"),
        pytest.param("hot = 1.5\n", "hot must be a fraction above 0 and at most 1", id="hot above 1"),
        pytest.param("hot = 0\n", "hot must be a fraction above 0 and at most 1", id="hot 0"),
        pytest.param("hot = true\n", "hot must be a fraction above 0 and at most 1", id="hot bool"),
    ],
)
def test_config_mistakes_are_one_line_exit_2(tmp_path, text, message):
    root = module(tmp_path, {"work/work.go": GOROUTINE})
    (root / ".gorewrite.toml").write_text(text)
    before = snapshot(root)
    done = gorewrite("fix", cwd=root)
    assert done.returncode == 2 and message in done.stderr and "Traceback" not in done.stderr, done.stderr
    assert snapshot(root) == before


def test_ignore_on_the_line_or_the_doc_comment_with_a_reason(tmp_path):
    on_line = GOROUTINE.replace('label := "job"', 'label := "job" //gorewrite:ignore closure measured: not hot')
    documented = HISTOGRAM.replace(
        "// Histogram counts", "//gorewrite:ignore make-const buckets is huge here\n// Histogram counts"
    )
    root = module(tmp_path, {"work/work.go": on_line, "stats/stats.go": documented})
    done = gorewrite("fix", "--dry-run", cwd=root)
    assert (done.returncode, done.stdout) == (0, ""), done.stderr
    assert "2 sites ignored by //gorewrite:ignore" in done.stderr and "warning" not in done.stderr
    checked = gorewrite("check", cwd=root)
    assert "moved to heap: label  [closure, ignored: measured: not hot]" in checked.stdout


def test_bad_and_stale_ignores_are_reported(tmp_path):
    no_reason = GOROUTINE.replace('label := "job"', 'label := "job" //gorewrite:ignore closure')
    stale = HISTOGRAM.replace("t := 0", "t := 0").replace(
        "\tcounts := make", "\t_ = 0 //gorewrite:ignore closure nothing to see\n\tcounts := make"
    )
    root = module(
        tmp_path,
        {"work/work.go": no_reason, "stats/stats.go": stale + "\n// x //gorewrite:ignore nope why\nvar X = 1\n"},
    )
    done = gorewrite("check", cwd=root)
    assert done.returncode == 0
    assert "gorewrite: warning: work/work.go:7: //gorewrite:ignore closure has no reason" in done.stderr
    assert "stats/stats.go:5: //gorewrite:ignore closure suppresses nothing" in done.stderr
    assert "names no known rule (nope)" in done.stderr
