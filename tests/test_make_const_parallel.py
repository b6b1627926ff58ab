"""make-const with a size one name of a parallel assignment sets: `na, nb := min(len(a), 8), min(len(b), 12)`
(syntax.assignments). Go evaluates the whole right side before it sets any name (the spec's two phases), so each
name gets the bound its own value has where the statement runs: `x, y = y, x` gives x what bounded y. Names set
twice (`n, n = …`, the last wins) bound nothing. Each must-decline keeps the naive array as a mutant, run beside
the original: it panics where the original does not.
"""

from __future__ import annotations

import pytest
from conftest import at_most_speculative, exact_array, naive_mutants, naive_panics, proposals_by_case
from test_make_const_bounds import array, probe, sums

from gorewrite.rules import RULES

RULE = RULES["make-const"]
SLICES = "xs []int64, a, b []byte"
INTS = "xs []int64, n int"

BOUNDED = {
    # probe40c pq `Merge`: two clamps in one statement
    "parallel_min": (sums("parallel_min", "na+nb", "\tna, nb := min(len(a), 8), min(len(b), 12)", SLICES), "[20]int64"),
    # a swap reads both values before it sets either: x takes what bounded y
    "parallel_swap": (
        sums(
            "parallel_swap",
            "x",
            "\tif len(a) > 4 || len(b) > maxItems {\n\t\treturn -1\n\t}\n"
            "\tx, y := len(a), len(b)\n\tx, y = y, x\n\t_ = y",
            SLICES,
        ),
        "[20]int64",
    ),
    "parallel_var": (sums("parallel_var", "hi", "\tvar lo, hi = 0, min(n, maxItems)\n\t_ = lo", INTS), "[20]int64"),
}

NOT_BOUNDED = {
    # n is set twice: the last value, n+1, is the one it keeps
    "parallel_same_name": (
        sums("parallel_same_name", "n", "\tn, n = min(n, 8), n+1", INTS),
        "Sum(xs, 20)",
    ),
    # read one after the other, y = x would leave y <= 8 and x = y too; both values are read first, so x is n
    "parallel_reads_before": (
        sums("parallel_reads_before", "x", "\tx, y := min(n, 8), n\n\ty, x = x, y\n\t_ = y", INTS),
        "Sum(xs, 20)",
    ),
}

NAIVE = {
    "parallel_same_name": (array("buf", "n", "int64", 8), probe("{pkg}.Sum([]int64{1}, 20)")),
    "parallel_reads_before": (array("buf", "x", "int64", 8), probe("{pkg}.Sum([]int64{1}, 20)")),
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {n: c for n, (c, _) in {**BOUNDED, **NOT_BOUNDED}.items()}
    return proposals_by_case(tmp_path_factory.mktemp("make-const-parallel"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    return naive_mutants(tmp_path_factory.mktemp("make-const-parallel-naive"), toolchain, NOT_BOUNDED, NAIVE)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in BOUNDED.items()], ids=list(BOUNDED))
def test_each_name_of_a_parallel_assignment_gets_its_own_values_bound(proposed, name, expected):
    exact_array(proposed[name], BOUNDED[name][0], expected, scope="Sum")


@pytest.mark.parametrize("name", list(NOT_BOUNDED))
def test_a_name_set_twice_or_a_value_read_before_the_swap_is_not_bounded(proposed, name):
    at_most_speculative(proposed[name])


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)
