"""sync-pool and the Write methods of the main module's other packages (module_writers.py).

A pooled line handed to an io.Writer rests on io.Writer's contract (Write must not keep p). A type of
another package of the same module that the package, or its tests, imports (directly or through
another) is judged, not trusted: one whose Write keeps p declines the pool; one whose Write only hands
p on to another Write (a counting or chunking wrapper) does not. For each decline, the naive pool it
must not become, whose caller then reads bytes a later call wrote."""

from __future__ import annotations

import re

import pytest
from conftest import DETERMINISTIC_POOL, gorewrite, module, proposal_at, proposals, releases, write_tree

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["sync-pool"]

WRITE_LINE = """package {name}

import (
	"bufio"
	"io"
{imports})

// WriteLine writes a long line through a small bufio.Writer, which hands it to w.Write whole.
func WriteLine(w io.Writer, word string) error {{
	bw := bufio.NewWriterSize(w, 16)
	line := make([]byte, 0, 512)
	for i := 0; i < 20; i++ {{
		line = append(line, word...)
	}}
	if _, err := bw.Write(line); err != nil {{
		return err
	}}
	return bw.Flush()
}}
"""
SITE = "\tline := make([]byte, 0, 512)"

INTERNAL = {
    "internal/keep/keep.go": """package keep

// Keeper keeps what was last written to it: it breaks io.Writer's contract.
type Keeper struct{ Last []byte }

func (k *Keeper) Write(p []byte) (int, error) { k.Last = p; return len(p), nil }
""",
    "internal/mid/mid.go": """package mid

import (
	"io"

	"example.com/m/internal/keep"
)

// Default is the keep package's Keeper, one import away from its users.
var Default io.Writer = &keep.Keeper{}
""",
    "internal/fake/fake.go": """package fake

// Recorder is a test fake that keeps every slice written to it.
type Recorder struct{ Writes [][]byte }

func (r *Recorder) Write(p []byte) (int, error) { r.Writes = append(r.Writes, p); return len(p), nil }
""",
    "internal/peek/peek.go": """package peek

import "unsafe"

// Peek remembers the last line zero-copy: a pointer into p, not a byte of it.
type Peek struct{ Last string }

func (k *Peek) Write(p []byte) (int, error) {
	if len(p) > 0 {
		k.Last = unsafe.String(&p[0], len(p))
	}
	return len(p), nil
}
""",
    "internal/hook/hook.go": """package hook

// Hooks calls Write, a func field, not a method, with every line.
type Hooks struct{ Write func(p []byte) }

// Tee hands each line to its hook, which keeps it.
type Tee struct {
	H    Hooks
	Kept [][]byte
}

func New() *Tee {
	t := &Tee{}
	t.H.Write = func(p []byte) { t.Kept = append(t.Kept, p) }
	return t
}

func (t *Tee) Write(p []byte) (int, error) { t.H.Write(p); return len(p), nil }
""",
    "internal/copier/copier.go": """package copier

// Copier keeps the last slice written through its package's own copy, no builtin (adv41a).
type Copier struct{ Last []byte }

func (c *Copier) Write(p []byte) (int, error) { copy(c, p); return len(p), nil }

func copy(c *Copier, p []byte) { c.Last = p }
""",
    "internal/box/box.go": """package box

// Box keeps the last line written as its own bytes type.
type Box[T ~[]byte] struct{ Last T }

// Write keeps p as a T: its receiver names the type parameter string, so string(p) copies nothing (adv41b).
func (b *Box[string]) Write(p []byte) (int, error) { b.Last = string(p); return len(p), nil }
""",
    "internal/tap/tap.go": """package tap

// Tap's Read keeps the slice it is given; its Write hands p to that Read.
type Tap struct{ Buf []byte }

func (t *Tap) Read(p []byte) (int, error) { t.Buf = p; return len(p), nil }

func (t *Tap) Write(p []byte) (int, error) { return t.Read(p) }
""",
    "internal/wrap/wrap.go": """package wrap

import "io"

// Counter counts what it hands on to W: its Write leaks p, but only to another Write.
type Counter struct {
	W io.Writer
	N int
}

func (c *Counter) Write(p []byte) (int, error) {
	n, err := c.W.Write(p)
	c.N += n
	return n, err
}

// Chunker hands p on in pieces of at most 8 bytes.
type Chunker struct{ W io.Writer }

func (c Chunker) Write(p []byte) (int, error) {
	total := 0
	for len(p) > 0 {
		n, err := c.W.Write(p[:min(len(p), 8)])
		total += n
		if err != nil {
			return total, err
		}
		p = p[n:]
	}
	return total, nil
}
""",
}

# package -> (its imports, the rest of its code, its test file or "")
PACKAGES = {
    "keeps": (
        '\n\t"example.com/m/internal/keep"\n',
        "var K = &keep.Keeper{}\n\nfunc Line(word string) error { return WriteLine(K, word) }\n",
        "",
    ),
    "deep": (
        '\n\t"example.com/m/internal/mid"\n',
        "func Line(word string) error { return WriteLine(mid.Default, word) }\n",
        "",
    ),
    "faked": (
        "",
        "",
        """package faked

import (
	"strings"
	"testing"

	"example.com/m/internal/fake"
)

func TestLines(t *testing.T) {
	r := new(fake.Recorder)
	WriteLine(r, "a")
	WriteLine(r, "b")
	if got := string(r.Writes[0]); got != strings.Repeat("a", 20) {
		t.Fatalf("first write = %q", got)
	}
}
""",
    ),
    "ownfake": (
        "",
        "",
        """package ownfake

import (
	"strings"
	"testing"
)

type recorder struct{ writes [][]byte }

func (r *recorder) Write(p []byte) (int, error) { r.writes = append(r.writes, p); return len(p), nil }

func TestLines(t *testing.T) {
	r := new(recorder)
	WriteLine(r, "a")
	WriteLine(r, "b")
	if got := string(r.writes[0]); got != strings.Repeat("a", 20) {
		t.Fatalf("first write = %q", got)
	}
}
""",
    ),
    "owncopy": (
        "",
        "",
        """package owncopy

import "testing"

type recorder struct{ all []byte }

func (r *recorder) Write(p []byte) (int, error) { r.all = append(r.all, p...); return len(p), nil }

func TestLines(t *testing.T) {
	r := new(recorder)
	WriteLine(r, "a")
	WriteLine(r, "b")
	if len(r.all) != 40 || r.all[0] != 'a' {
		t.Fatalf("all = %q", r.all)
	}
}
""",
    ),
    "ownstring": (  # adv35a's b_test.go: string(p) copies p's bytes
        "",
        "",
        """package ownstring

import (
	"strings"
	"testing"
)

type recorder struct{ writes []string }

func (r *recorder) Write(p []byte) (int, error) { r.writes = append(r.writes, string(p)); return len(p), nil }

func TestLines(t *testing.T) {
	r := new(recorder)
	WriteLine(r, "a")
	WriteLine(r, "b")
	if r.writes[0] != strings.Repeat("a", 20) {
		t.Fatalf("first write = %q", r.writes[0])
	}
}
""",
    ),
    "ownshadow": (  # the same Write, but its own `string` keeps p
        "",
        "",
        """package ownshadow

import "testing"

type recorder struct{ writes [][]byte }

func (r *recorder) Write(p []byte) (int, error) {
	string := func(b []byte) []byte { return b }
	r.writes = append(r.writes, string(p))
	return len(p), nil
}

func TestLines(t *testing.T) {
	r := new(recorder)
	WriteLine(r, "a")
	WriteLine(r, "b")
	if got := r.writes[0]; len(got) != 20 || got[0] != 'a' {
		t.Fatalf("first write = %q", got)
	}
}
""",
    ),
    "peeked": (
        '\n\t"example.com/m/internal/peek"\n',
        "var K = &peek.Peek{}\n\nfunc Line(word string) error { return WriteLine(K, word) }\n",
        "",
    ),
    "hooked": (
        '\n\t"example.com/m/internal/hook"\n',
        "var K = hook.New()\n\nfunc Line(word string) error { return WriteLine(K, word) }\n",
        "",
    ),
    "copied": (
        '\n\t"example.com/m/internal/copier"\n',
        "var K = &copier.Copier{}\n\nfunc Line(word string) error { return WriteLine(K, word) }\n",
        "",
    ),
    "boxed": (
        '\n\t"example.com/m/internal/box"\n',
        "var K = &box.Box[[]byte]{}\n\nfunc Line(word string) error { return WriteLine(K, word) }\n",
        "",
    ),
    "tapped": (
        '\n\t"example.com/m/internal/tap"\n',
        "var K = &tap.Tap{}\n\nfunc Line(word string) error { return WriteLine(K, word) }\n",
        "",
    ),
    "wraps": (
        '\n\t"example.com/m/internal/wrap"\n',
        """func Count(w io.Writer, word string) (int, error) {
	c := &wrap.Counter{W: w}
	err := WriteLine(wrap.Chunker{W: c}, word)
	return c.N, err
}
""",
        "",
    ),
}
DECLINED = {
    "keeps": "keep.Keeper.Write of the main module breaks",
    "deep": "keep.Keeper.Write of the main module breaks",
    "faked": "fake.Recorder.Write of the main module breaks",
    # adv34g: an element's address is no byte read, a func field named Write no method, a Read no Write
    "peeked": "peek.Peek.Write of the main module breaks",
    "hooked": "hook.Tee.Write of the main module breaks",
    "tapped": "tap.Tap.Write of the main module breaks",
    "copied": "copier.Copier.Write of the main module breaks",
    "boxed": "box.(b *Box[string]).Write of the main module breaks",
    "ownfake": "the package's own (r *recorder).Write breaks (a fake of its tests, ownfake_test.go:10, keeps p)",
    "ownshadow": "(a fake of its tests, ownshadow_test.go:9, keeps p)",
}


def _files(prefix: str = "", pool: bool = False) -> dict[str, str]:
    files = dict(INTERNAL)
    for name, (imports, rest, test) in PACKAGES.items():
        source = WRITE_LINE.format(name=name, imports=imports) + "\n" + rest
        files[f"{prefix}{name}/{name}.go"] = _naive(source) if pool else source
        if test:
            files[f"{prefix}{name}/{name}_test.go"] = test
    return files


def _naive(source: str) -> str:
    """The line taken from a pool anyway: Get, deferred Put, no question of who keeps it."""
    source = source.replace(
        SITE, "\tarray := naiveLines.Get().(*[512]byte)\n\tdefer naiveLines.Put(array)\n\tline := array[:0]"
    )
    source = source.replace('\t"io"\n', '\t"io"\n\t"sync"\n', 1)
    return source + DETERMINISTIC_POOL + "\nvar naiveLines = &naivePool{New: func() any { return new([512]byte) }}\n"


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    found = proposals(module(tmp_path_factory.mktemp("mw"), _files()), RULE)
    return {pkg.rsplit("/", 1)[-1]: r for pkg, r in found.items()}


@pytest.mark.parametrize("case", sorted(DECLINED))
def test_a_writer_of_the_module_that_keeps_p_declines_the_pool(results, case):
    source = WRITE_LINE.format(name=case, imports=PACKAGES[case][0])
    result = proposal_at(results[case], source, SITE)
    assert not isinstance(result, Fix) and DECLINED[case] in result.reason, result


@pytest.mark.parametrize("case", ["wraps", "owncopy", "ownstring"])
def test_a_writer_that_hands_p_on_or_copies_it_does_not(results, case):
    result = proposal_at(results[case], WRITE_LINE.format(name=case, imports=PACKAGES[case][0]), SITE)
    assert isinstance(result, Fix), result


COMPARE = """package main

import (
	"fmt"

	"example.com/m/internal/fake"
	"example.com/m/internal/keep"
	"example.com/m/internal/mid"
	{alias}deep "example.com/m/{prefix}deep"
	{alias}faked "example.com/m/{prefix}faked"
	{alias}keeps "example.com/m/{prefix}keeps"
	{alias}hooked "example.com/m/{prefix}hooked"
	{alias}peeked "example.com/m/{prefix}peeked"
	{alias}tapped "example.com/m/{prefix}tapped"
	{alias}copied "example.com/m/{prefix}copied"
	{alias}boxed "example.com/m/{prefix}boxed"
)

func main() {
	{alias}keeps.Line("a")
	kept := {alias}keeps.K.Last
	{alias}keeps.Line("b")
	fmt.Println(string(kept))
	{alias}deep.Line("c")
	kept = mid.Default.(*keep.Keeper).Last
	{alias}deep.Line("d")
	fmt.Println(string(kept))
	r := new(fake.Recorder)
	{alias}faked.WriteLine(r, "e")
	{alias}faked.WriteLine(r, "f")
	fmt.Println(string(r.Writes[0]))
	{alias}peeked.Line("g")
	last := {alias}peeked.K.Last
	{alias}peeked.Line("h")
	fmt.Println(last)
	{alias}hooked.Line("i")
	{alias}hooked.Line("j")
	fmt.Println(string({alias}hooked.K.Kept[0]))
	{alias}tapped.Line("k")
	tapped := {alias}tapped.K.Buf
	{alias}tapped.Line("l")
	fmt.Println(string(tapped))
	{alias}copied.Line("m")
	copied := {alias}copied.K.Last
	{alias}copied.Line("n")
	fmt.Println(string(copied))
	{alias}boxed.Line("o")
	boxed := {alias}boxed.K.Last
	{alias}boxed.Line("p")
	fmt.Println(string(boxed))
}
"""


def test_the_naive_pool_of_each_declined_case_shows_its_caller_a_later_line(tmp_path, toolchain):
    root = module(tmp_path, {**_files("orig/"), **_files("naive/", pool=True)})
    values = []
    for prefix in ("orig", "naive"):
        main = COMPARE.replace("{alias}", prefix[0]).replace("{prefix}", prefix + "/")
        write_tree(root, {f"compare_{prefix}/main.go": main})
        ran = toolchain.run(["run", f"./compare_{prefix}"], str(root))
        assert ran.returncode == 0, ran.stderr.decode()
        values.append(ran.stdout.decode().split())
    assert values[0] == [c * 20 for c in "acegikmo"], values
    assert values[1] == [c * 20 for c in "bdfhjlnp"], values


def test_the_naive_pool_fails_the_test_of_a_package_whose_own_fake_keeps_p(tmp_path, toolchain):
    root = module(tmp_path, {**_files("orig/"), **_files("naive/", pool=True)})
    cases = ("ownfake", "owncopy", "ownstring", "ownshadow")
    packages = [f"./{prefix}/{case}" for prefix in ("orig", "naive") for case in cases]
    out = toolchain.run(["test", "-count=1", *packages], str(root)).stdout.decode()
    failed = re.findall(r"^FAIL\s+example.com/m/(\S+)", out, re.M)
    passed = re.findall(r"^ok\s+example.com/m/(\S+)", out, re.M)
    assert sorted(failed) == ["naive/ownfake", "naive/ownshadow"], out
    assert sorted(passed) == sorted({f"orig/{c}" for c in cases} | {"naive/owncopy", "naive/ownstring"}), out


ALLOCS = """package wraps

import (
	"io"
	"testing"
)

func TestAllocs(t *testing.T) {
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Count(io.Discard, "abc") }))
}
"""


def test_the_wrapped_line_is_pooled_and_one_allocation_goes(tmp_path):
    """AllocsPerRun of Count under go1.24.11 and go1.27.3: 4 before, 3 after the verified fix (the line)."""
    root = module(tmp_path, {**_files(), "wraps/wraps_test.go": ALLOCS})
    newest, older = releases()

    def allocs() -> list[float]:
        found = []
        for toolchain in (older, newest):
            done = toolchain.run(["test", "-count=1", "-v", "./wraps"], str(root))
            assert done.returncode == 0, done.stdout.decode() + done.stderr.decode()
            found += [float(a) for a in re.findall(r"allocs=(\S+)", done.stdout.decode())]
        return found

    assert allocs() == [4, 4]
    done = gorewrite(
        "fix", "--rule", "sync-pool", "--toolchain", older.version, "--toolchain", newest.version, "./wraps", cwd=root
    )
    assert done.returncode == 0 and "1 applied" in done.stderr, done.stderr
    assert allocs() == [3, 3]
