"""make-const with the length of a local map: `if len(h) > maxKeys { return }` bounds `make([]string, 0,
len(h))`, the sorted keys of a small header map (probe38a `Header`), when nothing between the guard and the
make can write memory or synchronise (gorewrite/quiet.py, as for a field through a pointer): a map value is a
reference, so `other[k] = v`, `delete` or a callee through any alias changes the length, and another
goroutine's write there would be a data race. Each must-decline keeps the naive array as a mutant, run beside
the original: it panics where the original does not.
"""

from __future__ import annotations

import pytest
from conftest import at_most_speculative, exact_array, naive_mutants, naive_panics, proposals_by_case
from test_make_const_bounds import probe

from gorewrite.rules import RULES

RULE = RULES["make-const"]
GUARD = "\tif len(m) > maxKeys {\n\t\treturn -1\n\t}\n"


def keyed(name: str, params: str, guard: str, extra: str = "", kind: str = "map[string]int") -> str:
    """Sum: the sorted keys of m in a scratch slice of capacity len(m), after `guard`, and their bytes."""
    return f"""package {name}

import "sort"

const maxKeys = 16

// Header is a small header map.
type Header {kind}

// Sum counts the bytes of m's keys, in order.
func Sum({params}) int {{
{guard}	keys := make([]string, 0, len(m))
	for k := range m {{
		keys = append(keys, k)
	}}
	sort.Strings(keys)
	t := 0
	for i, k := range keys {{
		t += len(k) * (i + 1)
	}}
	return t
}}

// Many is a map of n keys.
func Many(n int) map[string]int {{
	m := map[string]int{{}}
	for i := range n {{
		m[string(rune('a'+i))] = i
	}}
	return m
}}
{extra}"""


FEED = """
var ready chan struct{}

// Feed has a feeder add keys to m once Sum has passed its guard, and signal Sum, which waits for it.
func Feed(m map[string]int) int {
	ready = make(chan struct{})
	go func() {
		<-ready // Sum has passed its guard: the keys go in between the guard and the make
		for i := range 20 {
			m[string(rune('A'+i))] = i
		}
		ready <- struct{}{}
	}()
	return Sum(m)
}
"""
FILL = """
func fill(m map[string]int) {
	for i := range 20 {
		m[string(rune('A'+i))] = i
	}
}
"""
BOUNDED = {
    "map_quiet": (keyed("map_quiet", "m map[string]int", GUARD), "[16]string"),
    # a named map type counts by its underlying type (go/types' shape), never by its name
    "map_named_type": (keyed("map_named_type", "m Header", GUARD, kind="map[string][]string"), "[16]string"),
    "map_guard_reads_length": (
        keyed("map_guard_reads_length", "m map[string]int", GUARD.replace("return -1", "return len(m) - 100")),
        "[16]string",
    ),
}
NOT_BOUNDED = {
    "map_inserted": (keyed("map_inserted", "m map[string]int", GUARD + '\tm["zz"] = 1\n'), "Sum(Many(16))"),
    # the same map under another name: the guard's variable is never written
    "map_alias_inserted": (
        keyed("map_alias_inserted", "m, other map[string]int", GUARD + '\tother["zz"] = 1\n'),
        "Sum(m, m)",
    ),
    "map_call": (keyed("map_call", "m map[string]int", GUARD + "\tfill(m)\n", FILL), "Sum(Many(1))"),
    "map_receive": (
        keyed("map_receive", "m map[string]int", GUARD + "\tready <- struct{}{}\n\t<-ready\n", FEED),
        "Feed(Many(1))",
    ),
    "map_reassigned": (
        keyed("map_reassigned", "m, big map[string]int", GUARD + "\tm = big\n"),
        "Sum(Many(1), Many(20))",
    ),
}


def naive(source: str) -> str:
    """The naive rewrite: a 16-element array for len(m), as the guard alone says."""
    new = "\tvar keysBuf [16]string\n\tkeys := keysBuf[:0:len(m)]\n"
    return source.replace("\tkeys := make([]string, 0, len(m))\n", new, 1)


NAIVE = {
    "map_inserted": (naive, probe("{pkg}.Sum({pkg}.Many(16))")),
    "map_alias_inserted": (naive, probe("func() int { m := {pkg}.Many(16); return {pkg}.Sum(m, m) }()")),
    "map_call": (naive, probe("{pkg}.Sum({pkg}.Many(1))")),
    "map_receive": (naive, probe("{pkg}.Feed({pkg}.Many(1))")),
    "map_reassigned": (naive, probe("{pkg}.Sum({pkg}.Many(1), {pkg}.Many(20))")),
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {n: c for n, (c, _) in {**BOUNDED, **NOT_BOUNDED}.items()}
    return proposals_by_case(tmp_path_factory.mktemp("make-const-map-length"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    return naive_mutants(tmp_path_factory.mktemp("make-const-map-length-naive"), toolchain, NOT_BOUNDED, NAIVE)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in BOUNDED.items()], ids=list(BOUNDED))
def test_a_guard_on_a_map_length_bounds_it_where_nothing_between_writes(proposed, name, expected):
    exact_array(proposed[name], BOUNDED[name][0], expected, scope="Sum")


@pytest.mark.parametrize("name", list(NOT_BOUNDED))
def test_a_write_call_receive_or_reassignment_between_bounds_nothing(proposed, name):
    at_most_speculative(proposed[name])


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)
