"""make-const after a loop of increments that walks its input in strides: `for i := 0; i < len(src); i += 4 {
count += int(src[i] & 0x0f) }` over at most 32 bytes makes at most 8 passes, so count is at most 120 (probe39c r2
`Strided`, which took the speculative budget before; loop_sums.passes, `i += k` of a constant k >= 1 beside
`i++`). A stride that is not a constant, or a counter the body also moves, bounds nothing: each must-decline
keeps its naive array, which panics where the original does not.
"""

from __future__ import annotations

import pytest
from conftest import at_most_speculative, exact_array, naive_mutants, naive_panics, proposals_by_case
from test_make_const_bounds import array, probe, sums

from gorewrite.rules import RULES

RULE = RULES["make-const"]
PARAMS = "xs []int64, b []byte, k int"
GUARD = "\tif len(b) > 32 {\n\t\treturn -1\n\t}\n\tcount := 0\n"


def _case(name: str, loop: str) -> str:
    return sums(name, "count", GUARD + loop, PARAMS)


BOUNDED = {
    "stride_four": (
        _case("stride_four", "\tfor i := 0; i < len(b); i += 4 {\n\t\tcount += int(b[i] & 0x0f)\n\t}"),
        "[120]int64",
    ),
    "stride_named": (
        _case("stride_named", "\tconst step = 8\n\tfor i := 0; i < len(b); i += step {\n\t\tcount += 2\n\t}"),
        "[8]int64",
    ),
}

NOT_BOUNDED = {
    "stride_variable": (
        _case("stride_variable", "\tfor i := 0; i < len(b); i += k {\n\t\tcount++\n\t}"),
        "Sum([]int64{1}, make([]byte, 32), 1)",
    ),
    "stride_moved_in_body": (
        _case(
            "stride_moved_in_body",
            "\tfor i := 0; i < len(b); i += 4 {\n\t\tcount++\n\t\tif b[i] == 0 {\n\t\t\ti -= 3\n\t\t}\n\t}",
        ),
        "Sum([]int64{1}, make([]byte, 32), 0)",
    ),
}
NAIVE = {name: (array("buf", "count", "int64", 8), probe("{pkg}." + call)) for name, (_, call) in NOT_BOUNDED.items()}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {n: c for n, (c, _) in {**BOUNDED, **NOT_BOUNDED}.items()}
    return proposals_by_case(tmp_path_factory.mktemp("make-const-strides"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    return naive_mutants(tmp_path_factory.mktemp("make-const-strides-naive"), toolchain, NOT_BOUNDED, NAIVE)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in BOUNDED.items()], ids=list(BOUNDED))
def test_a_loop_striding_by_a_constant_makes_bounded_passes(proposed, name, expected):
    exact_array(proposed[name], BOUNDED[name][0], expected, scope="Sum")


@pytest.mark.parametrize("name", list(NOT_BOUNDED))
def test_a_stride_that_may_differ_bounds_nothing(proposed, name):
    at_most_speculative(proposed[name])


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)
