"""make-const's array from `new([K]T)`, tried where verification rejects the named one (`var sBuf [K]T`): the
same zeroed array each time the statement runs, sliced the same, in fewer nodes, so a small function the
compiler inlined on go1.24.11 may stay within its budget of 80 (make-const-search `AppendBlock`: 82 named, 77
unnamed; two arrays of one statement: 87 and 77; make-const-geo `CommonPrefix`, in build-variant's `!go1.25`
copy: 85 named, 80 unnamed). A function still too costly that way stays rejected. The cheaper `[:n]`, two nodes
fewer again, gives the slice the array's capacity: it is offered only where the make has no capacity of its own
and the variable it declares shows its capacity to no code (gorewrite/capacity.py: indexed, ranged over, len, copy,
string, spread into an append); elsewhere each naive `[:n]` below changes what the program prints (an append in
place, a reslice, cap, a callee, a copy of the header, a lost panic, an argument's make, a variadic callee)."""

from __future__ import annotations

from conftest import OLDER, edited, module, proposals_by_case, releases
from conftest import in_process as gorewrite

from gorewrite.rules.make_const import RULE

INDEX = """package index

import (
	"encoding/binary"
	"errors"
)

// BlockSize is the number of doc ids in one posting block.
const BlockSize = 128

var errBlock = errors.New("index: block too large")

// AppendBlock appends a block of increasing doc ids as delta varints.
func AppendBlock(dst []byte, docs []uint32) ([]byte, error) {
	if len(docs) > BlockSize {
		return dst, errBlock
	}
	deltas := make([]uint32, len(docs))
	prev := uint32(0)
	for i, d := range docs {
		deltas[i] = d - prev
		prev = d
	}
	for _, d := range deltas {
		dst = binary.AppendUvarint(dst, uint64(d))
	}
	return dst, nil
}

// Walk returns the leading bytes of a that a walk over the grid of a and b, b at most 15 long, reaches.
func Walk(a, b []byte) string {
	if len(b) > 15 {
		return ""
	}
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for i := range a {
		cur[0] = i + 1
		for j := range b {
			cur[j+1] = max(prev[j], cur[j])
		}
		prev, cur = cur, prev
	}
	return string(a[:prev[len(b)]])
}

// Marked returns the first of a block's ids after appending a sentinel to a copy and marking the copy's first.
func Marked(docs []uint32) uint32 {
	if len(docs) == 0 || len(docs) > BlockSize {
		return 0
	}
	ids := make([]uint32, len(docs))
	copy(ids, docs)
	ext := append(ids, 0)
	ids[0] = 1 << 31
	return ext[0]
}
"""

INDEX_TEST = """package index

import "testing"

func TestSame(t *testing.T) {
	out, err := AppendBlock(nil, []uint32{3, 5, 300})
	if err != nil || string(out) != "\\x03\\x02\\xa7\\x02" {
		t.Fatalf("AppendBlock: %q %v", out, err)
	}
	if got := Walk([]byte("abcdef"), []byte("xyz")); got != "abcdef" {
		t.Fatalf("Walk: %q", got)
	}
	if got := Marked([]uint32{7, 8}); got != 7 {
		t.Fatalf("Marked: %d", got)
	}
}

func TestAllocs(t *testing.T) {
	docs := make([]uint32, BlockSize)
	for i := range docs {
		docs[i] = uint32(3 * i)
	}
	dst := make([]byte, 0, 4096)
	if got := testing.AllocsPerRun(100, func() { AppendBlock(dst, docs) }); got != 0 {
		t.Errorf("AppendBlock: %v allocations", got)
	}
	a, b := []byte("abcdef"), []byte("0123456789abcde")
	if got := testing.AllocsPerRun(100, func() { Walk(a, b) }); got != 0 {
		t.Errorf("Walk: %v allocations", got)
	}
}
"""


def test_an_array_from_new_keeps_a_function_inlinable_where_the_named_one_is_rejected(tmp_path):
    root = module(tmp_path, {"index/index.go": INDEX, "index/index_test.go": INDEX_TEST})
    newest, older = releases()
    for toolchain in (newest, older):
        done = toolchain.run(["test", "-count=1", "-run", "TestSame", "./index"], str(root))
        assert done.returncode == 0, done.stdout
        before = toolchain.run(["test", "-count=1", "-run", "TestAllocs", "./index"], str(root))
        assert b"AppendBlock: 1 allocations" in before.stdout, (toolchain.version, before.stdout)
        assert b"Walk: 2 allocations" in before.stdout, (toolchain.version, before.stdout)

    done = gorewrite("fix", "-v", "--rule", "make-const", "--toolchain", OLDER, "--toolchain", newest.version, cwd=root)
    assert done.returncode == 0, done.stderr
    assert (
        "applied  index/index.go:18: give make([]uint32, len(docs)) a 128-element stack array (512 bytes) "
        "from new([128]uint32), its capacity seen by no code: the code bounds it"
    ) in done.stderr, done.stderr
    rewritten = (root / "index/index.go").read_text()
    assert "deltas := new([128]uint32)[:len(docs)]\n" in rewritten, rewritten  # only indexed and ranged over
    # two arrays of one statement, in one fix: named, 87 of 80; from new, 77
    assert "prev, cur := new([16]int)[:len(b)+1:len(b)+1], new([16]int)[:len(b)+1:len(b)+1]\n" in rewritten
    assert "ids := idsBuf[:len(docs):len(docs)]\n" in rewritten, rewritten  # not inlined before: named
    for toolchain in (newest, older):
        done = toolchain.run(["test", "-count=1", "./index"], str(root))
        assert done.returncode == 0, (toolchain.version, done.stdout)
    inlined = older.run(["build", "-gcflags=-m", "./index"], str(root))
    assert b"can inline AppendBlock" in inlined.stderr and b"can inline Walk" in inlined.stderr, inlined.stderr

    # the named array, as lead wrote it: AppendBlock no longer inlines on go1.24.11
    named = rewritten.replace(
        "deltas := new([128]uint32)[:len(docs)]",
        "var deltasBuf [128]uint32\n\tdeltas := deltasBuf[:len(docs):len(docs)]",
    )
    (root / "index/index.go").write_text(named)
    inlined = older.run(["build", "-gcflags=-m=2", "./index"], str(root))
    assert b"cannot inline AppendBlock: function too complex: cost 82 exceeds budget 80" in inlined.stderr

    # the naive cheaper slicing, `[:n]`, gives Marked's copy the array's capacity: append writes into the array
    # instead of reallocating, and the mark reaches the appended slice
    naive = rewritten.replace("ids := idsBuf[:len(docs):len(docs)]", "ids := idsBuf[:len(docs)]")
    (root / "index/index.go").write_text(naive)
    for toolchain in (newest, older):
        done = toolchain.run(["test", "-count=1", "-run", "TestSame", "./index"], str(root))
        assert done.returncode != 0 and b"Marked: 2147483648" in done.stdout, (toolchain.version, done.stdout)


GEO = """package geo

// Precision is the longest geohash the API accepts.
const Precision = 12

// CommonPrefix returns the longest prefix all hashes share: the cell covering them all.
func CommonPrefix(hashes []string) string {
	if len(hashes) == 0 {
		return ""
	}
	first := hashes[0]
	n := len(first)
	if n > Precision {
		n = Precision
	}
	prefix := make([]byte, n)
	copy(prefix, first)
	for _, h := range hashes[1:] {
		i := 0
		for i < len(prefix) && i < len(h) && prefix[i] == h[i] {
			i++
		}
		prefix = prefix[:i]
	}
	return string(prefix)
}

// Steps counts the moves of a shortest monotone path through a grid of len(a)+1 by len(b)+1 points, b at most 3.
func Steps(a, b []byte) int {
	if len(b) > 3 {
		return -1
	}
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for i := range a {
		cur[0] = i + 1
		for j := range b {
			cur[j+1] = min(prev[j+1], cur[j]) + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
"""

GEO_TEST = """package geo

import "testing"

func TestSame(t *testing.T) {
	if got := CommonPrefix([]string{"u4pruydqqvj", "u4pruyd", "u4prv"}); got != "u4pr" {
		t.Fatalf("CommonPrefix: %q", got)
	}
	if got := Steps([]byte("ab"), []byte("xyz")); got != 2 {
		t.Fatalf("Steps: %d", got)
	}
}

func TestAllocs(t *testing.T) {
	hashes := []string{"u4pruydqqvjx", "u4pruydqqvjy"}
	if got := testing.AllocsPerRun(100, func() { CommonPrefix(hashes) }); got != 0 {
		t.Errorf("CommonPrefix: %v allocations", got)
	}
	a, b := []byte("abcdef"), []byte("xyz")
	if got := testing.AllocsPerRun(100, func() { Steps(a, b) }); got != 0 {
		t.Errorf("Steps: %v allocations", got)
	}
}
"""


def test_build_variant_takes_the_arrays_from_new_where_the_named_ones_stop_its_functions_inlining(tmp_path):
    """Both functions inline on go1.24.11 as written; their `!go1.25` copies with named arrays do not (CommonPrefix
    85 of 80, Steps' two arrays of one statement 88), with arrays from `new` they do (80, 78)."""
    root = module(tmp_path, {"geo/geo.go": GEO, "geo/geo_test.go": GEO_TEST})
    newest, older = releases()
    before = older.run(["test", "-count=1", "./geo"], str(root))
    assert b"CommonPrefix: 1 allocations" in before.stdout and b"Steps: 2 allocations" in before.stdout, before.stdout

    done = gorewrite("fix", "-v", "--toolchain", OLDER, "--toolchain", newest.version, cwd=root)
    assert done.returncode == 0, done.stderr
    assert "build-variant: 1 applied, 0 declined, 0 rejected by verification" in done.stderr, done.stderr
    assert "applied  geo/geo.go:16: move CommonPrefix, Steps to geo_prego125.go" in done.stderr, done.stderr
    older_side = (root / "geo/geo_prego125.go").read_text()
    assert "prefix := new([12]byte)[:n:n]\n" in older_side, older_side
    assert "prev, cur := new([4]int)[:len(b)+1:len(b)+1], new([4]int)[:len(b)+1:len(b)+1]\n" in older_side
    for toolchain in (newest, older):
        done = toolchain.run(["test", "-count=1", "./geo"], str(root))
        assert done.returncode == 0, (toolchain.version, done.stdout)
    inlined = older.run(["build", "-gcflags=-m", "./geo"], str(root))
    assert b"can inline CommonPrefix" in inlined.stderr and b"can inline Steps" in inlined.stderr, inlined.stderr


# case -> (Go source of package <case>, the first alternative's slicing of the make). Each array is 16 int64s (128
# bytes): above go1.25's 32-byte buffer, so every release keeps the exact fix.
CAPACITY = {
    "unseen": (
        """package unseen

// Sum doubles the first n values and adds them up with their count: index, range, len, copy and a spread.
func Sum(src []int64, n int) int64 {
	if n <= 0 || n > 16 {
		return 0
	}
	d := make([]int64, n)
	copy(d, src)
	for i := range d {
		d[i] *= 2
	}
	var t int64
	for _, v := range append([]int64{1}, d...) {
		t += v
	}
	return t + int64(len(d))
}
""",
        "d := new([16]int64)[:n]\n",
    ),
    "written": (
        """package written

// Upper returns the first n bytes of src upper-cased: a string conversion reads the elements, and a write of the
// variable leaves the slice it held out of reach, so neither sees a capacity.
func Upper(src string, n int) (string, int) {
	if n <= 0 || n > 64 {
		return "", 0
	}
	b := make([]byte, n)
	copy(b, src)
	for i := range b {
		if 'a' <= b[i] && b[i] <= 'z' {
			b[i] -= 'a' - 'A'
		}
	}
	upper := string(b)
	b = nil
	return upper, len(b)
}
""",
        "b := new([64]byte)[:n]\n",
    ),
    "whole": (
        """package whole

// Upper renders the first 40 bytes of an id in upper-case hex. Every path gives the make 80 bytes, so the array is
// sliced whole: `[:]` says what `[:n]` would, in fewer nodes.
func Upper(id []byte) string {
	n := 40
	if len(id) < n {
		return ""
	}
	b := make([]byte, 2*n)
	for i := range b {
		b[i] = "0123456789ABCDEF"[id[i/2]>>(4*(1-i%2))&0xf]
	}
	return string(b)
}
""",
        "b := new([80]byte)[:]\n",
    ),
    "appended": (
        """package appended

// Marked appends a sentinel to a copy, marks the copy's first and returns the appended slice's first.
func Marked(src []int64) int64 {
	if len(src) == 0 || len(src) > 16 {
		return 0
	}
	ids := make([]int64, len(src))
	copy(ids, src)
	ext := append(ids, 0)
	ids[0] = -1
	return ext[0]
}

func Probe() any { return Marked([]int64{7, 8}) }
""",
        "ids := new([16]int64)[:len(src):len(src)]\n",
    ),
    "resliced": (
        """package resliced

// Refill writes three values from the start of an emptied view of a zeroed row and returns the row's first.
func Refill(n int) int64 {
	if n <= 0 || n > 16 {
		return 0
	}
	row := make([]int64, n)
	view := append(row[:0], 5, 6, 7)
	return row[0] + view[0] - 5
}

func Probe() any { return Refill(2) }
""",
        "row := new([16]int64)[:n:n]\n",
    ),
    "capped": (
        """package capped

// Room says how many values a scratch row holds.
func Room(n int) int {
	if n <= 0 || n > 16 {
		return 0
	}
	row := make([]int64, n)
	row[0] = 1
	return cap(row)
}

func Probe() any { return Room(3) }
""",
        "row := new([16]int64)[:n:n]\n",
    ),
    "passed": (
        """package passed

func room(s []int64) int { return cap(s) }

// Room asks a helper how many values a scratch row holds.
func Room(n int) int {
	if n <= 0 || n > 16 {
		return 0
	}
	row := make([]int64, n)
	row[0] = 1
	return room(row)
}

func Probe() any { return Room(3) }
""",
        "row := new([16]int64)[:n:n]\n",
    ),
    "copied": (
        """package copied

// Room reads a copy of a scratch row's header.
func Room(n int) int {
	if n <= 0 || n > 16 {
		return 0
	}
	row := make([]int64, n)
	other := row
	other[0] = 1
	return cap(other)
}

func Probe() any { return Room(3) }
""",
        "row := new([16]int64)[:n:n]\n",
    ),
    "capacity_given": (
        """package capacity_given

// Fill sets n of a row of capacity m to one; make panics for n above m.
func Fill(n, m int) (filled int, panicked bool) {
	defer func() { panicked = recover() != nil }()
	if m <= 0 || m > 16 {
		return 0, false
	}
	row := make([]int64, n, m)
	for i := range row {
		row[i] = 1
	}
	return len(row), false
}

func Probe() any { _, p := Fill(5, 2); return p }
""",
        "row := new([16]int64)[:n:m]\n",
    ),
    "in_statement": (
        """package in_statement

func mark(s []int64) []int64 {
	t := append(s, 0)
	s[0] = -1
	return t
}

// First returns the first of a marked zero row with one more value.
func First(n int) int64 {
	if n <= 0 || n > 16 {
		return 0
	}
	scratch := mark(make([]int64, n)) // the name the array of an argument's make takes: not the make's variable
	return scratch[0]
}

func Probe() any { return First(2) }
""",
        "new([16]int64)[:n:n]",
    ),
    "reassigned": (
        """package reassigned

// Fill reuses its parameter for a zeroed row of n values: a write that declares nothing keeps `[:n:n]`.
func Fill(row []int64, n int) int {
	if n <= 0 || n > 16 {
		return 0
	}
	row = make([]int64, n)
	row[0] = 1
	return len(row)
}
""",
        "row = new([16]int64)[:n:n]\n",
    ),
    "spread": (
        """package spread

func room(xs ...int64) int { return cap(xs) }

// Room hands a scratch row to a variadic helper, which receives the slice itself.
func Room(n int) int {
	if n <= 0 || n > 16 {
		return 0
	}
	row := make([]int64, n)
	row[0] = 1
	return room(row...)
}

func Probe() any { return Room(3) }
""",
        "row := new([16]int64)[:n:n]\n",
    ),
}

# The naive `[:n]` for each must-keep case: its probe returns another value (a panic lost, an append in place).
NAIVE_CAPACITY = {
    "appended": ("ids := make([]int64, len(src))", "ids := new([16]int64)[:len(src)]"),
    "resliced": ("row := make([]int64, n)", "row := new([16]int64)[:n]"),
    "capped": ("row := make([]int64, n)", "row := new([16]int64)[:n]"),
    "passed": ("row := make([]int64, n)", "row := new([16]int64)[:n]"),
    "copied": ("row := make([]int64, n)", "row := new([16]int64)[:n]"),
    "capacity_given": ("row := make([]int64, n, m)", "row := new([16]int64)[:n]"),
    "in_statement": ("scratch := mark(make([]int64, n))", "scratch := mark(new([16]int64)[:n])"),
    "spread": ("row := make([]int64, n)", "row := new([16]int64)[:n]"),
}

PROBES = """package main

import (
	"fmt"

	"example.com/m/appended"
	"example.com/m/capacity_given"
	"example.com/m/capped"
	"example.com/m/copied"
	"example.com/m/in_statement"
	"example.com/m/passed"
	"example.com/m/resliced"
	"example.com/m/spread"
)

func main() {
	fmt.Println(appended.Probe(), resliced.Probe(), capped.Probe(), passed.Probe(), copied.Probe(),
		capacity_given.Probe(), in_statement.Probe(), spread.Probe())
}
"""


def test_the_array_from_new_takes_the_arrays_capacity_only_where_no_code_sees_a_capacity(tmp_path):
    found = proposals_by_case(tmp_path / "cases", RULE, {name: source for name, (source, _) in CAPACITY.items()})
    for name, (source, slicing) in CAPACITY.items():
        (fix,) = found[name]
        assert not fix.speculative and slicing in edited(source, fix.instead[0]), (name, edited(source, fix.instead[0]))

    # each naive `[:n]` changes what the program prints
    newest, _ = releases()
    files = {"main.go": PROBES}
    files |= {f"{name}/{name}.go": CAPACITY[name][0] for name in NAIVE_CAPACITY}
    root = module(tmp_path / "naive", files)
    before = newest.run(["run", "."], str(root))
    expected = b"7 0 3 3 3 true 0 3\n"
    assert before.returncode == 0 and before.stdout == expected, before.stdout
    for name, (old, new) in NAIVE_CAPACITY.items():
        path = root / name / f"{name}.go"
        source = path.read_text()
        assert old in source, name
        path.write_text(source.replace(old, new))
        after = newest.run(["run", "."], str(root))
        assert after.returncode == 0 and after.stdout != expected, (name, after.stdout, expected)
        path.write_text(source)
