"""make-const keeps behaviour: the same len, cap, growth and panics before and after, run by go test.

The golden cases show the rewrite compiles and stays on the stack; this runs it on the sizes
where a wrong guard would show: negative, zero, at and around K, beyond it, cap below len.
"""

from __future__ import annotations

import subprocess

from conftest import gorewrite, module

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
    done = gorewrite("fix", "--rule", "make-const", "--stack-budget", "256", cwd=root)
    assert done.returncode == 0, done.stderr
    assert "make-const: 3 applied" in done.stderr, done.stderr
    rewritten = (root / "shape/shape.go").read_text()
    assert rewritten.count("// on the stack up to") == 3
    assert go_test(root, toolchain.go) == before
    assert len(before) == 13 + 13 * 13 + 6
