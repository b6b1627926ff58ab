"""make-const with a difference from a constant offset (gorewrite/differences.py) and the length of a string variable
set to constants (bounds._assigned_limit). A chunking loop's `end := min(i+K, len(s))`, or `end := off + K`
lowered by `if end > len(p) { end = len(p) }`, leaves `end - i` and `len(s[i:end])` at most K however large i and
s are (probe42b table `Columns`, render `Premultiply`: each took the speculative budget before); `layout :=
time.DateTime; if zone { layout = time.RFC3339 }` leaves len(layout) at most 25 (probe42b render `Stamp`,
`LogTime`). After those, a start met with its end, `if i > end { i = end }` (or `i = min(i, end)`, `max`, or end
met with i), leaves end - i as it was or 0 (probe make-const-search `Extract`). Each must-decline keeps its naive
array, which panics where the original does not: i written after end was set, a clamp that raises end, a min whose
other argument may be negative (MinInt - i wraps to 21), an unsigned difference (0 - (MaxUint-20) is 21), a
closure resetting i, a start met with less than its end (`i = end - 20`, `i -= 40`, golden
`decline_snippet_from_start`'s `i = 0`), a meet that moves end too or swaps the two, i reset after the meet, a
min of end and something else (`min(i, end, end-20)`), a local func named max, a string grown or set to another
string.
"""

from __future__ import annotations

import pytest
from conftest import at_most_speculative, exact_array, naive_mutants, naive_panics, proposals_by_case
from test_make_const_bounds import array, probe, sums

from gorewrite.rules import RULES

RULE = RULES["make-const"]
PARAMS = "xs []int64, i, n int, key string"


def _case(name: str, size: str, guard: str, params: str = PARAMS) -> str:
    return sums(name, size, guard, params)


MIN = "\tend := min(i+16, len(xs))"
CLAMP = "\tend := i + 16\n\tif end > len(xs) {\n\t\tend = len(xs)\n\t}"
LAYOUT = '\tsep := ", "\n\tif n > 0 {\n\t\tsep = " | "\n\t}'
MET = MIN + "\n\tif i > end {\n\t\ti = end\n\t}"
BOUNDED = {
    "offset_min": (_case("offset_min", "end-i", MIN), "[16]int64"),
    "offset_clamped": (_case("offset_clamped", "end-i", CLAMP), "[16]int64"),
    "offset_lowered": (_case("offset_lowered", "end-i", "\tend := 16 + i\n\tend = min(end, len(xs))"), "[16]int64"),
    "window_length": (_case("window_length", "len(w)", MIN + "\n\tw := xs[i:end]"), "[16]int64"),
    "low_met": (_case("low_met", "end-i", MET), "[16]int64"),
    "low_met_padded": (_case("low_met_padded", "end-i+6", MET), "[22]int64"),
    "low_met_min": (_case("low_met_min", "end-i", CLAMP + "\n\ti = min(i, end)"), "[16]int64"),
    "low_met_max": (_case("low_met_max", "end-i", MIN + "\n\ti = max(i, end)"), "[16]int64"),
    "high_met": (_case("high_met", "end-i", MIN + "\n\tif end < i {\n\t\tend = i\n\t}"), "[16]int64"),
    "high_met_max": (_case("high_met_max", "end-i", CLAMP + "\n\tend = max(i, end)"), "[16]int64"),
    "low_met_always": (_case("low_met_always", "end-i", MIN + "\n\tif n > 0 {\n\t\ti = end\n\t}"), "[16]int64"),
    "constant_strings": (_case("constant_strings", "len(sep)+8", LAYOUT), "[11]int64"),
    "constant_string": (_case("constant_string", "8*len(sep)", '\tsep := "::"'), "[16]int64"),
}

LONG = '"' + "k" * 40 + '"'
NOT_BOUNDED = {
    "difference_low_written": (
        _case("difference_low_written", "end-i", MIN + "\n\ti = 0"),
        'Sum(make([]int64, 40), 20, 0, "")',
    ),
    "difference_raised": (
        _case("difference_raised", "end-i", "\tend := i + 16\n\tif len(xs) > end {\n\t\tend = len(xs)\n\t}"),
        'Sum(make([]int64, 40), 0, 0, "")',
    ),
    "difference_negative_clamp": (
        _case("difference_negative_clamp", "end-i", "\tend := min(i+16, n)"),
        'Sum([]int64{1}, 9223372036854775787, -9223372036854775808, "")',
    ),
    "difference_unsigned": (
        _case("difference_unsigned", "end-i", "\tend := min(i+16, n)", "xs []int64, i, n uint, key string"),
        'Sum([]int64{1}, 18446744073709551595, 0, "")',
    ),
    "low_met_below": (
        _case("low_met_below", "end-i", MIN + "\n\tif i > end {\n\t\ti = end - 20\n\t}"),
        'Sum(make([]int64, 10), 30, 0, "")',
    ),
    "low_zeroed": (
        _case("low_zeroed", "end-i", MIN + "\n\tif i > end {\n\t\ti = 0\n\t}"),
        'Sum(make([]int64, 40), 50, 0, "")',
    ),
    "low_decremented": (
        _case("low_decremented", "end-i", MIN + "\n\tif i > end {\n\t\ti -= 40\n\t}"),
        'Sum(make([]int64, 10), 30, 0, "")',
    ),
    "low_met_high_raised": (
        _case("low_met_high_raised", "end-i", MIN + "\n\tif i > end {\n\t\ti, end = end, end+20\n\t}"),
        'Sum(make([]int64, 10), 30, 0, "")',
    ),
    "low_swapped": (
        _case("low_swapped", "end-i", MIN + "\n\tif i > end {\n\t\ti, end = end, i\n\t}"),
        'Sum(make([]int64, 10), 30, 0, "")',
    ),
    "high_met_above": (
        _case("high_met_above", "end-i", MIN + "\n\tif end < i {\n\t\tend = i + 20\n\t}"),
        'Sum(make([]int64, 10), 30, 0, "")',
    ),
    "low_met_then_reset": (
        _case("low_met_then_reset", "end-i", MET + "\n\ti = 0"),
        'Sum(make([]int64, 40), 20, 0, "")',
    ),
    "low_met_by_other_max": (
        _case(
            "low_met_by_other_max",
            "end-i",
            "\tmax := func(a, b int) int { return a - 40 }\n" + MIN + "\n\ti = max(i, end)",
        ),
        'Sum(make([]int64, 100), 50, 0, "")',
    ),
    "low_met_below_min": (
        _case("low_met_below_min", "end-i", MIN + "\n\tif i > end {\n\t\ti = min(i, end, end-20)\n\t}"),
        'Sum(make([]int64, 10), 30, 0, "")',
    ),
    "difference_closure": (
        _case("difference_closure", "end-i", "\tbump := func() { i = 0 }\n" + MIN + "\n\tbump()"),
        'Sum(make([]int64, 40), 20, 0, "")',
    ),
    "string_grown": (
        _case("string_grown", "len(sep)+8", '\tsep := ", "\n\tsep += key'),
        f"Sum([]int64{{1}}, 0, 0, {LONG})",
    ),
    "string_other": (
        _case("string_other", "len(sep)+8", LAYOUT.replace('" | "', "key")),
        f"Sum([]int64{{1}}, 0, 1, {LONG})",
    ),
}
NAIVE = {
    name: (array("buf", size, "int64", k), probe("{pkg}." + call))
    for (name, call), (size, k) in zip(
        ((n, c) for n, (_, c) in NOT_BOUNDED.items()),
        [("end-i", 16)] * 14 + [("len(sep)+8", 10)] * 2,
        strict=True,
    )
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {n: c for n, (c, _) in {**BOUNDED, **NOT_BOUNDED}.items()}
    return proposals_by_case(tmp_path_factory.mktemp("make-const-differences"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    return naive_mutants(tmp_path_factory.mktemp("make-const-differences-naive"), toolchain, NOT_BOUNDED, NAIVE)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in BOUNDED.items()], ids=list(BOUNDED))
def test_a_difference_from_a_constant_offset_or_a_constant_string_is_bounded(proposed, name, expected):
    exact_array(proposed[name], BOUNDED[name][0], expected, scope="Sum")


@pytest.mark.parametrize("name", list(NOT_BOUNDED))
def test_a_moved_raised_wrapping_or_other_value_bounds_nothing(proposed, name):
    at_most_speculative(proposed[name])


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)
