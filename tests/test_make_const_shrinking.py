"""make-const after a loop that shrinks an unsigned value each pass: `m := 1; for w >= 10 { w /= 10; m++ }` makes
at most 19 passes for a uint64 (2^64 / 10^19 < 10), so m is at most 20, and `for v >= 0x80 { v >>= 7; n++ }` at
most 9 (probe39c varint `sizeOf`, a digit count; loop_sums._shrinking); each count is also at least where it
started, so two of them add up (bounds._after_loop's lower end). A `continue` that skips the division,
another write of the value in the loop, or a signed value bound nothing: each must-decline keeps its naive array,
which panics where the original does not.
"""

from __future__ import annotations

import pytest
from conftest import at_most_speculative, exact_array, naive_mutants, naive_panics, proposals_by_case
from test_make_const_bounds import array, probe, sums

from gorewrite.rules import RULES

RULE = RULES["make-const"]
PARAMS = "xs []int64, v uint64"


def _case(name: str, loop: str, params: str = PARAMS) -> str:
    return sums(name, "m+maxItems", "\tw := v\n\tm := 1\n" + loop, params)


BOUNDED = {
    "digits": (_case("digits", "\tfor w >= 10 {\n\t\tw /= 10\n\t\tm++\n\t}"), "[40]int64"),
    "digits_post": (_case("digits_post", "\tfor x := w; x >= 10; x /= 10 {\n\t\tm++\n\t}"), "[40]int64"),
    # two counts summed: each is at least where it started (its increments are >= 0 and cannot wrap), so the
    # sum of their upper ends holds (probe39c varint `Tag`: sizeOf(tag) + sizeOf(v))
    "two_counts": (
        _case(
            "two_counts",
            "\tk := 1\n\tfor x := v; x >= 0x80; x >>= 7 {\n\t\tk++\n\t}\n"
            "\tfor w >= 10 {\n\t\tw /= 10\n\t\tm++\n\t}\n\tm += k",
        ),
        "[50]int64",
    ),
    "varint_groups": (_case("varint_groups", "\tfor w >= 0x80 {\n\t\tw >>= 7\n\t\tm++\n\t}"), "[30]int64"),
}

HUGE = "Sum([]int64{1}, 1<<63)"
NOT_BOUNDED = {
    "division_skipped": (
        _case("division_skipped", "\tfor w >= 10 {\n\t\tm++\n\t\tif m < 30 {\n\t\t\tcontinue\n\t\t}\n\t\tw /= 10\n\t}"),
        HUGE,
    ),
    "value_reset": (
        _case("value_reset", "\tfor w >= 10 {\n\t\tw /= 10\n\t\tm++\n\t\tif m == 10 {\n\t\t\tw = v\n\t\t}\n\t}"),
        HUGE,
    ),
    "signed_value": (
        sums(
            "signed_value",
            "m+maxItems",
            "\tw := v\n\tm := 1\n\tfor w >= 10 {\n\t\tw /= 10\n\t\tm++\n\t}",
            "xs []int64, v int64",
        ),
        "Sum([]int64{1}, 1<<62)",
    ),
}
NAIVE = {
    "division_skipped": (array("buf", "m+maxItems", "int64", 40), probe("{pkg}." + HUGE)),
    "value_reset": (array("buf", "m+maxItems", "int64", 40), probe("{pkg}." + HUGE)),
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {n: c for n, (c, _) in {**BOUNDED, **NOT_BOUNDED}.items()}
    return proposals_by_case(tmp_path_factory.mktemp("make-const-shrinking"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    return naive_mutants(tmp_path_factory.mktemp("make-const-shrinking-naive"), toolchain, NOT_BOUNDED, NAIVE)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in BOUNDED.items()], ids=list(BOUNDED))
def test_a_loop_shrinking_an_unsigned_value_makes_bounded_passes(proposed, name, expected):
    exact_array(proposed[name], BOUNDED[name][0], expected, scope="Sum")


@pytest.mark.parametrize("name", list(NOT_BOUNDED))
def test_a_value_that_may_not_shrink_each_pass_bounds_nothing(proposed, name):
    at_most_speculative(proposed[name])


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)
