"""make-const keeps behaviour: the same len, cap, growth and panics before and after, run by go test.

The golden cases show the rewrite compiles and stays on the stack; this runs it on the sizes
where a wrong guard would show: negative, zero, at and around K, beyond it, cap below len.
"""

from __future__ import annotations

import subprocess

from conftest import in_process as gorewrite  # main(argv): test_cli runs python -m gorewrite
from conftest import module, releases

SHAPES = """package shape

import "fmt"

// One makes a slice of n elements and reports what a caller would see.
func One(n int) (l, c, grown int, panicked string) {
	defer func() {
		if r := recover(); r != nil {
			panicked = fmt.Sprint(r)
		}
	}()
	s := make([]int64, n)
	l, c = len(s), cap(s)
	s = append(s, 1)
	return l, c, cap(s), ""
}

// Two makes a slice with a length and a capacity.
func Two(n, m int) (l, c, grown int, panicked string) {
	defer func() {
		if r := recover(); r != nil {
			panicked = fmt.Sprint(r)
		}
	}()
	s := make([]int64, n, m)
	l, c = len(s), cap(s)
	s = append(s, 1)
	return l, c, cap(s), ""
}

// Reserve makes room for an expression's worth of bytes, evaluated once.
func Reserve(xs []int, calls *int) (l, c int, zero bool) {
	size := func() int { *calls++; return len(xs)*3 - 2 }
	var b []byte
	b = make([]byte, 0, max(size(), 0))
	l, c = len(b), cap(b)
	b = b[:c]
	zero = true
	for _, x := range b {
		zero = zero && x == 0
	}
	return l, c, zero
}
"""

TABLE = """package shape

import (
	"fmt"
	"testing"
)

func TestTable(t *testing.T) {
	sizes := []int{-1, 0, 1, 3, 4, 5, 31, 32, 33, 63, 64, 65, 1000}
	for _, n := range sizes {
		fmt.Println("one", n, fmt.Sprint(One(n)))
		for _, m := range sizes {
			fmt.Println("two", n, m, fmt.Sprint(Two(n, m)))
		}
	}
	for _, k := range []int{0, 1, 2, 50, 100, 500} {
		calls := 0
		l, c, zero := Reserve(make([]int, k), &calls)
		fmt.Println("reserve", k, l, c, zero, calls)
	}
}
"""


def go_test(root, go):
    done = subprocess.run(
        [go, "test", "-count=1", "-run", "TestTable", "-v", "./shape"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return [line for line in done.stdout.splitlines() if line.startswith(("one", "two", "reserve"))]


def test_rewritten_makes_behave_exactly_as_before(tmp_path, toolchain):
    root = module(tmp_path, {"shape/shape.go": SHAPES, "shape/shape_test.go": TABLE})
    before = go_test(root, toolchain.go)
    held = gorewrite("fix", "--rule", "make-const", cwd=root)
    assert "make-const: 0 applied" in held.stderr and "3 speculative held back (--speculative)" in held.stderr
    assert (root / "shape/shape.go").read_text() == SHAPES, "no bound, no rewrite without --speculative"
    done = gorewrite("fix", "--rule", "make-const", "--stack-budget", "256", "--speculative", cwd=root)
    assert done.returncode == 0, done.stderr
    assert "make-const: 3 applied (3 speculative)" in done.stderr, done.stderr
    rewritten = (root / "shape/shape.go").read_text()
    assert rewritten.count("// on the stack up to") == 3
    assert go_test(root, toolchain.go) == before
    assert len(before) == 13 + 13 * 13 + 6


BOUNDED = """package bounded

import (
	"fmt"
	"runtime"
)

const maxItems = 24

// One makes n elements after a guard that lets negative sizes through to make.
func One(n int) (l, c, grown int, zero bool, panicked string) {
	defer func() {
		if r := recover(); r != nil {
			_, ok := r.(runtime.Error)
			panicked = fmt.Sprint("runtime.Error ", ok)
		}
	}()
	if n > maxItems {
		return 0, 0, 0, false, "refused"
	}
	s := make([]int64, n)
	zero = true
	for _, v := range s {
		zero = zero && v == 0
	}
	l, c = len(s), cap(s)
	s = append(s, 1)
	return l, c, cap(s), zero, ""
}

// Two makes a slice with a length and a bounded capacity.
func Two(n, m int) (l, c, grown int, panicked string) {
	defer func() {
		if r := recover(); r != nil {
			_, ok := r.(runtime.Error)
			panicked = fmt.Sprint("runtime.Error ", ok)
		}
	}()
	if m > maxItems {
		return 0, 0, 0, "refused"
	}
	s := make([]int64, n, m)
	l, c = len(s), cap(s)
	s = append(s, 1)
	return l, c, cap(s), ""
}

// Fill makes n elements, fills and sums them: what a hot path does with its scratch slice.
func Fill(n int) int64 {
	if n < 0 || n > maxItems {
		return -1
	}
	s := make([]int64, n)
	var total int64
	for i := range s {
		s[i] = int64(i)
		total += s[i]
	}
	return total
}

// Key sizes a scratch key by the very expression its guard bounds.
func Key(a, b string) int {
	if len(a)+len(b) > 2*maxItems {
		return -1
	}
	k := make([]byte, 0, len(a)+len(b))
	k = append(k, a...)
	k = append(k, b...)
	return len(k) + cap(k)
}

// Slot sizes a row by a mask: at most 15 elements for every h.
func Slot(h int) int64 {
	row := make([]int64, h&15)
	var total int64
	for i := range row {
		row[i] = int64(i)
		total += row[i]
	}
	return total + int64(cap(row))
}

// Scaled sizes as base58 decoders do, (len(s)-skip)*733/1000+1, at most 71 after the guard: a skip past
// len(s) makes it negative, which panics in make and in the array's slicing alike.
func Scaled(s string, skip int) (l int, panicked string) {
	defer func() {
		if r := recover(); r != nil {
			_, ok := r.(runtime.Error)
			panicked = fmt.Sprint("runtime.Error ", ok)
		}
	}()
	if len(s) > 4*maxItems || skip < 0 || skip > 8 {
		return 0, "refused"
	}
	size := (len(s)-skip)*733/1000 + 1
	buf := make([]byte, size)
	for i := range buf {
		buf[i] = byte(i)
	}
	return len(buf) + cap(buf), ""
}

// slots is how many lanes a record kind needs.
func slots(kind int) int {
	switch kind {
	case 1:
		return 8
	case 4, 5:
		return maxItems
	}
	return 0
}

// Kinded sizes its lanes by slots' returns: the call runs once, where the make was.
func Kinded(kind int) int64 {
	lanes := make([]int64, slots(kind))
	var total int64
	for i := range lanes {
		lanes[i] = int64(i)
		total += lanes[i]
	}
	return total + int64(cap(lanes))
}

// Prefixes joins each prefix of a six-part path: i indexes the array, so i+1 is at most 6.
func Prefixes(parts [6]string) int {
	t := 0
	for i := range parts {
		b := make([]string, i+1)
		copy(b, parts[:i+1])
		t += len(b) + cap(b) + len(b[i])
	}
	return t
}

// Reuse makes the slice again on each pass and dirties it: each pass must see zeros.
func Reuse(n int) bool {
	if n < 0 || n > maxItems {
		return false
	}
	zero := true
	for pass := 0; pass < 3; pass++ {
		s := make([]int64, n)
		for i := range s {
			zero = zero && s[i] == 0
			s[i] = 7
		}
	}
	return zero
}
"""

BOUNDED_TABLE = """package bounded

import (
	"fmt"
	"strings"
	"testing"
)

func TestBoundedTable(t *testing.T) {
	sizes := []int{-1, 0, 1, 4, 5, 23, 24, 25, 1000}
	for _, n := range sizes {
		fmt.Println("one", n, fmt.Sprint(One(n)))
		fmt.Println("reuse", n, Reuse(n), Fill(n), Slot(n), Key(strings.Repeat("a", max(n, 0)), "b"), Kinded(n))
		fmt.Println("scaled", n, fmt.Sprint(Scaled(strings.Repeat("a", max(n, 0)), 8)))
		for _, m := range sizes {
			fmt.Println("two", n, m, fmt.Sprint(Two(n, m)))
		}
	}
}

func TestNoAllocationInRange(t *testing.T) {
	parts := [6]string{"usr", "local", "share", "go", "src", "runtime"}
	fmt.Println("prefixes", Prefixes(parts))
	if got := testing.AllocsPerRun(100, func() { Prefixes(parts) }); got != 0 {
		t.Errorf("Prefixes: %v allocations", got)
	}
	for n := 0; n <= maxItems; n++ {
		if got := testing.AllocsPerRun(100, func() { Fill(n) }); got != 0 {
			t.Errorf("Fill(%d): %v allocations", n, got)
		}
		if got := testing.AllocsPerRun(100, func() { Reuse(n) }); got != 0 {
			t.Errorf("Reuse(%d): %v allocations", n, got)
		}
		if got := testing.AllocsPerRun(100, func() { Slot(n) }); got != 0 {
			t.Errorf("Slot(%d): %v allocations", n, got)
		}
		if got := testing.AllocsPerRun(100, func() { Kinded(n) }); got != 0 {
			t.Errorf("Kinded(%d): %v allocations", n, got)
		}
		a := strings.Repeat("a", n)
		if got := testing.AllocsPerRun(100, func() { Key(a, a) }); got != 0 {
			t.Errorf("Key(%d): %v allocations", n, got)
		}
		a4 := strings.Repeat(a, 4)
		if got := testing.AllocsPerRun(100, func() { Scaled(a4, 0) }); got != 0 {
			t.Errorf("Scaled(%d): %v allocations", 4*n, got)
		}
	}
}
"""


def run_table(root, toolchain, test, package="./bounded"):
    done = toolchain.run(["test", "-count=1", "-run", test, "-v", package], str(root))
    output = done.stdout.decode() + done.stderr.decode()
    return (
        done.returncode,
        [line for line in output.splitlines() if line.startswith(("one", "two", "reuse", "scaled"))],
        output,
    )


def test_a_proven_bound_keeps_len_cap_zeros_and_panics_without_allocating(tmp_path):
    """`var a [K]T; s := a[:n:n]` against make: the same len, cap, growth and zeroed contents, a
    runtime.Error panic for exactly the same sizes (the message differs: a slice bound, not
    makeslice; Scaled's size may be negative, its interval is [-4, 71]), and no allocation for any
    size the bound admits under go1.24.11 and go1.27.3."""
    root = module(tmp_path, {"bounded/bounded.go": BOUNDED, "bounded/bounded_test.go": BOUNDED_TABLE})
    newest, older = releases()
    code, before, output = run_table(root, newest, "TestBoundedTable")
    assert code == 0, output
    for toolchain in (newest, older):
        code, _, output = run_table(root, toolchain, "TestNoAllocationInRange")
        assert code != 0 and "allocations" in output, f"{toolchain.version} allocated nothing before the rewrite"
    alone = gorewrite("fix", "--dry-run", "--rule", "make-const", cwd=root)  # go1.27.3 alone: `does not escape` before
    assert alone.returncode == 1 and "make-const: 9 verified, 0 declined" in alone.stderr, alone.stderr
    done = gorewrite(
        "fix", "--rule", "make-const", "--toolchain", older.version, "--toolchain", newest.version, cwd=root
    )
    assert done.returncode == 0, done.stderr
    assert "make-const: 9 applied, 0 declined" in done.stderr, done.stderr
    rewritten = (root / "bounded/bounded.go").read_text()
    assert "make(" not in rewritten and rewritten.count("Buf [24]int64") == 5, rewritten
    assert "lanesN := slots(kind)\n\tvar lanesBuf [24]int64\n\tlanes := lanesBuf[:lanesN:lanesN]" in rewritten
    assert "var bBuf [6]string" in rewritten, rewritten
    assert "kBuf [48]byte" in rewritten and "rowBuf [15]int64" in rewritten, rewritten
    assert "bufBuf [71]byte" in rewritten, rewritten  # (96-0)*733/1000+1
    code, after, output = run_table(root, newest, "TestBoundedTable")
    assert code == 0 and after == before, output
    assert len(before) == 9 * 3 + 9 * 9
    assert any("runtime.Error true" in line for line in before), "the table must reach the panics"
    assert "scaled 4 0runtime.Error true" in before, "a negative scaled size panics, before and after"
    for toolchain in (newest, older):
        code, _, output = run_table(root, toolchain, "TestNoAllocationInRange")
        assert code == 0, f"{toolchain.version}: {output}"


RETURNED = """package ids

const maxIDs = 16

// Range returns the IDs from 0 to n-1; callers keep the slice.
func Range(n int) []int64 {
	if n > maxIDs {
		return nil
	}
	ids := make([]int64, n)
	for i := range ids {
		ids[i] = int64(i)
	}
	return ids
}
"""


def test_an_array_the_compiler_moves_to_the_heap_is_rejected(tmp_path):
    """go1.24 says `escapes to heap` of every variable-size make, so the bound is proposed even where the
    slice is returned; the compiler then says `moved to heap` of the array, a new escape: rejected."""
    root = module(tmp_path, {"ids/ids.go": RETURNED})
    _, older = releases()
    done = gorewrite("fix", "--dry-run", "--rule", "make-const", "--toolchain", older.version, cwd=root)
    assert done.returncode == 0 and done.stdout == "", done.stdout
    assert "make-const: 0 verified, 0 declined, 1 rejected" in done.stderr, done.stderr
    assert "the rewrite adds an escape: `moved to heap: idsBuf`" in done.stderr, done.stderr


RANGED = """package ranged

// Prefixes sums each prefix of the first n weights: a range over an int (go1.22) after a guard.
func Prefixes(w [64]int64, n int) int64 {
	if n > 64 {
		return -1
	}
	var t int64
	for i := range n {
		p := make([]int64, i+1)
		copy(p, w[:])
		for _, v := range p {
			t += v
		}
	}
	return t
}

// Body copies a frame's body: its length less a 4-byte header, for lengths 4 to 1000.
func Body(frame []byte, n uint32) int {
	if n < 4 || n > 1000 {
		return -1
	}
	b := make([]byte, int(n-4))
	return copy(b, frame) + len(b)
}

func fields(p []byte) int {
	if len(p) > 40 {
		return 40
	}
	return len(p)
}

// Fields widens the first 40 bytes of a record: a callee bounded through its parameter.
func Fields(rec []byte) int64 {
	f := make([]int64, fields(rec))
	var t int64
	for i := range f {
		f[i] = int64(rec[i])
		t += f[i]
	}
	return t
}
"""
RANGED_TABLE = """package ranged

import (
	"fmt"
	"testing"
)

func TestRangedTable(t *testing.T) {
	var w [64]int64
	for i := range w {
		w[i] = int64(i + 1)
	}
	frame := make([]byte, 1200)
	for _, n := range []int{-1, 0, 1, 5, 63, 64, 65} {
		fmt.Println("ranged", n, Prefixes(w, n))
	}
	for _, n := range []uint32{0, 3, 4, 5, 999, 1000, 1001, 1 << 31, 1<<32 - 1} {
		fmt.Println("ranged", n, Body(frame, n))
	}
	for _, n := range []int{0, 1, 39, 40, 41, 1000} {
		fmt.Println("ranged", n, Fields(frame[:n]))
	}
}

func TestRangedAllocations(t *testing.T) {
	var w [64]int64
	frame := make([]byte, 1200)
	for _, n := range []int{5, 64} {
		if got := testing.AllocsPerRun(100, func() { Prefixes(w, n) }); got != 0 {
			t.Errorf("Prefixes(%d): %v allocations", n, got)
		}
	}
	for _, n := range []uint32{40, 1000} {
		if got := testing.AllocsPerRun(100, func() { Body(frame, n) }); got != 0 {
			t.Errorf("Body(%d): %v allocations", n, got)
		}
	}
	if got := testing.AllocsPerRun(100, func() { Fields(frame) }); got != 0 {
		t.Errorf("Fields: %v allocations", got)
	}
}
"""


def test_a_range_over_an_int_an_unsigned_difference_and_a_clamping_callee_keep_behaviour_on_386(tmp_path):
    """The three bounds adv32d found held back (i below a guarded n in `range n`, int(n-4) of a uint32 n in
    4..1000, a callee clamping its parameter's length to 40): exact arrays, the same results on amd64 and 386
    (int is 32 bits there) before and after, and no allocation after (each buffer is over 32 bytes, which
    go1.25+ would put on the stack anyway) under go1.24.11 and go1.27.3, where there were some before."""
    root = module(tmp_path, {"ranged/ranged.go": RANGED, "ranged/ranged_test.go": RANGED_TABLE})
    newest, older = releases()

    def table(goarch: str) -> list[str]:
        env = {**newest.env, "GOARCH": goarch}
        args = [newest.go, "test", "-count=1", "-run", "TestRangedTable", "-v", "./ranged"]
        done = subprocess.run(args, cwd=root, env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr
        return [line for line in done.stdout.splitlines() if line.startswith("ranged")]

    before = {goarch: table(goarch) for goarch in ("amd64", "386")}
    for toolchain in (newest, older):
        code, _, output = run_table(root, toolchain, "TestRangedAllocations", "./ranged")
        assert code != 0 and "allocations" in output, f"{toolchain.version} allocated nothing before the rewrite"
    done = gorewrite(
        "fix", "--rule", "make-const", "--toolchain", older.version, "--toolchain", newest.version, cwd=root
    )
    assert "make-const: 3 applied, 0 declined" in done.stderr, done.stderr
    rewritten = (root / "ranged/ranged.go").read_text()
    assert "make(" not in rewritten, rewritten
    assert "pBuf [64]int64" in rewritten and "bBuf [996]byte" in rewritten and "fBuf [40]int64" in rewritten
    assert {goarch: table(goarch) for goarch in ("amd64", "386")} == before
    assert len(before["amd64"]) == 22 and "ranged 1000 1992" in before["386"], before
    for toolchain in (newest, older):
        code, _, output = run_table(root, toolchain, "TestRangedAllocations", "./ranged")
        assert code == 0, f"{toolchain.version}: {output}"
