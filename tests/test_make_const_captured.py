"""make-const with a size a func literal captures (gorewrite/snapshots.py): `size := min(chunk, 64)`, then a
goroutine makes `make([]int64, size)` (probe38a r6 `Hash`, speculative before). The
literal may run at any later time, so what holds of size where the literal is made bounds its reads only when
nothing writes size at or after the literal, in a func literal, or in a loop around the literal that does not
hold size's declaration, and size is no named result (a `return` sets it) nor in a function with a goto. Each
must-decline keeps the naive array as a mutant, run beside the original: it panics where the original does not.
"""

from __future__ import annotations

import pytest
from conftest import at_most_speculative, exact_array, naive_mutants, naive_panics, proposals_by_case
from test_make_const_bounds import probe

from gorewrite.rules import RULES

RULE = RULES["make-const"]
SCRATCH = """			buf := make([]int64, size)
			for j := range buf {
				buf[j] = int64(j)
			}
			var t int64
			for _, v := range buf {
				t += v
			}"""


def package(name: str, body: str) -> str:
    return f"""package {name}

import "sync"

var _ sync.Mutex

// Header is a record with a name.
type Header struct{{ Name string }}

{body}
"""


GOROUTINES = """// Sum runs one goroutine per part, each with a scratch of a clamped size.
func Sum(parts []int, chunk int) int64 {
	size := min(chunk, 64)
	if size <= 0 {
		size = 8
	}
	var mu sync.Mutex
	var wg sync.WaitGroup
	var total int64
	for range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
SCRATCH
			mu.Lock()
			total += t
			mu.Unlock()
		}()
	}
	wg.Wait()
	return total
}"""
PER_PASS = """// Sum starts a goroutine per part, its size declared afresh in each pass.
func Sum(parts []int, chunk int) int64 {
	var mu sync.Mutex
	var wg sync.WaitGroup
	var total int64
	for _, k := range parts {
		size := min(k, 16)
		wg.Add(1)
		go func() {
			defer wg.Done()
SCRATCH
			mu.Lock()
			total += t
			mu.Unlock()
		}()
	}
	wg.Wait()
	return total
}"""
LATER = """// Sum keeps a helper (called through a slice: not inlined), then grows the size it reads.
func Sum(parts []int, chunk int) int64 {
	size := min(chunk, 64)
	fs := []func() int64{func() int64 {
SCRATCH
		return t
	}}
	size = parts[0]
	return fs[0]()
}"""
LOOPED = """// Sum keeps a helper for each small part, then calls them: a later pass writes size before its guard.
func Sum(parts []int, chunk int) int64 {
	var size int
	var fs []func() int64
	for _, k := range parts {
		size = k
		if size > 16 {
			continue
		}
		fs = append(fs, func() int64 {
SCRATCH
			return t
		})
	}
	var total int64
	for _, f := range fs {
		total += f()
	}
	return total
}"""
RESULT = """// Sum defers a helper reading size, a named result the return sets afterwards.
func Sum(parts []int, chunk int) (size int) {
	size = min(chunk, 16)
	defer func() {
SCRATCH
		_ = t
	}()
	return parts[0]
}"""
JUMP = """// Sum keeps a helper for each small part, looping with a goto that writes size again.
func Sum(parts []int, chunk int) int64 {
	var fs []func() int64
	i := 0
	var size int
again:
	size = parts[i]
	if size <= 16 {
		fs = append(fs, func() int64 {
SCRATCH
			return t
		})
	}
	i++
	if i < len(parts) {
		goto again
	}
	var total int64
	for _, f := range fs {
		total += f()
	}
	return total
}"""
POINTER = """// Sum keeps a helper over h's name after a guard; the name grows before the helper runs.
func Sum(h *Header, chunk int) int64 {
	if len(h.Name) > 16 {
		return -1
	}
	fs := []func() int64{func() int64 {
		buf := make([]int64, len(h.Name))
		var t int64
		for _, v := range buf {
			t += v
		}
		return t
	}}
	h.Name += h.Name
	return fs[0]()
}"""


def case(name: str, body: str) -> str:
    return package(name, body.replace("SCRATCH", SCRATCH))


BOUNDED = {
    "captured_goroutine": (case("captured_goroutine", GOROUTINES), "[64]int64"),
    "captured_per_pass": (case("captured_per_pass", PER_PASS), "[16]int64"),
}
NOT_BOUNDED = {
    "captured_written_after": case("captured_written_after", LATER),
    "captured_written_in_loop": case("captured_written_in_loop", LOOPED),
    "captured_named_result": case("captured_named_result", RESULT),
    "captured_goto": case("captured_goto", JUMP),
    "captured_pointer_field": case("captured_pointer_field", POINTER),
}


def naive(k: int, size: str = "size"):
    """The naive rewrite: the bound where the literal is made, as if the literal read size only then."""
    old = f"make([]int64, {size})\n"
    return lambda source: source.replace(old, f"bufArr[:{size}:{size}]\n", 1).replace(
        "buf := bufArr", f"var bufArr [{k}]int64\n\t\t\tbuf := bufArr", 1
    )


NAIVE = {
    "captured_written_after": (naive(64), probe("{pkg}.Sum([]int{100}, 8)")),
    "captured_written_in_loop": (naive(16), probe("{pkg}.Sum([]int{4, 100}, 0)")),
    "captured_named_result": (naive(16), probe("{pkg}.Sum([]int{100}, 8)")),
    "captured_goto": (naive(16), probe("{pkg}.Sum([]int{4, 100}, 0)")),
    "captured_pointer_field": (
        naive(16, "len(h.Name)"),
        probe('{pkg}.Sum(&{pkg}.Header{Name: "0123456789abcdef"}, 0)'),
    ),
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {**{n: c for n, (c, _) in BOUNDED.items()}, **NOT_BOUNDED}
    return proposals_by_case(tmp_path_factory.mktemp("make-const-captured"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    declines = {n: (c, None) for n, c in NOT_BOUNDED.items()}
    return naive_mutants(tmp_path_factory.mktemp("make-const-captured-naive"), toolchain, declines, NAIVE)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in BOUNDED.items()], ids=list(BOUNDED))
def test_a_captured_variable_nothing_writes_later_is_bounded_where_the_literal_is_made(proposed, name, expected):
    exact_array(proposed[name], BOUNDED[name][0], expected)


@pytest.mark.parametrize("name", list(NOT_BOUNDED))
def test_a_later_write_a_named_result_a_goto_or_a_pointer_field_bounds_nothing(proposed, name):
    at_most_speculative(proposed[name])


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)
