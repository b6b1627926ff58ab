"""Sites in a file only some of the --toolchain releases compile (`//go:build go1.25`): found, proposed for and
verified by the releases that compile it, never dropped; the others build the original (real go, both releases)."""

import json
from dataclasses import replace

from conftest import GOROUTINE, OLDER, gorewrite, module, releases, snapshot

from gorewrite import unlisted
from gorewrite.edits import Edit
from gorewrite.escapes import Escape
from gorewrite.options import OUTSIDE, Options
from gorewrite.packages import Package
from gorewrite.pipeline import Run
from gorewrite.proposals import Declined, Fix, PackageView
from gorewrite.toolchain import Toolchain
from gorewrite.unlisted import Listings, examined, outside
from gorewrite.verify import Rejected, Verification, Verified
from gorewrite.write import absent

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


def test_a_site_only_a_later_release_compiles_is_verified_by_it_while_the_first_builds_the_original(
    tmp_path, toolchain
):
    root = _tag(tmp_path)
    before = snapshot(root)
    both = ["--toolchain", OLDER, "--toolchain", toolchain.version]
    done = gorewrite("fix", "--dry-run", "-v", "--rule", "closure", *both, cwd=root)
    assert done.returncode == 1, done.stderr
    assert snapshot(root) == before
    assert "closure: 1 verified, 0 declined, 0 rejected" in done.stderr
    assert (
        "verified  work/group.go:8: copy k before the func literal captures it "
        f"[{toolchain.version}: -1 heap escape, {OLDER}: builds the original, unchanged]"
    ) in done.stderr
    assert "+\t\t\tk := k // captured by value" in done.stdout and "run.go" not in done.stdout

    data = json.loads(gorewrite("fix", "--dry-run", "--format", "json", "--rule", "closure", *both, cwd=root).stdout)
    (outcome,) = data["outcomes"]
    assert (outcome["status"], outcome["file"], outcome["line"]) == ("verified", "work/group.go", 8)
    assert (outcome["removed"], outcome["builds_original"]) == ({toolchain.version: 1}, [OLDER])

    checked = gorewrite("check", "-v", *both, cwd=root)
    assert checked.returncode == 0, checked.stderr
    assert f"work/group.go:8:20: moved to heap: k  [closure]  ({toolchain.version} only)" in checked.stdout
    listed = json.loads(gorewrite("check", "--format", "json", *both, cwd=root).stdout)
    site = next(e for e in listed["escapes"] if e["message"] == "moved to heap: k")
    assert (site["package"], site["toolchains"], site["rule"]) == ("example.com/m/work", [toolchain.version], "closure")
    sarif = json.loads(gorewrite("check", "--format", "sarif", *both, cwd=root).stdout)
    said = {(r["ruleId"], r["message"]["text"]) for r in sarif["runs"][0]["results"]}
    assert ("closure", f"moved to heap: k  ({toolchain.version} only)") in said


def test_a_site_only_an_older_release_compiles_is_verified_by_it_when_a_newer_one_lists_first(tmp_path, toolchain):
    root = module(tmp_path, {"work/run.go": SCALE, "work/old.go": "//go:build !go1.25\n\n" + GOROUTINE})
    newer_first = ["--toolchain", toolchain.version, "--toolchain", OLDER]
    done = gorewrite("fix", "--dry-run", "-v", "--rule", "closure", *newer_first, cwd=root)
    assert done.returncode == 1, done.stderr
    assert f"[{OLDER}: -1 heap escape, {toolchain.version}: builds the original, unchanged]" in done.stderr
    assert "+++ b/work/old.go" in done.stdout


def test_a_package_only_a_later_release_builds_is_verified_by_it_whichever_release_lists_first(tmp_path, toolchain):
    """The older release leaves out the package altogether: listed first it never saw it (the package was
    dropped), listed second it was asked to compile it and every other package was skipped (exit 2)."""
    root = module(tmp_path, {"work/run.go": SCALE, "group/group.go": GROUP.replace("package work", "package group")})
    for order in ([OLDER, toolchain.version], [toolchain.version, OLDER]):
        releases = [arg for version in order for arg in ("--toolchain", version)]
        done = gorewrite("fix", "--dry-run", "-v", "--rule", "closure", *releases, cwd=root)
        assert done.returncode == 1, done.stderr
        assert "skipped" not in done.stderr and "2 packages, 1 file to change" in done.stderr
        assert (
            "verified  group/group.go:8: copy k before the func literal captures it "
            f"[{toolchain.version}: -1 heap escape, {OLDER}: builds the original, unchanged]"
        ) in done.stderr
        listed = json.loads(gorewrite("check", "--format", "json", *releases, cwd=root).stdout)
        site = next(e for e in listed["escapes"] if e["message"] == "moved to heap: k")
        assert (site["package"], site["toolchains"], site["rule"]) == (
            "example.com/m/group",
            [toolchain.version],
            "closure",
        )


# Only go1.24 compiles old.go: go1.25+'s 32-byte buffer gives its make nothing, and build-variant leaves a file
# that is a release variant already.
OLD_ONLY = """//go:build !go1.25

package work

var Sink int

// Ruler is n dashes, n being 8.
func Ruler(n int) int {
	if n != 8 {
		return 0
	}
	b := make([]byte, n)
	for i := range b {
		b[i] = '-'
	}
	Sink += len(b)
	return len(b)
}
"""


def test_a_make_only_an_older_release_compiles_is_not_left_to_a_newer_ones_buffer(tmp_path, toolchain):
    """With go1.24.11 first, the decline said go1.25+'s buffer already keeps it (no go1.25+ release compiles it)."""
    root = module(tmp_path, {"work/run.go": SCALE, "work/old.go": OLD_ONLY})
    both = ["--toolchain", OLDER, "--toolchain", toolchain.version]
    done = gorewrite("fix", "--dry-run", "-v", "--rule", "make-const", *both, cwd=root)
    assert done.returncode == 1, done.stderr
    said = "verified  work/old.go:12: give make([]byte, n) a 8-element stack array (8 bytes): the code bounds it"
    assert f"{said} [{OLDER}: -1 heap escape" in done.stderr, done.stderr


def test_a_package_another_release_cannot_load_stops_no_other_package(tmp_path, toolchain):
    """uses imports a package only go1.25+ builds: compiled with the rest, go1.24.11's error skipped the group
    package too ("go stopped at errors"), with the newer release first only."""
    files = {
        "group/group.go": GROUP.replace("package work", "package group"),
        "uses/uses.go": 'package uses\n\nimport "example.com/m/group"\n\nvar Sum = group.Sum\n',
        "work/old.go": OLD_ONLY,
        "work/run.go": SCALE,
    }
    root = module(tmp_path, files)
    for order in ([OLDER, toolchain.version], [toolchain.version, OLDER]):
        releases = [arg for version in order for arg in ("--toolchain", version)]
        done = gorewrite("fix", "--dry-run", "-v", "--rule", "make-const", *releases, cwd=root)
        assert done.returncode == 2, done.stderr
        assert "skipped example.com/m/uses:" in done.stderr and "skipped example.com/m/work" not in done.stderr
        assert "verified  work/old.go:12:" in done.stderr, done.stderr


def test_why_says_which_release_does_not_compile_the_file_or_its_package(tmp_path, toolchain):
    """It said "no heap allocation" for a file the release leaves out, and stopped at a package it leaves out."""
    files = {
        "work/run.go": SCALE,
        "work/group.go": GROUP,
        "group/group.go": GROUP.replace("package work", "package group"),
    }
    root = module(tmp_path, files)
    for path in ("work/group.go", "group/group.go"):
        for order in ([OLDER, toolchain.version], [toolchain.version, OLDER]):
            releases = [arg for version in order for arg in ("--toolchain", version)]
            done = gorewrite("why", *releases, f"{path}:8", cwd=root)
            assert done.returncode == 0, done.stderr
            assert f"{OLDER}:\n  {OLDER} does not compile group.go (its build constraints)" in done.stdout
            assert f"{path}:8:20: moved to heap: k" in done.stdout
            assert "closure: would be verified: copy k before the func literal captures it" in done.stdout


def test_a_rewrite_outside_the_first_build_and_one_inside_it_are_verified_together_in_one_run(tmp_path, toolchain):
    """Each run verified its rewrite in a build without the other's: both hold once compiled together by the
    releases that compile group.go, so one run applies both (a pre-commit hook runs once) and the next has
    nothing left to do."""
    root = module(tmp_path, {"work/run.go": GOROUTINE, "work/group.go": GROUP})
    both = ["--toolchain", OLDER, "--toolchain", toolchain.version]
    first = gorewrite("fix", "-v", "--rule", "closure", *both, cwd=root)
    assert first.returncode == 0, first.stderr
    assert "closure: 2 applied, 0 declined" in first.stderr, first.stderr
    assert f"{toolchain.version}: -1 heap escape, {OLDER}: builds the original, unchanged]" in first.stderr
    assert "captured by value" in (root / "work/run.go").read_text()
    assert "captured by value" in (root / "work/group.go").read_text()
    after = snapshot(root)
    second = gorewrite("fix", "--dry-run", "-v", "--rule", "closure", *both, cwd=root)
    assert second.returncode == 0, second.stderr
    assert snapshot(root) == after and second.stdout == ""
    for release in releases():
        built = release.run(["vet", "./..."], str(root))
        assert built.returncode == 0, built.stderr


# `work` (group.go only go1.25+ compiles) imports `lib`, whose Start the run rewrites too.
USES_LIB = GROUP.replace('import "sync"', 'import (\n\t"sync"\n\n\t"example.com/m/lib"\n)').replace(
    "\twg.Wait()\n", "\twg.Wait()\n\tlib.Start(xs)\n"
)


def test_a_change_in_a_package_that_shares_no_build_with_the_file_does_not_hold_it_back(tmp_path, toolchain):
    """`other` neither imports `work` nor is imported by it: no build compiles the two rewrites together, so
    both are verified in one run; `lib`, which `work` imports (its code may be inlined there), still waits."""
    both = ["--toolchain", OLDER, "--toolchain", toolchain.version]
    root = module(tmp_path / "apart", {"work/group.go": GROUP, "work/run.go": SCALE, "other/run.go": GOROUTINE})
    done = gorewrite("fix", "--dry-run", "-v", "--rule", "closure", *both, cwd=root)
    assert "closure: 2 verified, 0 declined" in done.stderr, done.stderr
    assert "+++ b/work/group.go" in done.stdout and "+++ b/other/run.go" in done.stdout
    lib = GOROUTINE.replace("package work", "package lib")
    root = module(tmp_path / "near", {"work/group.go": USES_LIB, "work/run.go": SCALE, "lib/run.go": lib})
    done = gorewrite("fix", "--dry-run", "-v", "--rule", "closure", *both, cwd=root)
    assert "closure: 1 verified, 1 declined" in done.stderr, done.stderr
    assert "this run rewrites run.go too, never compiled with it" in done.stderr


def test_one_release_or_a_test_file_never_counts_as_a_file_the_first_release_leaves_out():
    """A test file's escapes (a generic the tests instantiate) are not the package's build: no listing is asked."""
    pkg = Package("m/p", "p", "/m/p", "/m", "1.22", ("/m/p/a.go",), frozenset(), {}, (), False, None)
    escapes = (Escape("/m/p/a_test.go", 3, 2, "moved to heap: x"), Escape("/m/p/b.go", 3, 2, "moved to heap: y"))
    assert outside(["only"], pkg, escapes) == set()
    assert outside(["first", "second"], pkg, escapes) == {"/m/p/b.go"}


def test_the_second_runs_verdicts_merge_as_the_releases_compile_the_file():
    """The merge alone, with a stand-in second run (the real ones above): a rewrite reaching past the file is
    declined for that, a rejection names its release, a verified one lists the others as building the original."""
    older, newer = Toolchain("go", OLDER, {}), Toolchain("go", "go1.27.3", {})
    group, other = "/m/work/group.go", "/m/work/run.go"
    site = Escape(group, 8, 20, "moved to heap: k")
    kept = Fix("closure", (Edit(group, 1, 2, b"x"),), (site,), "copy k")
    broken = Fix("closure", (Edit(group, 5, 6, b"y"),), (Escape(group, 9, 2, "moved to heap: j"),), "copy j")
    listings = Listings([older, newer], ["./..."], "/m", lambda path: False)
    listings.compiling = {group: ("go1.27.3",)}
    asked = []

    def second(toolchains, patterns, cwd, rules, options):
        asked.append(([tc.version for tc in toolchains], options.excluded(other), options.excluded(group)))
        sub = Run(toolchains[0], [], toolchains=toolchains)
        sub.declined = [Declined("closure", Escape(group, 11, 2, "moved to heap: n"), OUTSIDE)]
        sub.verdicts = [Verified(kept, (("go1.27.3", 1),)), Rejected(broken, "the package no longer compiles")]
        sub.changes, sub.snapshots[group], sub.roots[group] = {group: b"new"}, absent(group), "/m"
        return sub

    run = Run(older, [], toolchains=[older, newer], elsewhere=listings)
    examined(run, [], Options(), second)
    assert asked == [(["go1.27.3"], True, False)]
    assert run.declined[0].reason == "the rewrite reaches past group.go, the files only go1.27.3 compile"
    verified, rejected = run.verdicts
    assert (verified.original_on, verified.removed, run.changes) == ((OLDER,), (("go1.27.3", 1),), {group: b"new"})
    assert rejected.reason == "go1.27.3: the package no longer compiles"

    busy = Run(older, [], toolchains=[older, newer], elsewhere=listings, changes={other: b"changed"})
    examined(busy, [], Options(), second)
    assert [v.fix for v in busy.verdicts] == [broken] and busy.changes == {other: b"changed"}
    assert busy.declined[1].reason.startswith("this run rewrites run.go too, never compiled with it")


def test_the_two_runs_rewrites_hold_together_only_when_one_build_of_both_verifies_them_all(monkeypatch):
    """The merge with a stand-in second run and a stand-in verification of both together: the second run's fix
    is applied only when that verification verifies every fix (this run's too) and compiled the very files the
    two runs write; a rejection, or a file formatted otherwise than written, keeps it waiting for the next run, and
    says so (compiled together: not "never compiled with it", which the decline said when two pools took one name).
    Each fix is judged as it was verified, without its alternatives: one compiled in its place would only write
    other bytes than the run's (a wait either way), after builds that cost the run time."""
    older, newer = Toolchain("go", OLDER, {}), Toolchain("go", "go1.27.3", {})
    group, other = "/m/work/group.go", "/m/work/run.go"
    theirs = Fix("closure", (Edit(group, 1, 2, b"x"),), (Escape(group, 8, 20, "moved to heap: k"),), "copy k")
    alone = Fix("closure", (Edit(other, 1, 2, b"z"),), (Escape(other, 8, 20, "moved to heap: label"),), "alt")
    mine = Fix("closure", (Edit(other, 1, 2, b"y"),), (Escape(other, 8, 20, "moved to heap: label"),), "copy")
    mine = replace(mine, instead=(alone,))  # verified in its own place: its alternative is never compiled again
    far = Fix(
        "closure", (Edit("/m/far/far.go", 1, 2, b"f"),), (Escape("/m/far/far.go", 3, 9, "moved to heap: f"),), "f"
    )
    pkg = Package("m/work", "work", "/m/work", "/m", "1.22", (group, other), frozenset(), {}, (), False, None)
    listings = Listings([older, newer], ["./..."], "/m", lambda path: False)
    listings.compiling = {group: ("go1.27.3",)}

    def second(toolchains, patterns, cwd, rules, options):
        sub = Run(toolchains[0], [pkg], toolchains=toolchains, views={"m/work": PackageView(pkg, {}, ())})
        sub.verdicts = [Verified(theirs, (("go1.27.3", 1),))]
        sub.changes, sub.snapshots[group], sub.roots[group] = {group: b"new"}, absent(group), "/m"
        return sub

    judged = []
    for verdict, compiled, why in (
        (Verified, {group: b"new", other: b"changed"}, ""),
        (lambda f: Rejected(f, "the package no longer compiles"), {}, "and the two fail together (run.go: the pa"),
        (Verified, {group: b"new", other: b"formatted otherwise"}, "and the two built together are not the files"),
    ):

        def together(toolchains, cwd, views, fixes, *rest, verdict=verdict, compiled=compiled):
            summaries = {p: [f.summary for f in fs] for p, fs in fixes.items()}
            judged.append(([tc.version for tc in toolchains], summaries, rest[0]))
            assert not any(f.instead for fs in fixes.values() for f in fs), fixes  # a rejection waits, never retried
            return Verification([verdict(f) for fs in fixes.values() for f in fs], [], compiled)

        monkeypatch.setattr(unlisted, "verify", together)
        run = Run(older, [], toolchains=[older, newer], elsewhere=listings, changes={other: b"changed"})
        run.verdicts = [Verified(mine), Verified(far)]  # far's package shares no build with group.go: not judged
        examined(run, [], Options(checks=frozenset({"tests"})), second)  # --verify tests: run on both together
        if compiled == {group: b"new", other: b"changed"}:
            assert [v.fix for v in run.verdicts] == [mine, far, theirs] and run.changes[group] == b"new"
        else:
            assert [v.fix for v in run.verdicts] == [mine, far] and group not in run.changes
            assert run.declined[0].reason.startswith(f"this run rewrites run.go too, {why}"), run.declined[0]
    assert judged == [(["go1.27.3"], {"m/work": ["copy", "copy k"]}, {"tests"})] * 3


# A //line directive names a file no release compiles (a template an ignored file holds, or none at all): its
# sites are the first release's own, not a file only another release compiles (adv39e).
LINED = """package work

// Fill is generated from tmpl.go.
//
//line tmpl.go:3:1
func Fill(n int) func() int {
	k := n
	return func() int { k++; return k }
}
"""
TEMPLATE = "//go:build ignore\n\npackage work\n\n// the template Fill is generated from\n"


def test_a_line_directive_names_no_file_of_another_release(tmp_path, toolchain):
    root = module(tmp_path, {"work/run.go": SCALE, "work/gen.go": LINED, "work/tmpl.go": TEMPLATE})
    one = gorewrite("check", "--format", "json", "--toolchain", toolchain.version, cwd=root)
    both = gorewrite("check", "--format", "json", "--toolchain", OLDER, "--toolchain", toolchain.version, cwd=root)
    assert one.returncode == both.returncode == 0, (one.stderr, both.stderr)
    sites = [
        sorted((e["file"], e["line"], e["message"]) for e in json.loads(done.stdout)["escapes"]) for done in (one, both)
    ]
    assert sites[0] == sites[1], sites


def test_fix_counts_the_ignore_directives_of_a_file_only_a_later_release_compiles(tmp_path, toolchain):
    """examined takes the second run's ignored sites and directive problems for its files, as tagged does."""
    ignored = GROUP.replace("// Sum adds", "//gorewrite:ignore closure\n// Sum adds")
    root = module(tmp_path, {"work/run.go": SCALE, "work/group.go": ignored})
    both = ["--toolchain", OLDER, "--toolchain", toolchain.version]
    done = gorewrite("fix", "--dry-run", "--rule", "closure", *both, cwd=root)
    assert "1 site ignored" in done.stderr and "has no reason" in done.stderr, done.stderr


def test_github_and_sarif_name_only_the_releases_that_verified_the_rewrite(tmp_path, toolchain):
    """go1.24.11 does not compile group.go, so it never compiled the rewrite: the annotation names the release
    that verified it and says the other builds the original (adv39e: "verified with go1.24.11 and go1.27.3")."""
    root = _tag(tmp_path)
    both = ["--toolchain", OLDER, "--toolchain", toolchain.version]
    github = gorewrite("fix", "--dry-run", "--format", "github", "--rule", "closure", *both, cwd=root).stdout
    assert f"(verified with {toolchain.version}; {OLDER} builds the original)" in github, github
    sarif = json.loads(gorewrite("fix", "--dry-run", "--format", "sarif", "--rule", "closure", *both, cwd=root).stdout)
    (text,) = [r["message"]["text"] for r in sarif["runs"][0]["results"]]
    assert f"(verified with {toolchain.version}: " in text and f"{OLDER}: builds the original, unchanged" in text, text


# Each file's scratch is pooled alone as `bufPool`: the two runs' pools share a name only the build of both sees.
POOLED = """package scratch

// Sum joins the parts into a 1 MiB scratch buffer and sums it.
func Sum(parts []string) int {
	buf := make([]byte, 0, 1<<20)
	for _, p := range parts {
		buf = append(buf, p...)
	}
	n := 0
	for _, b := range buf {
		n += int(b)
	}
	return n
}
"""


def test_two_runs_pools_of_one_name_wait_saying_they_fail_together(tmp_path, toolchain):
    """Compiled together the second run's pool is redeclared: it waits, and the decline says the two failed
    together (it said "never compiled with it" though they just were)."""
    later = "//go:build go1.25\n\n" + POOLED.replace("Sum(", "Sum125(")
    root = module(tmp_path, {"scratch/a.go": POOLED, "scratch/b125.go": later})
    both = ["--toolchain", OLDER, "--toolchain", toolchain.version]
    done = gorewrite("fix", "--dry-run", "-v", "--rule", "sync-pool", *both, cwd=root)
    assert done.returncode == 1, done.stderr
    assert "verified  scratch/a.go:5:" in done.stderr
    said = "declined  scratch/b125.go:7: make([]byte, 0, 1048576) escapes to heap: this run rewrites a.go too, "
    assert said + "and the two fail together (b125.go: verified alone but not together" in done.stderr, done.stderr
    assert "bufPool redeclared" in done.stderr and "never compiled with it" not in done.stderr
