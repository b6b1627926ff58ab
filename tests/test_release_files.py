"""Sites in a file only some of the --toolchain releases compile (`//go:build go1.25`): reported, declined
with the file, the releases that compile it and what to do, never dropped (real go, both releases)."""

import json

from conftest import GOROUTINE, OLDER, gorewrite, module, snapshot

from gorewrite.escapes import Escape
from gorewrite.packages import Package
from gorewrite.unlisted import outside

# wg.Go arrived in go1.25: only go1.25+ compiles this file. `k` is written after the Wait: captured by reference.
GROUP = """//go:build go1.25

package work

import "sync"

// Sum adds k to each x in its own goroutine and sums after Wait.
func Sum(xs []int, k int) int {
	var wg sync.WaitGroup
	out := make([]int, len(xs))
	for i, x := range xs {
		wg.Go(func() { out[i] = x + k })
	}
	wg.Wait()
	k = 0
	t := k
	for _, v := range out {
		t += v
	}
	return t
}
"""

SCALE = "package work\n\n// Scale is built by every release.\nfunc Scale(xs []int, k int) int { return len(xs) * k }\n"


def _tag(tmp_path):
    return module(tmp_path, {"work/run.go": SCALE, "work/group.go": GROUP})


def test_a_site_only_a_later_release_compiles_is_declined_with_the_releases_and_what_to_do(tmp_path, toolchain):
    root = _tag(tmp_path)
    before = snapshot(root)
    both = ["--toolchain", OLDER, "--toolchain", toolchain.version]
    done = gorewrite("fix", "-v", "--rule", "closure", *both, cwd=root)
    assert done.returncode == 0, done.stderr
    assert snapshot(root) == before
    assert "closure: 0 applied, 1 declined, 0 rejected" in done.stderr
    said = next(line for line in done.stderr.splitlines() if "declined  work/group.go:8: moved to heap: k" in line)
    assert f"group.go is compiled by {toolchain.version}, not by {OLDER}" in said
    assert f"--toolchain {toolchain.version}) to rewrite it" in said

    data = json.loads(gorewrite("fix", "--dry-run", "--format", "json", "--rule", "closure", *both, cwd=root).stdout)
    (outcome,) = data["outcomes"]
    assert (outcome["status"], outcome["file"], outcome["line"]) == ("declined", "work/group.go", 8)
    assert f"compiled by {toolchain.version}, not by {OLDER}" in outcome["reason"]

    checked = gorewrite("check", "-v", *both, cwd=root)
    assert checked.returncode == 0, checked.stderr
    assert f"work/group.go:8:20: moved to heap: k  [closure declines: group.go is compiled by {toolchain.version}" in (
        checked.stdout
    )
    assert f"(its build constraints): the run analyses the package as {OLDER}" in checked.stdout
    assert f"({toolchain.version} only)" in checked.stdout
    listed = json.loads(gorewrite("check", "--format", "json", *both, cwd=root).stdout)
    site = next(e for e in listed["escapes"] if e["message"] == "moved to heap: k")
    assert (site["package"], site["toolchains"], site["declined"]["rule"]) == (
        "example.com/m/work",
        [toolchain.version],
        "closure",
    )
    sarif = json.loads(gorewrite("check", "--format", "sarif", *both, cwd=root).stdout)
    texts = [r["message"]["text"] for r in sarif["runs"][0]["results"]]
    assert f"moved to heap: k  ({toolchain.version} only)" in texts


def test_run_with_the_releases_that_compile_the_file_as_the_decline_says_verifies_it(tmp_path, toolchain):
    root = _tag(tmp_path)
    done = gorewrite("fix", "--dry-run", "-v", "--rule", "closure", "--toolchain", toolchain.version, cwd=root)
    assert done.returncode == 1, done.stderr
    assert "verified  work/group.go:8: copy k before the func literal captures it" in done.stderr
    assert "k := k" in done.stdout


def test_a_site_only_an_older_release_compiles_is_declined_when_a_newer_one_lists_first(tmp_path, toolchain):
    root = module(tmp_path, {"work/run.go": SCALE, "work/old.go": "//go:build !go1.25\n\n" + GOROUTINE})
    done = gorewrite(
        "fix", "--dry-run", "-v", "--rule", "closure", "--toolchain", toolchain.version, "--toolchain", OLDER, cwd=root
    )
    assert done.returncode == 0, done.stderr
    said = next(line for line in done.stderr.splitlines() if "declined  work/old.go:" in line)
    assert f"old.go is compiled by {OLDER}, not by {toolchain.version}" in said
    assert f"(--toolchain {OLDER}) to rewrite it" in said


def test_one_release_or_a_test_file_never_counts_as_a_file_the_first_release_leaves_out():
    """A test file's escapes (a generic the tests instantiate) are not the package's build: no listing is asked."""
    pkg = Package("m/p", "p", "/m/p", "/m", "1.22", ("/m/p/a.go",), frozenset(), {}, (), False, None)
    escapes = (Escape("/m/p/a_test.go", 3, 2, "moved to heap: x"), Escape("/m/p/b.go", 3, 2, "moved to heap: y"))
    assert outside(["only"], pkg, escapes) == set()
    assert outside(["first", "second"], pkg, escapes) == {"/m/p/b.go"}
