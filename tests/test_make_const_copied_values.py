"""make-const sized by a variable that copies an expression guarded after the copy (copies.copied_value,
bounds._copied; probe45b ratelimit `BucketKey`): after `n := len(a) + len(b)` then `if len(a) > 8 || len(b) > 12 {
return }`, n is at most 20, since its declaration is its only write and nothing writes a or b (nor takes their
address, nor a closure) from the declaration to the end of n's scope: n still holds the sum where the make reads it.
Each must-decline keeps the naive array as a mutant, run beside the original: it panics where the original does not.
"""

from __future__ import annotations

import pytest
from conftest import at_most_speculative, exact_array, naive_mutants, naive_panics, proposals_by_case
from test_make_const_bounds import array, probe, sums

from gorewrite.rules import RULES

RULE = RULES["make-const"]
GUARD = "\tif len(s) > maxItems {\n\t\treturn -1\n\t}"
BIG = 'strings.Repeat("x", 50)'

BOUNDED = {
    "length_then_guard": (
        sums("length_then_guard", "n", "\tn := len(s)\n" + GUARD, "xs []int64, s string"),
        "[20]int64",
    ),
    "sum_then_guard": (
        sums(
            "sum_then_guard",
            "n",
            "\tn := len(a) + len(b)\n\tif len(a) > 8 || len(b) > 12 {\n\t\treturn -1\n\t}",
            "xs []int64, a, b string",
        ),
        "[20]int64",
    ),
    "variable_then_guard": (
        sums(
            "variable_then_guard",
            "m",
            "\tm := k\n\tif k < 0 || k > maxItems {\n\t\treturn -1\n\t}",
            "xs []int64, k int",
        ),
        "[20]int64",
    ),
}

NOT_BOUNDED = {
    # s shortened between the copy and the guard: n keeps the long length
    "source_written": (
        sums("source_written", "n", "\tn := len(s)\n\ts = s[:1]\n" + GUARD, "xs []int64, s string"),
        f"Sum(xs, {BIG})",
    ),
    # a closure shortens s between the copy and the guard
    "source_shortened_by_closure": (
        sums(
            "source_shortened_by_closure",
            "n",
            "\tn := len(s)\n\tshrink := func() { s = s[:1] }\n\tshrink()\n" + GUARD,
            "xs []int64, s string",
        ),
        f"Sum(xs, {BIG})",
    ),
    # the copy itself grows after the guard
    "copy_written": (
        sums("copy_written", "n", "\tn := len(s)\n" + GUARD + "\n\tn += k", "xs []int64, s string, k int"),
        'Sum(xs, "abc", 40)',
    ),
}

NAIVE = {
    name: (array("buf", "n", "int64", 20), probe("{pkg}." + call.replace("xs", "[]int64{1}")))
    for name, (_, call) in NOT_BOUNDED.items()
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {n: c for n, (c, _) in {**BOUNDED, **NOT_BOUNDED}.items()}
    return proposals_by_case(tmp_path_factory.mktemp("make-const-copied-values"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    return naive_mutants(tmp_path_factory.mktemp("make-const-copied-values-naive"), toolchain, NOT_BOUNDED, NAIVE)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in BOUNDED.items()], ids=list(BOUNDED))
def test_a_copy_guarded_after_it_gives_an_exact_array(proposed, name, expected):
    exact_array(proposed[name], BOUNDED[name][0], expected, scope="Sum")


@pytest.mark.parametrize("name", list(NOT_BOUNDED))
def test_no_proven_bound_gives_at_most_a_speculative_buffer(proposed, name):
    at_most_speculative(proposed[name])


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)
