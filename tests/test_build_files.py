"""A file this build leaves out blocks the proofs that read a function's body only when another build could
compile it with the package and change what the build's files mean (gorewrite/build_files.py).

The closure cases: `each` waits for every goroutine it starts, so `scale = 2` after it is ordered after the
literal's reads; a left-out file that only adds (a later release's file, a generator of another package, an external
test) keeps that proof, one that may do more declines it. make-const: a callee's `min(n, maxKey)` bounds a
size only while no build may declare a package-level `min` (the naive exact array panics in that build).
"""

from __future__ import annotations

import time

import pytest
from conftest import at_most_speculative, edited, exact_array, module, proposals

from gorewrite.build_files import Build, _code, go_files
from gorewrite.proposals import Declined, Fix
from gorewrite.rules import RULES
from gorewrite.syntax import parse

EACH = """package m

import (
\t"sync"
\t"sync/atomic"
)

var Sum atomic.Int64

func each(n int, f func(i int)) {
\tvar wg sync.WaitGroup
\tfor i := 0; i < n; i++ {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tf(i)
\t\t}()
\t}
\twg.Wait()
}

func Run(n int) int {
\tscale := 1
\teach(n, func(i int) {
\t\tSum.Add(int64(scale))
\t})
\tscale = 2
\treturn scale
}
"""

ADDS = {
    "a later release's file adding a function": (
        "later.go",
        "//go:build go1.99\n\npackage m\n\nfunc upper(s string) string { return s }\n",
    ),
    "a generator of package main": (
        "gen.go",
        "//go:build ignore\n\npackage main\n\nfunc each() {}\n\nfunc main() {}\n",
    ),
    "a file go/build ignores": ("_old.go", "package m\n\nfunc (t T) each() {}\n"),
    "an external test of one OS": (
        "run_windows_test.go",
        '//go:build windows\n\npackage m_test\n\nimport "testing"\n\nfunc TestX(t *testing.T) {}\n',
    ),
    "types and constants only": ("wide.go", "//go:build wide\n\npackage m\n\nconst width = 8\n\ntype row [width]int\n"),
}

MORE = {
    "a method": "type box struct{}\n\nfunc (box) Wait() {}\n",
    "an init": "func init() { println() }\n",
    "a variable with a value": "var started = true\n",
    "a go:linkname": 'import _ "unsafe"\n\n//go:linkname nanotime runtime.nanotime\nfunc nanotime() int64\n',
    "an unsafe import": 'import "unsafe"\n\nvar _ unsafe.Pointer\n',
    "a name the build writes": "func scale() int { return 3 }\n",
    "a parse error": "func broken( {\n",
}


def scale_sites(root) -> list:
    """The closure rule's proposals for Run's `scale` (each's own wg is declined for its address)."""
    found = proposals(root, RULES["closure"])["example.com/m"]
    return [p for p in found if (p.targets[0] if isinstance(p, Fix) else p.site).line > 21]


@pytest.mark.parametrize(("name", "file"), ADDS.values(), ids=list(ADDS))
def test_a_left_out_file_that_only_adds_keeps_the_helper_proof(tmp_path, name, file):
    root = module(tmp_path, {"each.go": EACH, name: file})
    found = scale_sites(root)
    assert [type(p) for p in found] == [Fix], found
    assert "scale := scale" in edited(EACH, found[0])


@pytest.mark.parametrize("body", MORE.values(), ids=list(MORE))
def test_a_left_out_file_that_may_do_more_declines(tmp_path, body):
    root = module(tmp_path, {"each.go": EACH, "later.go": "//go:build go1.99\n\npackage m\n\n" + body})
    found = scale_sites(root)
    assert found and all(isinstance(p, Declined) for p in found), found
    assert any("another build compiles later.go" in p.reason for p in found), [p.reason for p in found]


@pytest.mark.parametrize(
    "header",
    ["//go:build unix", "// Copyright 2026 The Authors.\n\n\t//go:build unix", "// +build unix"],
    ids=["go_build", "indented_below_a_comment", "plus_build"],
)
def test_a_constrained_file_of_the_build_declines_even_an_adding_file(tmp_path, header):
    """each_unix.go is not compiled by a windows build, which may declare each otherwise: another file left out
    there is no longer one that only adds to files every build holds. go/build reads an indented constraint line
    as well (a regex anchored at `//` did not, below the first line: the closure copied scale, unproven on windows)."""
    later = "//go:build go1.99\n\npackage m\n\nfunc upper(s string) string { return s }\n"
    root = module(tmp_path, {"each_unix.go": header + "\n\n" + EACH, "later.go": later})
    found = scale_sites(root)
    assert found and all(isinstance(p, Declined) for p in found), found
    assert any("another build compiles later.go" in p.reason for p in found), [p.reason for p in found]


KEY = "package m\n\nconst maxKey = 64\n\nfunc keyLen(n int) int { return min(n, maxKey) }\n"
USE = (
    "package m\n\nfunc Key(n int) string {\n\tbuf := make([]byte, keyLen(n))\n\tfor i := range buf {\n"
    "\t\tbuf[i] = 'k'\n\t}\n\treturn string(buf)\n}\n"
)
MIN = "//go:build widekeys\n\npackage m\n\nfunc min(a, b int) int { return a }\n"
PROBE = (
    'package m\n\nimport "testing"\n\nfunc TestKey(t *testing.T) {\n'
    "\tif got := len(Key(100)); got != keyLen(100) {\n\t\tt.Fatal(got)\n\t}\n}\n"
)


def test_a_callee_bound_holds_beside_a_file_adding_other_names(tmp_path):
    root = module(
        tmp_path, {"key.go": KEY, "use.go": USE, "later.go": ADDS["a later release's file adding a function"][1]}
    )
    exact_array(proposals(root, RULES["make-const"])["example.com/m"], USE, "[64]byte")


def test_a_callee_bound_through_a_universe_name_another_build_declares_is_not_proven(tmp_path, toolchain):
    """Under -tags widekeys `min` is the package's own and keyLen(100) is 100: the naive [64]byte panics there."""
    root = module(tmp_path / "m", {"key.go": KEY, "use.go": USE, "wide.go": MIN, "key_test.go": PROBE})
    at_most_speculative(proposals(root, RULES["make-const"])["example.com/m"])
    naive_panics_under_widekeys(root, module(tmp_path / "bare", {"key.go": KEY, "use.go": USE}), toolchain)


def naive_panics_under_widekeys(root, bare, toolchain) -> None:
    """The exact [64]byte proven in `bare` passes root's tests in this build and panics under -tags widekeys."""
    naive = exact_array(proposals(bare, RULES["make-const"])["example.com/m"], USE, "[64]byte")
    assert toolchain.run(["test", "-tags", "widekeys", "./..."], str(root)).returncode == 0
    (root / "use.go").write_text(naive)
    assert toolchain.run(["test", "./..."], str(root)).returncode == 0  # this build: the bound holds
    failed = toolchain.run(["test", "-tags", "widekeys", "./..."], str(root))
    assert failed.returncode != 0 and "out of range" in failed.stdout.decode() + failed.stderr.decode()


DIGITS = (
    'package m\n\nimport "strconv"\n\nfunc Digits(v int64) int {\n\td := strconv.AppendInt(nil, v, 10)\n'
    "\tbuf := make([]int, len(d))\n\tfor i, c := range d {\n\t\tbuf[i] = int(c)\n\t}\n\treturn len(buf)\n}\n"
)
HEADER_TEST = (
    'package m\n\nimport "testing"\n\nvar nil = []byte("the header the tests give every number: ")\n\n'
    "func TestDigits(t *testing.T) {\n\tif Digits(7) != len(nil)+1 {\n\t\tt.Fatal(Digits(7))\n\t}\n}\n"
)


def test_a_universe_name_an_in_package_test_declares_is_not_proven(tmp_path, toolchain):
    """`go test` compiles digits_test.go's package-level `nil` with the package: there AppendInt(nil, v, 10)
    appends to its 40 bytes, and the naive [20]int proven where nil is Go's (adv44b) panics in the tests."""
    root = module(tmp_path / "m", {"digits.go": DIGITS, "digits_test.go": HEADER_TEST})
    found = proposals(root, RULES["make-const"])["example.com/m"]
    at_most_speculative(found)
    assert any("go test compiles digits_test.go" in p.reason for p in found), found
    bare = module(tmp_path / "bare", {"digits.go": DIGITS})
    naive = exact_array(proposals(bare, RULES["make-const"])["example.com/m"], DIGITS, "[20]int")
    assert toolchain.run(["test", "./..."], str(root)).returncode == 0
    (root / "digits.go").write_text(naive)
    failed = toolchain.run(["test", "./..."], str(root))
    assert failed.returncode != 0 and "out of range" in failed.stdout.decode() + failed.stderr.decode()


RENDER = """package m

import (
\t"bytes"
\t"fmt"
\t"io"
)

func encodeLine(w io.Writer, name string, n int) {
\tfmt.Fprintf(w, "%s=%d\\n", name, n)
}

func Render(keys []string, out io.Writer) error {
\tvar buf bytes.Buffer
\tfor i, k := range keys {
\t\tencodeLine(&buf, k, i)
\t}
\t_, err := out.Write(buf.Bytes())
\treturn err
}
"""


def test_a_buffer_handed_to_a_helper_beside_an_adding_file_is_pooled(tmp_path):
    """encodeLine's verdicts (the compiler's, parameters.varying) hold in every build: later.go only adds."""
    root = module(tmp_path, {"render.go": RENDER, "later.go": ADDS["a later release's file adding a function"][1]})
    found = proposals(root, RULES["sync-pool"])["example.com/m"]
    assert [type(p) for p in found] == [Fix], found


def test_a_buffer_handed_to_a_helper_beside_a_file_naming_a_written_name_is_not_pooled(tmp_path):
    """later.go declares k, a name render.go writes (a local there, which shadows it: harmless, but names
    alone cannot tell): the compiler's verdicts stay this build's alone, and the buffer is not pooled."""
    later = "//go:build go1.99\n\npackage m\n\nvar k int\n"
    root = module(tmp_path, {"render.go": RENDER, "later.go": later})
    found = proposals(root, RULES["sync-pool"])["example.com/m"]
    assert found and all(isinstance(p, Declined) for p in found), found
    assert any("another build compiles later.go" in p.reason for p in found), [p.reason for p in found]


def test_an_adding_file_does_not_hide_the_steady_helpers_of_a_package_whose_import_varies(tmp_path):
    """errgroup has pre_go120.go, which this build leaves out: the package varies through that import, and
    import_steady keeps encodeLine's verdicts (it names nothing of errgroup); later.go of its own changes none."""
    group = 'package m\n\nimport "golang.org/x/sync/errgroup"\n\nvar G errgroup.Group\n'
    files = {"render.go": RENDER, "group.go": group, "later.go": ADDS["a later release's file adding a function"][1]}
    root = module(tmp_path, files, errgroup=True)
    found = proposals(root, RULES["sync-pool"])["example.com/m"]
    assert [type(p) for p in found] == [Fix], found


CLAMPED = (
    "package m\n\nfunc Key(n int) string {\n\tbuf := make([]byte, min(n, 64))\n\tfor i := range buf {\n"
    "\t\tbuf[i] = 'k'\n\t}\n\treturn string(buf)\n}\n"
)
PROBE_CLAMPED = (
    'package m\n\nimport "testing"\n\nfunc TestKey(t *testing.T) {\n'
    "\tif got := len(Key(100)); got != min(100, 64) {\n\t\tt.Fatal(got)\n\t}\n}\n"
)


# fix43: tree-sitter-go 0.25 cannot parse go1.26's `new(int64(-64))`. Its recovery lost the package-level `min` of
# a group after one (lead read neither the tree's names nor the loose scan's: a group has no keyword before `min`),
# and took a function-local `var min` for a package-level one (std's encoding/json/v2 arshal_test.go and its
# `var make`: 14 sites declined). go/parser, through gotypes, now says what such a file declares.
GROUPED_MIN = (
    "//go:build widekeys\n\npackage m\n\nvar (\n\tlimit = new(int64(-64))\n\tmin = func(a, b int) int { return a }\n)\n"
)
LOCAL_MIN = (
    "//go:build widekeys\n\npackage m\n\nfunc limit() *int64 {\n\tvar min = 3\n\t_ = min\n\treturn new(int64(-64))\n}\n"
)


@pytest.mark.parametrize(("wide", "go"), [(MIN, "1.22"), (GROUPED_MIN, "1.26")], ids=["func", "group_after_new_expr"])
def test_a_universe_name_another_build_declares_voids_the_type_facts(tmp_path, toolchain, wide, go):
    """`min(n, 64)` is Go's min in this build and wide.go's under -tags widekeys: go/types' facts (a bound of
    64) hold for this build only, so no rule reads them; the naive [64]byte panics in the other build."""
    root = module(tmp_path / "m", {"key.go": CLAMPED, "wide.go": wide, "key_test.go": PROBE_CLAMPED}, go=go)
    found = proposals(root, RULES["make-const"])["example.com/m"]
    assert found and all(isinstance(p, Declined) for p in found), found
    assert "another build compiles wide.go, which declares min at package level" in found[0].reason, found
    bare = module(tmp_path / "bare", {"key.go": CLAMPED})
    naive = exact_array(proposals(bare, RULES["make-const"])["example.com/m"], CLAMPED, "[64]byte")
    assert toolchain.run(["test", "-tags", "widekeys", "./..."], str(root)).returncode == 0
    (root / "key.go").write_text(naive)
    assert toolchain.run(["test", "./..."], str(root)).returncode == 0
    failed = toolchain.run(["test", "-tags", "widekeys", "./..."], str(root))
    assert failed.returncode != 0 and "out of range" in failed.stdout.decode() + failed.stderr.decode()


def test_a_generator_declaring_a_universe_name_changes_nothing(tmp_path):
    generator = "//go:build ignore\n\npackage main\n\nfunc min(a, b int) int { return a }\n\nfunc main() {}\n"
    root = module(tmp_path, {"key.go": CLAMPED, "gen.go": generator})
    exact_array(proposals(root, RULES["make-const"])["example.com/m"], CLAMPED, "[64]byte")


@pytest.mark.parametrize(
    ("declaring", "shadowed"),
    [
        ("func min(a, b int) int { return a }\n", {"min"}),
        ("var width, min int\n", {"min"}),
        ("var (\n\tmake = 3\n)\n", {"make"}),
        ("type error struct{}\n", set()),  # the build's files never write error
        ("func (b box) min() int { return 0 }\n\ntype box struct{}\n", set()),  # a method shadows nothing
        ("func lenient() {}\n", set()),
    ],
)
def test_the_universe_names_a_left_out_file_declares(declaring, shadowed):
    files = {"/p/key.go": CLAMPED.encode(), "/p/wide.go": b"//go:build wide\n\npackage m\n\n" + declaring.encode()}
    build = Build("/p", "m", ("/p/key.go",), lambda p: parse(files[p]).root_node, files.__getitem__)
    assert build.shadowed("wide.go") == shadowed


@pytest.mark.parametrize(
    "source",
    [
        "//go:build wide\n\npackage m\n\nfunc/**/min(a, b int) int { return a }\n",
        "//go:build wide\n\npackage m\n\nvar _ int; func min(a, b int) int { return a }\n",
        "//go:build wide\n\npackage m\n\n/* wide keys */ func min(a, b int) int { return a }\n",
        "//go:build wide\n\npackage m\n\nvar // the widest\n(\n\tmin = func(a, b int) int { return a }\n)\n",
        "//go:build wide\n\npackage m; func min(a, b int) int { return a }\n",
    ],
    ids=["comment after func", "after a semicolon", "after a comment", "comment before a group", "one line"],
)
def test_a_universe_name_declared_off_the_usual_layout_is_seen(source):
    """Go reads `func/**/min` as `func min`, and a declaration may follow another on its line: the quick scan
    that spares parsing a file must not pass over one (review adv41d: the naive [64]byte panicked under the tag)."""
    files = {"/p/key.go": CLAMPED.encode(), "/p/wide.go": source.encode()}
    build = Build("/p", "m", ("/p/key.go",), lambda p: parse(files[p]).root_node, files.__getitem__)
    assert build.shadowed("wide.go") == {"min"}


def test_a_universe_name_behind_a_comment_voids_the_type_facts(tmp_path, toolchain):
    wide = "//go:build widekeys\n\npackage m\n\nfunc/**/min(a, b int) int { return a }\n"
    root = module(tmp_path / "m", {"key.go": CLAMPED, "wide.go": wide, "key_test.go": PROBE_CLAMPED})
    found = proposals(root, RULES["make-const"])["example.com/m"]
    assert found and all(isinstance(p, Declined) for p in found), found
    assert "another build compiles wide.go, which declares min at package level" in found[0].reason, found
    assert toolchain.run(["test", "-tags", "widekeys", "./..."], str(root)).returncode == 0
    (root / "key.go").write_text(CLAMPED.replace("buf := make([]byte, min(n, 64))", NAIVE_CLAMPED))
    failed = toolchain.run(["test", "-tags", "widekeys", "./..."], str(root))
    assert failed.returncode != 0 and "out of range" in failed.stdout.decode() + failed.stderr.decode()


NAIVE_CLAMPED = "var bufBuf [64]byte\n\tbuf := bufBuf[:min(n, 64):min(n, 64)]"
PREDECLARED = (
    "package m\n\nconst debug = false\n\nconst first = iota\n\nfunc On(p *int) bool { return p != nil && !debug }\n"
)


@pytest.mark.parametrize(
    ("declaring", "name"),
    [("const false = true\n", "false"), ("const iota = 9\n", "iota"), ("var nil *int\n", "nil")],
)
def test_a_left_out_file_declaring_a_predeclared_constant_the_build_writes_may_change_it(declaring, name):
    """tree-sitter gives `false`, `iota`, `nil` nodes of their own, not identifiers: they are names the build's
    files write all the same, and another build's `const false = true` turns `if debug` on."""
    files = {"/p/on.go": PREDECLARED.encode(), "/p/later.go": b"//go:build extra\n\npackage m\n\n" + declaring.encode()}
    build = Build("/p", "m", ("/p/on.go",), lambda p: parse(files[p]).root_node, files.__getitem__)
    assert not build.inert("later.go")
    assert build.shadowed("later.go") == {name}


NOTE = """package d

const debug = false

var last *int

// Note records p for Bump when debugging.
func Note(p *int) {
\tif debug {
\t\tlast = p
\t}
}

// Bump raises the value last noted by 10.
func Bump() {
\tif last != nil {
\t\t*last += 10
\t}
}

// Kept: whether Note keeps what it is given.
func Kept() bool { return debug }
"""
NOTED = EACH.replace('\t"sync/atomic"\n)', '\t"sync/atomic"\n\n\t"example.com/m/d"\n)').replace(
    "\tscale := 1\n\teach(n, func(i int) {\n", "\tscale := 1\n\td.Note(&scale)\n\teach(n, func(i int) {\n\t\td.Bump()\n"
)
NOTED_TEST = """package m

import (
\t"testing"

\t"example.com/m/d"
)

func TestRun(t *testing.T) {
\tRun(1)
\twant := int64(1)
\tif d.Kept() {
\t\twant = 11 // Bump wrote scale through the pointer Note kept
\t}
\tif got := Sum.Load(); got != want {
\t\tt.Fatalf("Sum = %d, want %d", got, want)
\t}
}
"""


def test_a_callee_verdict_beside_a_file_redeclaring_false_is_another_builds(tmp_path, toolchain):
    """d/later.go's `const false = true` turns d's debug on under -tags extra: Note keeps &scale and Bump writes
    through it, so the literal must read scale itself; the naive copy (verified before this review) reads 1."""
    files = {"noted.go": NOTED, "noted_test.go": NOTED_TEST, "d/d.go": NOTE}
    later = {"d/later.go": "//go:build extra\n\npackage d\n\nconst false = true\n"}
    root = module(tmp_path / "m", {**files, **later})
    found = [p for p in proposals(root, RULES["closure"])["example.com/m"] if "scale" in str(p)]
    assert found and all(isinstance(p, Declined) for p in found), found
    assert any("another build compiles later.go" in p.reason for p in found), [p.reason for p in found]
    bare = module(tmp_path / "bare", files)
    (naive,) = [p for p in proposals(bare, RULES["closure"])["example.com/m"] if isinstance(p, Fix)]
    assert "scale := scale" in edited(NOTED, naive)
    for tags in ([], ["-tags", "extra"]):
        assert toolchain.run(["test", *tags, "./..."], str(root)).returncode == 0
    (root / "noted.go").write_text(edited(NOTED, naive))
    assert toolchain.run(["test", "./..."], str(root)).returncode == 0
    failed = toolchain.run(["test", "-tags", "extra", "./..."], str(root))
    assert failed.returncode != 0 and "Sum = 1, want 11" in failed.stdout.decode(), failed.stdout.decode()


POOLED = """package m

import (
\t"bytes"
\t"fmt"
\t"io"
)

func Render(keys []string, out io.Writer) error {
\tvar buf bytes.Buffer
\tfor i, k := range keys {
\t\tfmt.Fprintf(&buf, "%s=%d\\n", k, i)
\t}
\t_, err := out.Write(buf.Bytes())
\treturn err
}
"""


@pytest.mark.parametrize("declaring", ["type any = int\n", "func new() {}\n"])
def test_a_rewrite_writing_a_predeclared_name_another_build_declares_is_declined(tmp_path, toolchain, declaring):
    """The build's files write neither `any` nor `new`, so its type facts stand; sync-pool's pool writes both,
    and under -tags extra they name later.go's declarations: the naive pool no longer builds there (review adv41d)."""
    later = "//go:build extra\n\npackage m\n\n" + declaring
    root = module(tmp_path / "m", {"render.go": POOLED, "later.go": later})
    found = proposals(root, RULES["sync-pool"])["example.com/m"]
    assert found and all(isinstance(p, Declined) for p in found), found
    assert "which later.go declares at package level in another build" in found[0].reason, found
    (naive,) = proposals(module(tmp_path / "bare", {"render.go": POOLED}), RULES["sync-pool"])["example.com/m"]
    assert isinstance(naive, Fix), naive
    assert toolchain.run(["build", "-tags", "extra", "./..."], str(root)).returncode == 0
    (root / "render.go").write_text(edited(POOLED, naive))
    assert toolchain.run(["build", "./..."], str(root)).returncode == 0
    assert toolchain.run(["build", "-tags", "extra", "./..."], str(root)).returncode != 0


@pytest.mark.parametrize("declaring", ["type any = int\n", "func new() {}\n"])
def test_a_rewrite_writing_a_predeclared_name_an_in_package_test_declares_is_declined(tmp_path, toolchain, declaring):
    """go test compiles an untagged in-package test file with every build: the pool's `any` or `new` would name
    its declaration there, and the naive pool's tests no longer build (review adv44b's left-alone sibling)."""
    test = "package m\n\n" + declaring
    root = module(tmp_path / "m", {"render.go": POOLED, "later_test.go": test})
    found = proposals(root, RULES["sync-pool"])["example.com/m"]
    assert found and all(isinstance(p, Declined) for p in found), found
    assert "which later_test.go declares at package level under go test" in found[0].reason, found
    (naive,) = proposals(module(tmp_path / "bare", {"render.go": POOLED}), RULES["sync-pool"])["example.com/m"]
    assert isinstance(naive, Fix), naive
    assert toolchain.run(["vet", "./..."], str(root)).returncode == 0
    (root / "render.go").write_text(edited(POOLED, naive))
    assert toolchain.run(["build", "./..."], str(root)).returncode == 0
    assert toolchain.run(["vet", "./..."], str(root)).returncode != 0


def test_a_directory_named_like_a_go_file_is_no_left_out_file(tmp_path):
    """Go ignores a directory `fixtures.go/`: it is neither read nor a reason to decline (review adv41d: fix
    stopped with `Is a directory`)."""
    root = module(tmp_path, {"each.go": EACH, "fixtures.go/data.txt": "x\n"})
    found = scale_sites(root)
    assert [type(p) for p in found] == [Fix], found


def test_every_reader_of_a_package_directory_skips_a_directory_named_like_a_go_file(tmp_path):
    """go_files serves left_out, plain_tests, suspects, field_writes' other files and callers' outside names: none
    opens `fixtures.go/` (callers read every .go path unguarded before session 49)."""
    (tmp_path / "fixtures.go").mkdir()
    (tmp_path / "a.go").write_text("package m\n")
    (tmp_path / "a_test.go").write_text("package m\n")
    assert go_files(str(tmp_path)) == [str(tmp_path / "a.go"), str(tmp_path / "a_test.go")]


LATIN1 = {
    "a name": (b"//go:build legacy\n\npackage m\n\nvar (\n\tx int\n)\n\nfunc caf\xe9() {}\n", set()),
    "a package clause": (b"//go:build legacy\n\npackage m\xe9\n\nfunc min(a, b int) int { return a }\n", {"min"}),
    "beside a min": (
        b"//go:build legacy\n\npackage m\n\nfunc caf\xe9() {}\n\nfunc min(a, b int) int { return a }\n",
        {"min"},
    ),
}


@pytest.mark.parametrize(("source", "shadowed"), LATIN1.values(), ids=list(LATIN1))
def test_a_left_out_file_that_is_no_utf8_is_read_without_a_traceback(source, shadowed):
    """Go rejects a Latin-1 identifier only in a build that compiles the file; one left out by a tag leaves the
    build as it is, and reading its names must not stop the run (review adv41f: fix stopped with a
    UnicodeDecodeError). Bytes that are no UTF-8 name nothing of Go's; a `min` beside them is still seen."""
    files = {"/p/key.go": CLAMPED.encode(), "/p/old.go": source}
    build = Build("/p", "m", ("/p/key.go",), lambda p: parse(files[p]).root_node, files.__getitem__)
    assert build.shadowed("old.go") == shadowed
    assert not build.inert("old.go") or shadowed == set()


def test_a_package_with_a_latin1_left_out_file_is_proposed_for(tmp_path):
    root = module(tmp_path, {"each.go": EACH})
    (root / "old.go").write_bytes(LATIN1["a name"][0])
    assert scale_sites(root)


def test_a_left_out_file_full_of_unterminated_comments_is_scanned_in_linear_time():
    """A `//go:build ignore` file that is no Go (a template: `/*` never closed) was rescanned to its end at each
    `/*`: 120 KB took 8 s, 600 KB minutes (review adv41f). Go's scanner reads an unterminated one to the end.
    (With a `var (` before them tree-sitter's own parse takes as long: only the scan that spares it is timed.)"""
    source = b"//go:build ignore\n\npackage m\n\nconst z = 1\n" + b"z /* var (\n" * 40000
    files = {"/p/key.go": CLAMPED.encode(), "/p/tmpl.go": source}
    build = Build("/p", "m", ("/p/key.go",), lambda p: parse(files[p]).root_node, files.__getitem__)
    started = time.monotonic()
    assert _code(source).count(b"/*") == 0 and b"const z" in _code(source)
    assert build.shadowed("tmpl.go") == set()
    assert time.monotonic() - started < 5


NARROW = "package m\n\nfunc min(a, b int) int {\n\tif a < 64 {\n\t\treturn a\n\t}\n\treturn 64\n}\n"
WIDE_KEY = "package m\n\nfunc keyLen(n int) int { return min(n, 4096) }\n"


def test_a_callee_bound_through_a_universe_name_a_constrained_file_of_the_build_declares_is_not_proven(
    tmp_path, toolchain
):
    """The mirror of a left-out file declaring min: narrow.go, compiled here, declares it, and -tags widekeys
    leaves it out, so there keyLen's min is Go's and keyLen(100) is 100: the naive [64]byte, proven through the
    package's min, panics there (review adv41f: verified under go1.24.11, slice bounds out of range)."""
    narrow = "//go:build !widekeys\n\n" + NARROW
    root = module(tmp_path / "m", {"key.go": WIDE_KEY, "use.go": USE, "narrow.go": narrow, "key_test.go": PROBE})
    at_most_speculative(proposals(root, RULES["make-const"])["example.com/m"])
    bare = module(tmp_path / "bare", {"key.go": WIDE_KEY, "use.go": USE, "narrow.go": NARROW})
    naive_panics_under_widekeys(root, bare, toolchain)


def test_a_local_universe_name_in_a_file_tree_sitter_cannot_parse_is_no_package_level_one(tmp_path, toolchain):
    """wide.go's `var min` is a function's: go/parser says so, and the [64]byte holds under -tags widekeys too."""
    root = module(tmp_path / "m", {"key.go": CLAMPED, "wide.go": LOCAL_MIN, "key_test.go": PROBE_CLAMPED}, go="1.26")
    rewritten = exact_array(proposals(root, RULES["make-const"])["example.com/m"], CLAMPED, "[64]byte")
    (root / "key.go").write_text(rewritten)
    for tags in ([], ["-tags", "widekeys"]):
        done = toolchain.run(["test", *tags, "./..."], str(root))
        assert done.returncode == 0, done.stdout.decode() + done.stderr.decode()


def test_go_parsers_answer_stands_for_the_tree_of_an_unparsable_file():
    """Without it (go/parser cannot parse the file either), the tree's names and a keyword scan, as before."""
    files = {"/p/key.go": CLAMPED.encode(), "/p/wide.go": LOCAL_MIN.encode()}
    build = Build("/p", "m", ("/p/key.go",), lambda p: parse(files[p]).root_node, files.__getitem__)
    assert build.shadowed("wide.go") == {"min"}
    said = Build("/p", "m", ("/p/key.go",), lambda p: parse(files[p]).root_node, files.__getitem__, lambda p: ["limit"])
    assert said.shadowed("wide.go") == set()
