"""build-variant end to end, as the issue's canonical demonstration: a go 1.22 module, go1.24.11 and
the pinned go1.27.3, `fix --rule build-variant` writing the variant pair; then each release builds,
vets and tests its own side, and `git apply` takes the dry-run diff with its new files.

The canonical fix runs `python -m gorewrite`; the other runs call main(argv) in this process (conftest.in_process:
the same code from click on, without a subprocess's imports per run)."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import GOLDEN, OLDER, apply_stdin, in_process, module, releases, snapshot, write_tree
from conftest import gorewrite as subprocess_gorewrite

from gorewrite.claims import InVariant, KeepsOnStack
from gorewrite.edits import Edit
from gorewrite.packages import name_constraints
from gorewrite.pipeline import analyse
from gorewrite.proposals import Fix
from gorewrite.rules import RULES
from gorewrite.rules.build_variant import variant_paths
from gorewrite.verify import Rejected, Verified, verify


def _copy(tmp_path: Path) -> Path:
    copy = tmp_path / "m"
    shutil.copytree(GOLDEN / "build-variant", copy, ignore=shutil.ignore_patterns("__snapshots__", "decline_*"))
    return copy


gorewrite = in_process


@pytest.fixture(scope="module")
def golden_copy(tmp_path_factory) -> Path:
    """One copy of the golden module for the dry runs that only read it (go's cache keys hold its path)."""
    return _copy(tmp_path_factory.mktemp("golden"))


def test_fix_writes_the_variant_pair_and_each_release_builds_its_side(tmp_path):
    newest, older = releases()
    module = _copy(tmp_path)
    done = subprocess_gorewrite(
        "fix", "--rule", "build-variant", "--toolchain", OLDER, "--toolchain", newest.version, "./...", cwd=module
    )
    assert done.returncode == 0, done.stderr
    assert f"with {OLDER} and {newest.version}" in done.stderr
    case = module / "guarded_sum"
    assert sorted(p.name for p in case.glob("*.go")) == ["sum.go", "sum_go125.go", "sum_prego125.go", "sum_test.go"]
    assert "func Window" not in (case / "sum.go").read_text()
    assert (case / "sum_prego125.go").read_text().startswith("//go:build !go1.25\n\npackage guarded_sum\n")
    original = (GOLDEN / "build-variant" / "guarded_sum" / "sum.go").read_text()
    moved = original[original.index("// Window") :]
    assert (case / "sum_go125.go").read_text() == f"//go:build go1.25\n\npackage guarded_sum\n\n{moved}"
    assert "var lastBuf [4]int" in (case / "sum_prego125.go").read_text(), "the bound gives an exact array"
    for toolchain, built, stack in [
        (older, "sum_go125.go", None),
        (newest, "sum_go125.go", "make([]int, n) does not escape"),
    ]:
        for args in (["vet", "./..."], ["test", "-count=1", "./..."]):
            result = toolchain.run(args, str(module))
            assert result.returncode == 0, (toolchain.version, args, result.stdout.decode(), result.stderr.decode())
        m = toolchain.run(["build", "-o", os.devnull, "-gcflags=-m", "./guarded_sum"], str(module)).stderr.decode()
        if stack is None:  # the older release builds the array: nothing of Window escapes or is moved
            assert built not in m and "sum_prego125.go:6:6: can inline Window" in m and "heap" not in m, m
        else:
            assert re.search(rf"{built}:\d+:\d+: {re.escape(stack)}", m), (toolchain.version, m)
    again = gorewrite(
        "fix",
        "--dry-run",
        "--rule",
        "build-variant",
        "--toolchain",
        OLDER,
        "--toolchain",
        newest.version,
        "./...",
        cwd=module,
    )
    assert again.returncode == 0 and again.stdout == "", again.stderr


def test_dry_run_diff_creates_the_files_with_git_apply_and_gorewrite_apply(tmp_path):
    newest, _ = releases()
    module = _copy(tmp_path)
    before = snapshot(module)
    done = gorewrite(
        "fix",
        "--dry-run",
        "--rule",
        "build-variant",
        "--toolchain",
        OLDER,
        "--toolchain",
        newest.version,
        "./...",
        cwd=module,
    )
    assert done.returncode == 1, done.stderr
    assert snapshot(module) == before, "--dry-run writes nothing"
    assert "--- /dev/null\n+++ b/guarded_sum/sum_prego125.go\n" in done.stdout
    by_git = tmp_path / "git"
    shutil.copytree(module, by_git)
    subprocess.run(["git", "init", "-q"], cwd=by_git, check=True)
    subprocess.run(["git", "apply", "--check", "-"], cwd=by_git, input=done.stdout, text=True, check=True)
    applied = subprocess.run(["git", "apply", "-"], cwd=by_git, input=done.stdout, text=True)
    assert applied.returncode == 0
    result = apply_stdin(done.stdout, cwd=module)
    assert result.returncode == 0, result.stderr
    ours = {Path(p).relative_to(module): c for p, c in snapshot(module).items()}
    theirs = {Path(p).relative_to(by_git): c for p, c in snapshot(by_git).items() if "/.git/" not in p}
    assert ours == theirs
    twice = apply_stdin(done.stdout, cwd=module)
    assert twice.returncode == 2 and "already applied" in twice.stderr


def test_one_release_alone_has_no_variant_to_make(golden_copy):
    """With go1.24.11 alone nothing tells the releases apart: make-const's job, not a variant's."""
    module = golden_copy
    done = gorewrite("fix", "--dry-run", "--rule", "build-variant", "--toolchain", OLDER, "./...", cwd=module)
    assert done.returncode == 0 and done.stdout == "", done.stderr


def test_one_release_named_with_the_rule_says_what_is_missing(golden_copy):
    module = golden_copy
    done = gorewrite("fix", "--dry-run", "--rule", "build-variant", "--toolchain", OLDER, "./guarded_sum", cwd=module)
    assert done.returncode == 0 and done.stdout == ""
    assert "build-variant compares releases on both sides of go1.25" in done.stderr
    assert "--toolchain go1.24.11 --toolchain go1.27.3" in done.stderr


def test_new_files_end_their_lines_as_the_original_does(tmp_path):
    """A CRLF file's variants are CRLF too: a Windows checkout keeps one convention."""
    newest, _ = releases()
    module = tmp_path / "m"
    (module / "guarded_sum").mkdir(parents=True)
    (module / "go.mod").write_text("module example.com/m\n\ngo 1.22\n")
    source = (GOLDEN / "build-variant" / "guarded_sum" / "sum.go").read_text()
    (module / "guarded_sum" / "sum.go").write_bytes(source.replace("\n", "\r\n").encode())
    done = gorewrite(
        "fix", "--rule", "build-variant", "--toolchain", OLDER, "--toolchain", newest.version, "./...", cwd=module
    )
    assert done.returncode == 0, done.stderr
    for name in ("sum.go", "sum_go125.go", "sum_prego125.go"):
        data = (module / "guarded_sum" / name).read_bytes()
        assert data.count(b"\n") == data.count(b"\r\n") > 0, name


def _variant_fix(module: Path, older_body: str, newer_body: str) -> tuple[list, dict, Fix]:
    """A hand-made build-variant fix of guarded_sum: the verifier must judge it without the rule."""
    newest, older = releases()
    run, views, candidates = analyse([older, newest], ["./guarded_sum"], str(module), [RULES["build-variant"]])
    view = next(iter(views.values()))
    path = str(module / "guarded_sum" / "sum.go")
    source = view.sources[path]
    start = source.index(b"// Window")  # the function and what follows it move
    target = next(c.escape for found in candidates.values() for c in found)
    edits = (
        Edit(path, start, len(source), b""),
        Edit(
            path.replace("sum.go", "sum_prego125.go"),
            0,
            0,
            b"//go:build !go1.25\n\npackage guarded_sum\n\n" + older_body.encode(),
        ),
        Edit(
            path.replace("sum.go", "sum_go125.go"),
            0,
            0,
            b"//go:build go1.25\n\npackage guarded_sum\n\n" + newer_body.encode(),
        ),
    )
    fix = Fix(
        "build-variant", edits, (target,), "by hand", claim=InVariant(edits[1].path, KeepsOnStack(("make([]int, 4)",)))
    )
    return [older, newest], views, fix


KEEPS = """// Window sums the last n samples and remembers a counter.
func Window(samples []int, n int) int {
	if n > 4 {
		return -1
	}
	last := make([]int, n)
	copy(last, samples[len(samples)-n:])
	counter = new(int)
	return len(last)
}

var counter *int
"""


def test_the_verifier_rejects_a_variant_whose_original_side_changed(tmp_path):
    """The go1.25+ side must be the original: here it loses an escape (nothing added, yet changed)."""
    module = tmp_path / "m"
    (module / "guarded_sum").mkdir(parents=True)
    (module / "go.mod").write_text("module example.com/m\n\ngo 1.22\n")
    (module / "guarded_sum" / "sum.go").write_text("package guarded_sum\n\n" + KEEPS)
    rewritten = KEEPS.replace(
        "last := make([]int, n)",
        "var last []int\n\tif n <= 4 {\n\t\tlast = make([]int, 4)[:n:n]\n\t} else {\n\t\tlast = make([]int, n)\n\t}",
    )
    toolchains, views, fix = _variant_fix(module, rewritten, KEEPS)
    (verdict,) = verify(toolchains, str(module), views, {next(iter(views)): [fix]}).verdicts
    assert isinstance(verdict, Verified) and verdict.original_on == (toolchains[1].version,), verdict
    changed = KEEPS.replace("counter = new(int)", "_ = new(int)")
    toolchains, views, fix = _variant_fix(module, rewritten, changed)
    (verdict,) = verify(toolchains, str(module), views, {next(iter(views)): [fix]}).verdicts
    assert isinstance(verdict, Rejected), verdict
    assert verdict.reason == (
        f"{toolchains[1].version}: the build leaves sum_prego125.go out here, "
        "yet the original's escapes changed: `new(int) escapes to heap`"
    )


def test_the_verifier_rejects_a_new_file_no_toolchain_builds(tmp_path):
    """Each side must be built, and vetted, by some requested release (with the test, vet finds Window missing)."""
    module = _copy(tmp_path)
    (module / "guarded_sum" / "sum_test.go").unlink()
    original = (GOLDEN / "build-variant" / "guarded_sum" / "sum.go").read_text()
    moved = original[original.index("// Window") :]
    rewritten = moved.replace(
        "last := make([]int, n)",
        "var last []int\n\tif n <= 4 {\n\t\tlast = make([]int, 4)[:n:n]\n\t} else {\n\t\tlast = make([]int, n)\n\t}",
    )
    toolchains, views, fix = _variant_fix(module, rewritten, moved)
    edits = list(fix.edits)
    edits[2] = Edit(edits[2].path, 0, 0, b"//go:build go1.25 && ignore\n\npackage guarded_sum\n\n" + moved.encode())
    (verdict,) = verify(
        toolchains, str(module), views, {next(iter(views)): [dataclasses.replace(fix, edits=tuple(edits))]}
    ).verdicts
    assert isinstance(verdict, Rejected) and "no requested toolchain compiles sum_go125.go" in verdict.reason, verdict


UNBOUNDED = """package tally

// Tally counts small values through a scratch slice of n counters; nothing bounds n.
func Tally(values []int, n int) int {
	counts := make([]int32, n)
	for _, v := range values {
		if 0 <= v && v < n {
			counts[v]++
		}
	}
	best := int32(0)
	for _, c := range counts {
		best = max(best, c)
	}
	return int(best)
}
"""


def test_a_variant_built_on_a_speculative_rewrite_is_speculative(tmp_path):
    """With a 32-byte budget and no bound, make-const's buffer pays off before go1.25 only, for n <= 8:
    the variant is speculative, held back without --speculative and labelled with it."""
    module = tmp_path / "m"
    module.mkdir()
    (module / "go.mod").write_text("module example.com/tally\n\ngo 1.22\n")
    (module / "tally.go").write_text(UNBOUNDED)
    newest, _ = releases()
    args = ("fix", "--dry-run", "-v", "--rule", "build-variant", "--stack-budget", "32")
    args += ("--toolchain", OLDER, "--toolchain", newest.version)
    held = gorewrite(*args, cwd=module)
    assert held.returncode == 0 and held.stdout == "", held.stderr
    assert "build-variant: 0 verified, 0 declined, 0 rejected by verification, 1 speculative held back" in held.stderr
    done = gorewrite(*args, "--speculative", cwd=module)
    assert done.returncode == 1, done.stderr
    assert "build-variant: 1 verified (1 speculative)" in done.stderr and "tally_prego125.go" in done.stdout


POOLED_BESIDE = """package codec

import (
	"bytes"
	"fmt"
	"io"
)

const maxArgs = 8

// WriteCommand encodes a command as a RESP array.
func WriteCommand(w io.Writer, args ...string) error {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "*%d\\r\\n", len(args))
	for _, a := range args {
		fmt.Fprintf(&buf, "$%d\\r\\n%s\\r\\n", len(a), a)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// Arity reads a command's argument count and fills one byte per argument.
func Arity(msg []byte) int {
	n := int(msg[0])
	if n > maxArgs {
		return -1
	}
	lens := make([]byte, n)
	for i := range lens {
		lens[i] = byte(i)
	}
	return len(lens)
}
"""


def test_a_variant_and_a_pool_added_to_its_file_are_verified_together(tmp_path):
    """The pool another fix declares in the file is that fix's: under go1.25+, where the variant's
    file is left out, the variant's original side must not be charged with the pool's `New`."""
    newest, _ = releases()
    root = module(tmp_path / "m", {"codec/codec.go": POOLED_BESIDE})
    done = gorewrite(
        "fix", "--dry-run", "--format", "json", "--toolchain", OLDER, "--toolchain", newest.version, "./...", cwd=root
    )
    outcomes = {(o["rule"], o["status"]) for o in json.loads(done.stdout)["outcomes"]}
    assert {("build-variant", "verified"), ("sync-pool", "verified")} <= outcomes, done.stdout


def test_vet_failing_without_any_rewrite_is_not_blamed_on_the_variant(tmp_path):
    """A package that gains files is vetted with them; when vet already fails without the rewrite, the
    rewrite cannot be verified, and the reason says so instead of blaming it."""
    module = _copy(tmp_path)
    (module / "guarded_sum" / "log.go").write_text(
        'package guarded_sum\n\nimport "fmt"\n\nfunc logSum(total int) { fmt.Printf("sum %s\\n", total) }\n'
    )
    args = ["fix", "--dry-run", "--rule", "build-variant", "--toolchain", OLDER, "--toolchain", releases()[0].version]
    done = gorewrite(*args, "./guarded_sum", cwd=module)
    assert done.returncode == 0 and done.stdout == "", done.stderr
    assert "cannot verify" in done.stderr and "go vet fails" in done.stderr, done.stderr
    assert "even without any rewrite" in done.stderr and "log.go" in done.stderr, done.stderr


# A go 1.21 module: `//go:build go1.25` makes the newer variant file go1.25 code, whose range variable is one per
# iteration. Pick keeps `&v` of each: before go 1.22 all of them point at the one v, which ends as the last sample.
PICK = """package pick

// Pick sums the last n samples (at most 4) and keeps the address of the loop variable each time.
func Pick(samples []int, n int) (int, []*int) {
	if n > 4 {
		return -1, nil
	}
	last := make([]int, n)
	copy(last, samples[len(samples)-n:])
	total := 0
	var seen []*int
	for _, v := range last {
		total += v
		seen = append(seen, &v)
	}
	return total, seen
}
"""
PICK_TEST = """package pick

import "testing"

func TestPick(t *testing.T) {
	total, seen := Pick([]int{1, 2, 3, 4}, 3)
	if total != 9 || *seen[0] != 4 {
		t.Fatalf("Pick = %d, *seen[0] = %d; want 9, 4 (go 1.21: one v for the whole loop)", total, *seen[0])
	}
}
"""


def test_a_function_declaring_loop_variables_before_go_1_22_gets_no_variant_and_the_naive_pair_changes_them(
    tmp_path,
):
    newest, _ = releases()
    files = {"go.mod": "module example.com/pick\n\ngo 1.21\n", "pick.go": PICK, "pick_test.go": PICK_TEST}
    module = write_tree(tmp_path / "m", files)
    done = gorewrite(
        "fix",
        "--dry-run",
        "-v",
        "--rule",
        "build-variant",
        "--toolchain",
        OLDER,
        "--toolchain",
        newest.version,
        "./...",
        cwd=module,
    )
    assert done.returncode == 0 and done.stdout == "", done.stderr
    assert "Pick declares loop variables and the file's Go version is before go 1.22" in done.stderr
    # The naive pair: Pick as it was under go1.25 (now go1.25 code), the exact array before it.
    naive = write_tree(tmp_path / "naive", files)
    (naive / "pick.go").write_text("package pick\n")
    moved = PICK[PICK.index("// Pick") :]
    (naive / "pick_go125.go").write_text(f"//go:build go1.25\n\npackage pick\n\n{moved}")
    exact = moved.replace("last := make([]int, n)", "var lastBuf [4]int\n\tlast := lastBuf[:n:n]")
    (naive / "pick_prego125.go").write_text(f"//go:build !go1.25\n\npackage pick\n\n{exact}")
    assert newest.run(["test", "-count=1", "./..."], str(module)).returncode == 0
    failed = newest.run(["test", "-count=1", "./..."], str(naive))
    assert failed.returncode != 0 and b"*seen[0] = 2" in failed.stdout, failed.stdout.decode()


SUFFIX = """package r

// Suffix returns the last up to 4 bytes of name.
func Suffix(name string) string {
	n := min(len(name), 4)
	b := make([]byte, n)
	copy(b, name[len(name)-n:])
	return string(b)
}
"""


def test_a_goos_file_gets_variants_that_keep_its_suffix_last_and_every_build_its_files(tmp_path):
    """`suffix_linux.go` becomes `suffix_prego125_linux.go` and `suffix_go125_linux.go`: each build, on
    every platform, compiles one of them where it compiled the original, and none elsewhere."""
    newest, older = releases()
    files = {
        "suffix_linux.go": SUFFIX,
        "suffix_other.go": "//go:build !linux\n\npackage r\n\nfunc Suffix(s string) string { return s }\n",
    }
    root = module(tmp_path, files)
    platforms = [("linux", "amd64"), ("darwin", "arm64"), ("linux", "arm64")]

    def built() -> dict:
        found = {}
        for tc in (older, newest):
            for goos, goarch in platforms:
                env = {**(tc.env or os.environ), "GOOS": goos, "GOARCH": goarch}
                listed = subprocess.run(
                    [tc.go, "list", "-f", "{{.GoFiles}}", "."], cwd=root, env=env, capture_output=True, text=True
                )
                vet = subprocess.run([tc.go, "vet", "."], cwd=root, env=env, capture_output=True, text=True)
                assert vet.returncode == 0, (tc.version, goos, goarch, vet.stderr)
                found[(tc.version, goos, goarch)] = listed.stdout.strip("[]\n").split()
        return found

    before = built()
    done = gorewrite(
        "fix", "--rule", "build-variant", "--toolchain", OLDER, "--toolchain", newest.version, ".", cwd=root
    )
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in root.glob("*.go")) == [
        "suffix_go125_linux.go",
        "suffix_linux.go",
        "suffix_other.go",
        "suffix_prego125_linux.go",
    ]
    assert "var bBuf [4]byte" in (root / "suffix_prego125_linux.go").read_text()
    after = built()
    originals = {k: sorted({re.sub(r"_(pre)?go125", "", f) for f in v}) for k, v in after.items()}
    assert originals == {k: sorted(v) for k, v in before.items()}, "no build gains or loses a file"
    for (version, goos, _), names in after.items():
        side = "suffix_go125_linux.go" if version != OLDER else "suffix_prego125_linux.go"
        assert [n for n in names if "125" in n] == ([side] if goos == "linux" else []), (version, goos, names)


def test_a_plus_build_line_without_a_space_is_a_constraint_the_variants_decline(tmp_path):
    """`//+build linux` constrains a file as `// +build linux` does (go/build reads both). Read as a license
    comment, it was copied above the variants' //go:build lines, where it controls nothing: go vet rejected the
    pair (`+build lines do not match`), after a compile of each release. Now the rule declines it up front."""
    newest, older = releases()
    files = {
        "suffix.go": "//+build linux\n\n" + SUFFIX,
        "suffix_other.go": "//go:build !linux\n\npackage r\n\nfunc Suffix(s string) string { return s }\n",
        "use.go": "package r\n\n// Short is Suffix of s.\nfunc Short(s string) string { return Suffix(s) }\n",
    }
    root = module(tmp_path, files)
    done = gorewrite(
        "fix", "-v", "--rule", "build-variant", "--toolchain", OLDER, "--toolchain", newest.version, ".", cwd=root
    )
    assert done.returncode == 0, done.stderr
    for tc in (older, newest):
        for goos, goarch in [("linux", "amd64"), ("darwin", "arm64")]:
            env = {**(tc.env or os.environ), "GOOS": goos, "GOARCH": goarch}
            built = subprocess.run([tc.go, "vet", "."], cwd=root, env=env, capture_output=True, text=True)
            assert built.returncode == 0, (tc.version, goos, built.stderr)
    assert sorted(p.name for p in root.glob("*.go")) == sorted(files)
    assert "old-style `// +build` constraint" in done.stderr and "0 rejected" in done.stderr


def test_make_const_says_where_the_older_releases_get_a_small_site(tmp_path):
    """In a run with build-variant, make-const's decline of a site go1.25+ keeps on the stack points at
    build-variant's own outcome; with make-const alone, at `--rule build-variant`."""
    newest, _ = releases()
    root = module(tmp_path, {"suffix.go": SUFFIX})
    both = ["fix", "--dry-run", "-v", "--toolchain", OLDER, "--toolchain", newest.version]
    default = gorewrite(*both, ".", cwd=root).stderr
    alone = gorewrite(*both, "--rule", "make-const", ".", cwd=root).stderr
    declined = [line for line in default.splitlines() if "declined  suffix.go:6" in line]
    assert len(declined) == 1 and "build-variant in this run takes the site" in declined[0], default
    assert "verified  suffix.go:6: move Suffix" in default, default
    assert "--rule build-variant" not in default
    assert "`--rule build-variant` gives the older releases the rewrite" in alone, alone


RENDER = """package r

import "strconv"

func Render(ids []int) string {
	if len(ids) > 4 {
		return ""
	}
	flags := make([]byte, len(ids))
	out := make([]byte, 0, len(ids)*12)
	for i, id := range ids {
		flags[i] = "+-"[min(max(-id, 0), 1)]
		out = strconv.AppendInt(out, int64(id), 10)
	}
	return string(flags) + string(out)
}
"""


def test_a_site_that_pays_on_every_release_is_rewritten_first_and_moves_into_both_files(tmp_path):
    """A 4-byte make (pays before go1.25 only) beside a 48-byte one (pays everywhere): make-const rewrites
    the 48-byte one in place, then the function moves with it, so no release keeps that allocation (the
    go1.25 file is compiled only by the releases that do not list it when go1.24.11 lists the package)."""
    newest, older = releases()
    root = module(tmp_path, {"mix.go": RENDER})
    both = ["--toolchain", OLDER, "--toolchain", newest.version, "."]
    alone = gorewrite("fix", "--dry-run", "-v", "--rule", "build-variant", *both, cwd=root).stderr
    assert "goes in first, in place (make-const is not in this run: `--rule make-const`)" in alone, alone
    first = gorewrite("fix", "-v", *both, cwd=root)
    assert first.returncode == 0, first.stderr
    (waits,) = [line for line in first.stderr.splitlines() if "overlaps make-const's rewrite" in line]
    assert waits.startswith("  declined  mix.go:9:") and waits.endswith(
        "overlaps make-const's rewrite of mix.go:10 in this run; run gorewrite again once that one is applied"
    ), first.stderr
    assert "applied  mix.go:10: give make([]byte, 0, len(ids)*12) a 48-element stack array" in first.stderr
    second = gorewrite("fix", *both, cwd=root)
    assert second.returncode == 0, second.stderr
    for name in ("mix_prego125.go", "mix_go125.go"):
        assert "var outBuf [48]byte" in (root / name).read_text(), name
    assert gorewrite("fix", "--dry-run", *both, cwd=root).stdout == ""
    for tc in (older, newest):
        said = tc.run(["build", "-o", os.devnull, "-gcflags=-m", "."], str(root)).stderr.decode()
        assert "len(ids) * 12" not in said and "moved to heap" not in said, (tc.version, said)


WORD = """package r

import (
	"encoding/hex"
	"io"
)

const hexDigits = "0123456789abcdef"

func line(w io.Writer, chunk []byte) error {
	if len(chunk) > 16 {
		chunk = chunk[:16]
	}
	ascii := make([]byte, len(chunk))
	for i, c := range chunk {
		ascii[i] = min(max(c, 0x20), 0x7e)
	}
	_, err := io.WriteString(w, "|"+string(ascii)+"|\\n")
	return err
}

// HexLine renders the first 15 bytes of a packet as one hex line for the debug log.
func HexLine(pkt []byte) string {
	if len(pkt) > 15 {
		pkt = pkt[:15]
	}
	line := make([]byte, len(pkt)*2+1)
	hex.Encode(line, pkt)
	line[len(line)-1] = '\\n'
	return string(line)
}
"""


def test_a_function_verification_rejects_does_not_take_the_other_functions_variant_with_it(tmp_path):
    """HexLine's variant stops it inlining on go1.24.11 (rejected: cost 87 of 80 with `var lineBuf [31]byte`, 82
    with `new([31]byte)`, whose capacity hex.Encode may see); the variant of line alone is tried in its place and
    holds: HexLine is reported rejected with its reason, line verified."""
    newest, _ = releases()
    root = module(tmp_path, {"dump.go": WORD})
    done = gorewrite("fix", "--dry-run", "-v", "--toolchain", OLDER, "--toolchain", newest.version, ".", cwd=root)
    assert "build-variant: 1 verified, 0 declined, 1 rejected by verification" in done.stderr, done.stderr
    assert "verified  dump.go:14: move line to dump_prego125.go" in done.stderr
    (rejected,) = [s for s in done.stderr.splitlines() if "rejected  " in s]
    assert rejected.startswith("  rejected  dump.go:27: move line, HexLine") and "too costly to inline" in rejected
    assert "func HexLine" not in done.stdout.split("+++ b/dump_prego125.go")[1]


# package -> (a function with a ≤32-byte bounded make that reports the file it is in, what the decline says)
REPORTS_FILE = {
    "neg": (
        """package neg

import "runtime"

// Neg negates the first n values (at most 4) and says which file it is in.
func Neg(s []int, n int) (int, string) {
	if n > 4 {
		return 0, ""
	}
	b := make([]int, n)
	for i := range b {
		b[i] = -s[i]
	}
	_, file, _, _ := runtime.Caller(0)
	return b[0], file
}
""",
        "Neg uses runtime.Caller",
    ),
    "lg": (
        """package lg

import (
	"io"
	"log"
)

// Sum logs the sum of the first n values with the file and line of the call.
func Sum(w io.Writer, s []int, n int) int {
	if n > 4 {
		return 0
	}
	b := make([]int, n)
	copy(b, s)
	t := 0
	for _, v := range b {
		t += v
	}
	log.New(w, "", log.Lshortfile).Println(t)
	return t
}
""",
        "Sum uses log.Lshortfile",
    ),
    "sl": (
        """package sl

import (
	"io"
	"log/slog"
)

// Sum logs the sum of the first n values with its source.
func Sum(w io.Writer, s []int, n int) int {
	if n > 4 {
		return 0
	}
	b := make([]int, n)
	copy(b, s)
	t := b[0]
	slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{AddSource: true})).Info("sum", "t", t)
	return t
}
""",
        "Sum uses slog's AddSource",
    ),
    "st": (
        """package st

import "runtime/debug"

// First returns the first of n values and the stack that asked.
func First(s []int, n int) (int, []byte) {
	if n > 4 {
		return 0, nil
	}
	b := make([]int, n)
	copy(b, s)
	return b[0], debug.Stack()
}
""",
        "First uses debug.Stack",
    ),
    "fl": (
        """package fl

import "runtime"

// First returns the first of n values and the file of pc.
func First(s []int, n int, pc uintptr) (int, string) {
	if n > 4 {
		return 0, ""
	}
	b := make([]int, n)
	copy(b, s)
	file, _ := runtime.FuncForPC(pc).FileLine(pc)
	return b[0], file
}
""",
        "First uses runtime.FuncForPC(…).FileLine",
    ),
    "hp": (
        """package hp

import (
	"fmt"
	"path/filepath"
	"runtime"
)

// at says where its caller is (adv35g: moving Window would change what it says).
func at() string {
	_, file, line, _ := runtime.Caller(1)
	return fmt.Sprintf("%s:%d", filepath.Base(file), line)
}

// Window returns the first of n values, or an error that says where it was made.
func Window(s []int, n int) (int, error) {
	if n > 4 {
		return 0, fmt.Errorf("%s: window %d too large", at(), n)
	}
	b := make([]int, n)
	copy(b, s)
	return b[0], nil
}
""",
        "Window uses at, which uses runtime.Caller",
    ),
    "gen": (
        """package gen

//go:generate sh -c "echo $GOFILE > generated.txt"
// Sum sums the first n values.
func Sum(s []int, n int) int {
	if n > 4 {
		return 0
	}
	b := make([]int, n)
	copy(b, s)
	return b[0]
}
""",
        "Sum uses a //go:generate line",
    ),
}
NEG_TEST = """package neg

import (
	"path/filepath"
	"testing"
)

func TestNeg(t *testing.T) {
	if v, file := Neg([]int{3}, 1); v != -3 || filepath.Base(file) != "neg.go" {
		t.Fatalf("Neg = %d, %s; want -3, neg.go", v, filepath.Base(file))
	}
}
"""


def test_a_function_that_reports_its_own_file_does_not_move_and_the_naive_pair_reports_another(tmp_path):
    """adv35e: Neg calling runtime.Caller(0) said neg_go125.go after the move. Every such use declines;
    the naive pair makes neg's own test fail under each release (a logger configured elsewhere stays
    a documented residual risk)."""
    newest, older = releases()
    files = {f"{name}/{name}.go": source for name, (source, _) in REPORTS_FILE.items()}
    root = module(tmp_path / "m", {**files, "neg/neg_test.go": NEG_TEST})
    done = gorewrite(
        "fix",
        "--dry-run",
        "-v",
        "--rule",
        "build-variant",
        "--toolchain",
        OLDER,
        "--toolchain",
        newest.version,
        "./...",
        cwd=root,
    )
    assert done.returncode == 0 and done.stdout == "", done.stderr
    for name, (_, said) in REPORTS_FILE.items():
        (line,) = [x for x in done.stderr.splitlines() if f"declined  {name}/{name}.go:" in x]
        assert said in line and line.endswith("moved to another file, it would report that file"), line
    naive = module(tmp_path / "naive", {"neg/neg.go": "package neg\n", "neg/neg_test.go": NEG_TEST})
    source = REPORTS_FILE["neg"][0]
    body = source[source.index("import") :]
    exact = body.replace("b := make([]int, n)", "var bBuf [4]int\n\tb := bBuf[:n:n]")
    (naive / "neg" / "neg_go125.go").write_text(f"//go:build go1.25\n\npackage neg\n\n{body}")
    (naive / "neg" / "neg_prego125.go").write_text(f"//go:build !go1.25\n\npackage neg\n\n{exact}")
    for tc in (older, newest):
        assert tc.run(["test", "-count=1", "./neg"], str(root)).returncode == 0, tc.version
        failed = tc.run(["test", "-count=1", "./neg"], str(naive))
        assert failed.returncode != 0 and b"want -3, neg.go" in failed.stdout, (tc.version, failed.stdout.decode())


def test_variant_names_keep_the_platform_and_then_test_last_as_go_build_reads_them():
    """adv35e item 3: `x_linux_test.go` became `x_linux_test_prego125_linux.go`, no test file any more, and
    `x_test.go` became `x_test_prego125.go`."""
    assert variant_paths("a/x_linux_test.go") == ("a/x_prego125_linux_test.go", "a/x_go125_linux_test.go")
    assert variant_paths("a/x_test.go") == ("a/x_prego125_test.go", "a/x_go125_test.go")
    assert variant_paths("a/x_linux_amd64.go") == ("a/x_prego125_linux_amd64.go", "a/x_go125_linux_amd64.go")
    assert variant_paths("a/x.go") == ("a/x_prego125.go", "a/x_go125.go")
    for old, new in zip(("a/x_linux_test.go",) * 2, variant_paths("a/x_linux_test.go"), strict=True):
        assert name_constraints(new) == name_constraints(old) and new.endswith("_test.go")


TWO = """package t

// W holds two bounded makes and is small enough to inline.
func W(s []int, n, m int) int {
	if n > 4 || m > 8 {
		return -1
	}
	x := make([]int, n)
	z := make([]int, m)
	copy(x, s)
	copy(z, s)
	return x[0] + z[0] + len(s)*3 + n*m + n*n*n + m*m*m + n*m*n + (n-m)*(n+m) + n*7
}
"""
TWO_TEST = """package t

import "testing"

var nn, mm = 4, 8

func TestW(t *testing.T) {
	s := []int{1, 2, 3, 4, 5, 6, 7, 8}
	if got := W(s[:2], 2, 3); got != 70 {
		t.Fatal(got)
	}
	if n := testing.AllocsPerRun(100, func() { W(s, nn, mm) }); n != 0 {
		t.Fatalf("W allocates %v times", n)
	}
}
"""


def test_a_rewrite_in_place_that_stops_inlining_gives_way_to_its_array_from_new_and_the_variant_follows(tmp_path):
    """adv35e t/: W's 64-byte make pays off everywhere, but with a named array in place W no longer inlines on
    go1.24.11 while its 32-byte make still escapes, and the variant waited for it forever (lead then applied the
    variant carrying both rewrites, which left go1.25+ W as it was, its 64-byte make on the heap). The array from
    `new` keeps W inlinable in place, on every release (run 1); the variant of the 32-byte make follows in run 2,
    and W allocates nothing on either release."""
    newest, older = releases()
    root = module(tmp_path, {"t.go": TWO, "t_test.go": TWO_TEST})
    both = ["--toolchain", OLDER, "--toolchain", newest.version, "."]
    done = gorewrite("fix", "-v", *both, cwd=root)
    assert done.returncode == 0, done.stderr
    assert "applied  t.go:9: give make([]int, m) a 8-element stack array (64 bytes) from new([8]int)" in done.stderr
    assert "build-variant: 0 applied, 1 declined" in done.stderr and "run gorewrite again" in done.stderr, done.stderr
    assert older.run(["build", "-gcflags=-m", "."], str(root)).stderr.count(b"can inline W") == 1
    done = gorewrite("fix", "-v", *both, cwd=root)
    assert "build-variant: 1 applied, 0 declined, 0 rejected" in done.stderr, done.stderr
    rewritten = (root / "t_prego125.go").read_text()
    assert "var xBuf [4]int" in rewritten and "z := new([8]int)[:m]" in rewritten, rewritten
    assert "x := make([]int, n)" in (root / "t_go125.go").read_text(), "the go1.25 side keeps the 32-byte make"
    for toolchain in (newest, older):
        assert toolchain.run(["test", "-count=1", "."], str(root)).returncode == 0, f"{toolchain.version}: W allocates"
    assert newest.run(["vet", "."], str(root)).returncode == 0


def test_a_limit_declared_in_another_file_as_a_never_written_variable_bounds_the_variant(tmp_path):
    """`if len(name) > maxSuffix` with `var maxSuffix = 4` in limits.go: the variant takes make-const's typed
    ranges (the variable's declaration among them), so the bound is proven as with a constant, in a run of
    build-variant alone too (with make-const beside it, its candidates typed the declaration for both)."""
    newest, _ = releases()
    limited = SUFFIX.replace(
        "\tn := min(len(name), 4)\n", '\tif len(name) > maxSuffix {\n\t\treturn ""\n\t}\n\tn := len(name)\n'
    )
    root = module(tmp_path, {"suffix.go": limited, "limits.go": "package r\n\nvar maxSuffix = 4\n"})
    run = ["fix", "--dry-run", "-v", "--toolchain", OLDER, "--toolchain", newest.version, "--rule", "build-variant"]
    done = gorewrite(*run, ".", cwd=root)
    assert "verified  suffix.go:9: move Suffix" in done.stderr, done.stderr
