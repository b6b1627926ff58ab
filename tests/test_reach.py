"""The reach census (benchmarks/reach.py) read back from a saved census: its counts, its decline
reasons counted once whatever names they hold, and its loud exit on tests that fix broke; and
go test's lines read on a tiny local module. No network and no gorewrite run: fast, so the
script cannot rot silently."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

from conftest import ROOT, write_tree

spec = importlib.util.spec_from_file_location("reach", ROOT / "benchmarks" / "reach.py")
reach = sys.modules["reach"] = importlib.util.module_from_spec(spec)
spec.loader.exec_module(reach)

SAVED = ROOT / "tests" / "data" / "reach-census.json"


def census() -> dict:
    return json.loads(SAVED.read_text())


def test_each_rule_counts_verified_apart_from_speculative_and_every_other_status():
    rules = reach.rule_table(census())
    assert {rule: dict(row["counts"]) for rule, row in rules.items()} == {
        "closure": {"verified": 1, "rejected": 1},
        "iface-direct": {"declined": 1},
        "make-const": {"verified": 2, "speculative": 1, "declined": 2},
        "sync-pool": {"held": 1, "declined": 2},
    }
    assert rules["make-const"]["candidates"] == 5


def test_declines_that_differ_by_names_and_numbers_count_as_one_reason():
    rules = reach.rule_table(census())
    assert rules["sync-pool"]["reasons"] == {"X is stored in the field X: it outlives the call": 2}
    assert rules["make-const"]["reasons"] == {"the slice escapes whatever its size: goN reports `…`": 2}
    assert list(rules["iface-direct"]["reasons"]) == [
        "the value is stored in N places a type assertion may read (lines N, N, N)"
    ]


def test_words_of_gorewrite_s_own_reasons_stay_and_names_from_the_code_go():
    assert reach.normalise("trace is variadic", "func literal escapes to heap") == "X is variadic"
    assert reach.normalise("New is exported: callers in other packages would break", "") == (
        "X is exported: callers in other packages would break"
    )
    assert reach.normalise("the address of r is taken", "moved to heap: r") == "the address of X is taken"
    escapes = "make([]int, 0, size) escapes to heap"  # a variable named like a word of the reason
    assert reach.normalise(f"the slice escapes whatever its size: go1.27.3 reports `{escapes}`", escapes) == (
        "the slice escapes whatever its size: goN reports `…`"
    )
    assert reach.normalise("the function carries //go:nosplit: its stack frame is constrained", "") == (
        "the function carries //go:X: its stack frame is constrained"
    )
    assert (
        reach.normalise("is passed to fmt.Sprintf, whose parameter a go1.24.11 reports as `leaking param: a`", "")
        == "is passed to X, whose parameter a goN reports as `…`"
    )


def test_the_rate_counts_only_non_speculative_rewrites_over_the_lines_of_targets_with_a_report():
    table = reach.render(census())
    lines = 1311 + 11285 + 2000  # the module that could not be fetched has none
    assert f"{lines:,} non-test lines" in table
    assert "| **all** | 11 | 3 | 1 | 1 | 5 | 1 | **0.206** |" in table  # 1000 * 3 / 14596
    assert "| gopkg.in/yaml.v3 v3.0.1 | 1 | 11,285 | 0 | 3 | 2 | 0 | 0 | 1 | 0 | 0.177 | 3.5 |" in table


def test_a_package_that_passed_before_fix_and_fails_after_is_loud_and_fails_the_run():
    saved = census()
    assert reach.newly_failing(saved) == ["example.com/census: example.com/census"]
    problems = reach.failures(saved)
    assert any("example.com/gone" in p for p in problems) and "tests broken by fix" in problems[-1]
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "reach.py"), "--load", str(SAVED)], capture_output=True, text=True
    )
    assert done.returncode == 1
    assert "**TESTS BROKEN BY FIX: 1 package(s) passed before fix and fail after:**" in done.stdout
    assert (
        "| example.com/census | 2 | example.com/census/old | example.com/census, example.com/census/old |"
        in done.stdout
    )


def test_a_failure_after_a_fix_that_changed_no_file_is_a_flaky_test_not_a_broken_rewrite():
    saved = census()
    census_target = next(t for t in saved["targets"] if t["name"] == "example.com/census")
    census_target["report"]["diff"] = ""
    assert reach.newly_failing(saved) == []
    assert reach.newly_failing(saved, rewritten=False) == ["example.com/census: example.com/census"]
    assert not any("tests broken by fix" in p for p in reach.failures(saved))
    assert "a flaky test, not a rewrite): example.com/census: example.com/census" in reach.render(saved)


def test_a_census_without_failures_exits_0():
    saved = census()
    saved["targets"] = saved["targets"][:2]
    assert reach.failures(saved) == []


def test_a_census_in_parts_takes_each_target_from_the_last_part_that_has_it():
    first, again = census(), census()
    again["targets"] = [{**again["targets"][0], "lines": 1}]
    again["date"], again["toolchains"] = "2026-12-03 10:00 UTC", ["go1.24.11", "go1.27.3"]
    merged = reach.merge([first, again])
    assert [t["name"] for t in merged["targets"]] == [t["name"] for t in first["targets"]]
    assert merged["targets"][0]["lines"] == 1 and merged["targets"][1] == first["targets"][1]
    assert merged["date"] == f"{first['date']} + 2026-12-03 10:00 UTC"
    assert merged["toolchains"] == ["go1.27.3", "go1.24.11"]


def test_go_test_results_are_read_per_package(tmp_path, toolchain):
    """run_tests reads the go command's own lines: a passing, a failing and an untested package."""
    test = (
        'package {0}\n\nimport "testing"\n\nfunc TestIt(t *testing.T) {{\n\tif It() != 1 {{\n\t\tt.Fatal()\n\t}}\n}}\n'
    )
    write_tree(
        tmp_path,
        {
            "go.mod": "module example.com/r\n\ngo 1.22\n",
            "ok/a.go": "package ok\n\nfunc It() int { return 1 }\n",
            "ok/a_test.go": test.format("ok"),
            "bad/b.go": "package bad\n\nfunc It() int { return 2 }\n",
            "bad/b_test.go": test.format("bad"),
            "none/c.go": "package none\n",
        },
    )
    results, output = reach.run_tests(toolchain.go, tmp_path)
    assert results == {
        "example.com/r/ok": "ok",
        "example.com/r/bad": "FAIL",
        "example.com/r/none": "no test files",
    }
    assert "--- FAIL: TestIt" in output  # kept for the census, to tell a broken rewrite from a flaky test
