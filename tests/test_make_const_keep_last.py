"""make-const keeping the last K through a copy of the length (copies.copy_of at the read; probe45b ring `P99`):
after `n := len(s); if n > maxItems { s = s[n-maxItems:] }`, len(s) is at most maxItems on both paths. The clamp's
own write of s comes after the reads of n (the condition, and the slicing's low index on the right of the
assignment), so n equals len(s) at each: the false path leaves len(s) == n <= maxItems, and the reslice has exactly
len(s) - (n - maxItems) = maxItems elements, or panics. Each must-decline's naive array is kept as a mutant run
beside the original, where it panics and the original does not.
"""

from __future__ import annotations

import pytest
from conftest import at_most_speculative, exact_array, naive_mutants, naive_panics, proposals_by_case
from test_make_const_bounds import array, probe, sums

from gorewrite.rules import RULES

RULE = RULES["make-const"]
PARAMS = "xs []int64, s, t []byte"
CLAMP = "\tif n > maxItems {\n\t\ts = s[n-maxItems:]\n\t}"


def kept(name: str, guard: str, params: str = PARAMS) -> str:
    """sums() sized by len(s) after `guard`."""
    return sums(name, "len(s)", guard, params)


LOOPED = """package grown_in_loop

const maxItems = 20

// Sum sums xs over the last maxItems bytes of s, twice, s growing by t after the first pass.
func Sum(xs []int64, s, t []byte) int64 {
	var total int64
	n := len(s)
	for pass := 0; pass < 2; pass++ {
		if n > maxItems {
			s = s[n-maxItems:]
		}
		buf := make([]int64, len(s))
		for i := range buf {
			buf[i] = xs[i%len(xs)] + int64(s[i])
		}
		for _, v := range buf {
			total += v
		}
		s = append(s, t...)
	}
	return total
}
"""

BOUNDED = {
    "keep_last": (kept("keep_last", "\tn := len(s)\n" + CLAMP), "[20]int64"),
    # probe45b `P99`'s shape: an empty input returned first
    "keep_last_nonempty": (
        kept("keep_last_nonempty", "\tn := len(s)\n\tif n == 0 {\n\t\treturn 0\n\t}\n" + CLAMP),
        "[20]int64",
    ),
    # the reslice under a wider condition: the false path leaves 40, not 20
    "wider_condition": (
        kept("wider_condition", "\tn := len(s)\n\tif n > 2*maxItems {\n\t\ts = s[n-maxItems:]\n\t}"),
        "[40]int64",
    ),
}

NOT_BOUNDED = {
    # the clamp writes s from another slice: t's tail is not 20 long
    "other_slice": (
        kept("other_slice", "\tn := len(s)\n\tif n > maxItems {\n\t\ts = t[n-maxItems:]\n\t}"),
        "Sum(xs, make([]byte, 25), make([]byte, 100))",
    ),
    # s grown between the copy and the clamp: n is the old length
    "grown_before": (
        kept("grown_before", "\tn := len(s)\n\ts = append(s, t...)\n" + CLAMP),
        "Sum(xs, make([]byte, 20), make([]byte, 5))",
    ),
    # the clamp and the make in a loop that grows s after the make: the next pass's condition reads the stale n
    "grown_in_loop": (LOOPED, "Sum(xs, make([]byte, 10), make([]byte, 30))"),
}

NAIVE = {
    name: (array("buf", "len(s)", "int64", 20), probe("{pkg}." + call.replace("Sum(xs", "Sum([]int64{1}")))
    for name, (_, call) in NOT_BOUNDED.items()
}
# the naive rule's 20 under the wider condition panics for 30 elements
NAIVE["wider_condition"] = (
    array("buf", "len(s)", "int64", 20),
    probe("{pkg}.Sum([]int64{1}, make([]byte, 30), nil)"),
)
CASES = {**NOT_BOUNDED, "wider_condition": (BOUNDED["wider_condition"][0], None)}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {n: c for n, (c, _) in {**BOUNDED, **NOT_BOUNDED}.items()}
    return proposals_by_case(tmp_path_factory.mktemp("make-const-keep-last"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    return naive_mutants(tmp_path_factory.mktemp("make-const-keep-last-naive"), toolchain, CASES, NAIVE)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in BOUNDED.items()], ids=list(BOUNDED))
def test_a_kept_last_length_gives_an_exact_array(proposed, name, expected):
    exact_array(proposed[name], BOUNDED[name][0], expected, scope="Sum")


@pytest.mark.parametrize("name", list(NOT_BOUNDED))
def test_no_proven_bound_gives_at_most_a_speculative_buffer(proposed, name):
    at_most_speculative(proposed[name])


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)
