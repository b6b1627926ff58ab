"""make-const sized by a slicing of an array or a string whose indexes nothing bounds (shapes.length, probe45b
ring `Percentile`): `window := r.buf[:r.n]` of a `[40]int64` field has at most 40 elements, or the slicing panics
(the spec: for arrays and strings `0 <= low <= high <= len(a)`), so `make([]int64, len(window))` gets a `[40]int64`.
A slice's high index may reach its capacity, past its length: must-decline `slice_to_capacity`, whose naive array
panics where the original does not.
"""

from __future__ import annotations

import pytest
from conftest import at_most_speculative, exact_array, naive_mutants, naive_panics, proposals_by_case
from test_make_const_bounds import array, probe, sums

from gorewrite.rules import RULES

RULE = RULES["make-const"]
RING = "\ntype ring struct {\n\tbuf [40]int64\n\tn   int\n}\n"
SHORT = "\tif len(s) > maxItems {\n\t\treturn -1\n\t}\n"


def sliced(name: str, params: str, guard: str, after: str = "") -> str:
    """sums() sized by len(part) after `guard`, with declarations after it."""
    return sums(name, "len(part)", guard, params) + after


BOUNDED = {
    "array_field": (sliced("array_field", "xs []int64, r *ring", "\tpart := r.buf[:r.n]", RING), "[40]int64"),
    "array_pointer": (sliced("array_pointer", "xs []int64, p *[40]byte, i, j int", "\tpart := p[i:j]"), "[40]int64"),
    "array_three_index": (
        sliced("array_three_index", "xs []int64, a [30]byte, i, j, k int", "\tpart := a[i:j:k]"),
        "[30]int64",
    ),
    "string_prefix": (
        sliced("string_prefix", "xs []int64, s string, n int", SHORT + "\tpart := s[:n]"),
        "[20]int64",
    ),
}

NOT_BOUNDED = {
    # a slice's high index may reach its capacity, past the length the guard bounds
    "slice_to_capacity": (
        sliced("slice_to_capacity", "xs []int64, s []byte, n int", SHORT + "\tpart := s[:n]"),
        "Sum([]int64{1}, make([]byte, 10, 100), 50)",
    ),
}

NAIVE = {
    "slice_to_capacity": (
        array("buf", "len(part)", "int64", 20),
        probe("{pkg}.Sum([]int64{1}, make([]byte, 10, 100), 50)"),
    ),
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {n: c for n, (c, _) in {**BOUNDED, **NOT_BOUNDED}.items()}
    return proposals_by_case(tmp_path_factory.mktemp("make-const-sliced"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    return naive_mutants(tmp_path_factory.mktemp("make-const-sliced-naive"), toolchain, NOT_BOUNDED, NAIVE)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in BOUNDED.items()], ids=list(BOUNDED))
def test_a_slicing_of_an_array_or_a_string_gives_an_exact_array(proposed, name, expected):
    exact_array(proposed[name], BOUNDED[name][0], expected, scope="Sum")


@pytest.mark.parametrize("name", list(NOT_BOUNDED))
def test_no_proven_bound_gives_at_most_a_speculative_buffer(proposed, name):
    at_most_speculative(proposed[name])


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)
