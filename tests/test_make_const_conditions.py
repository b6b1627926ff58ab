"""make-const with sizes a condition bounds beyond a comparison with a constant (conditions.py, guards.ended):
an operand another part of the same condition bounds (`len(a) != len(b) || len(a) > 40`), a predicate of the
package (`!short(s)` of `func short(s string) bool { return len(s) <= maxItems }`, or of a value receiver:
`!n.valid()` of `func (c count) valid() bool { return c >= 0 && c <= maxItems }`), and a loop's condition,
false after a loop nothing breaks out of (`for len(p) > 40 { p = p[40:] }`). Each must-decline keeps the
naive array as a mutant, run beside the original: it panics where the original does not.
"""

from __future__ import annotations

import pytest
from conftest import at_most_speculative, exact_array, naive_mutants, naive_panics, proposals_by_case
from test_make_const_bounds import array, probe, sums

from gorewrite.rules import RULES

RULE = RULES["make-const"]
STRINGS = "xs []int64, a, b string"
EQUAL = "\tif len(a) != len(b) || len(a) > 40 {\n\t\treturn -1\n\t}"
SHORT = "\nfunc short(s string) bool { return len(s) <= maxItems }\n"
DRAIN = "\tfor len(p) > 40 {\n\t\tp = p[40:]\n"
BIG = 'strings.Repeat("x", 50)'
COUNT = "xs []int64, n count, m count"
VALID = "\tif !n.valid() {\n\t\treturn -1\n\t}"


def counted(body: str) -> str:
    """A `type count int` with a value-receiver predicate `valid` whose body is given."""
    return f"\ntype count int\n\nfunc (c count) valid() bool {{\n{body}\n}}\n"


def helper(name: str, size: str, guard: str, params: str, funcs: str) -> str:
    """sums() with functions of the package after it."""
    return sums(name, size, guard, params) + funcs


BOUNDED = {
    "equal_lengths": (sums("equal_lengths", "len(b)", EQUAL, STRINGS), "[40]int64"),
    # n < m, and m <= 40 in the same evaluation
    "less_than_peer": (
        sums("less_than_peer", "n", "\tif n >= m || m > 40 {\n\t\treturn -1\n\t}", "xs []int64, n, m int"),
        "[39]int64",
    ),
    # a changes after the guard: len(b) keeps the value len(a) had where the condition compared them
    "peer_grows_after": (sums("peer_grows_after", "len(b)", EQUAL + '\n\ta += "0123456789"', STRINGS), "[40]int64"),
    "predicate": (
        helper("predicate", "len(s)", "\tif !short(s) {\n\t\treturn -1\n\t}", "xs []int64, s string", SHORT),
        "[20]int64",
    ),
    "predicate_range": (
        helper(
            "predicate_range",
            "n",
            "\tif !inRange(n) || k > 1 {\n\t\treturn -1\n\t}",
            "xs []int64, n, k int",
            "\nfunc inRange(v int) bool { return v >= 0 && v <= maxItems }\n",
        ),
        "[20]int64",
    ),
    # the receiver is the predicate's subject: a copy of n made at the call (probe40c totp `!d.Valid()`)
    "receiver_predicate": (
        helper("receiver_predicate", "n", VALID, COUNT, counted("\treturn c >= 0 && c <= maxItems")),
        "[20]int64",
    ),
    "receiver_predicate_length": (
        helper(
            "receiver_predicate_length",
            "len(s)",
            "\tif !s.short() {\n\t\treturn -1\n\t}",
            "xs []int64, s key",
            "\ntype key string\n\nfunc (k key) short() bool { return len(k) <= maxItems }\n",
        ),
        "[20]int64",
    ),
    "loop_exit": (sums("loop_exit", "len(p)", DRAIN + "\t}", "xs []int64, p []byte"), "[40]int64"),
    # a break that leaves only the switch inside the loop
    "loop_exit_switch_break": (
        sums(
            "loop_exit_switch_break",
            "len(p)",
            DRAIN + "\t\tswitch p[0] {\n\t\tcase 0:\n\t\t\tbreak\n\t\t}\n\t}",
            "xs []int64, p []byte",
        ),
        "[40]int64",
    ),
}

NOT_BOUNDED = {
    # a func literal the condition calls shortens a between the two comparisons
    "peer_changed_in_condition": (
        sums(
            "peer_changed_in_condition",
            "len(b)",
            "\tshrink := func() bool {\n\t\ta = a[:1]\n\t\treturn false\n\t}\n"
            "\tif len(a) != len(b) || shrink() || len(a) > 40 {\n\t\treturn -1\n\t}",
            STRINGS,
        ),
        f"Sum(xs, {BIG}, {BIG})",
    ),
    # only one part of a false && holds
    "peer_either_part": (
        sums("peer_either_part", "len(b)", "\tif len(a) != len(b) && len(a) > 40 {\n\t\treturn -1\n\t}", STRINGS),
        f'Sum(xs, "a", {BIG})',
    ),
    # either part of the predicate's || may have made it true
    "predicate_either": (
        helper(
            "predicate_either",
            "len(s)",
            "\tif !loose(s, t) {\n\t\treturn -1\n\t}",
            "xs []int64, s, t string",
            "\nfunc loose(s, t string) bool { return len(s) <= maxItems || len(t) <= maxItems }\n",
        ),
        f'Sum(xs, {BIG}, "t")',
    ),
    # the predicate bounds its first parameter; s is its second
    "predicate_other_argument": (
        helper(
            "predicate_other_argument",
            "len(s)",
            "\tif !first(t, s) {\n\t\treturn -1\n\t}",
            "xs []int64, s, t string",
            "\nfunc first(a, b string) bool { return len(a) <= maxItems }\n",
        ),
        f'Sum(xs, {BIG}, "t")',
    ),
    # the predicate's literal empties its parameter before comparing it
    "predicate_parameter_written": (
        helper(
            "predicate_parameter_written",
            "len(s)",
            "\tif !emptied(s) {\n\t\treturn -1\n\t}",
            "xs []int64, s string",
            "\nfunc emptied(s string) bool { return func() bool { s = s[:0]; return true }() && len(s) <= maxItems }\n",
        ),
        f"Sum(xs, {BIG})",
    ),
    # the predicate's receiver is m, not the size n
    "receiver_other_value": (
        helper(
            "receiver_other_value",
            "n",
            "\tif !m.valid() {\n\t\treturn -1\n\t}",
            COUNT,
            counted("\treturn c >= 0 && c <= maxItems"),
        ),
        "Sum(xs, 30, 1)",
    ),
    # the method folds its receiver copy before the test: true of the copy, not of n
    "receiver_written": (
        helper("receiver_written", "n", VALID, COUNT, counted("\tc %= 8\n\treturn c >= 0 && c <= maxItems")),
        "Sum(xs, 30, 1)",
    ),
    # either part may hold: an even n of any size passes
    "receiver_either": (
        helper("receiver_either", "n", VALID, COUNT, counted("\treturn c <= maxItems || c%2 == 0")),
        "Sum(xs, 30, 1)",
    ),
    # a break leaves the loop before its condition is false
    "loop_break": (
        sums("loop_break", "len(p)", DRAIN + "\t\tif p[0] == 0 {\n\t\t\tbreak\n\t\t}\n\t}", "xs []int64, p []byte"),
        "Sum(xs, make([]byte, 100))",
    ),
    # a labeled break from the switch leaves the loop too (guards.ended; a labeled loop is no sibling fact at all)
    "loop_labeled_break": (
        sums(
            "loop_labeled_break",
            "len(p)",
            "loop:\n" + DRAIN + "\t\tswitch p[0] {\n\t\tcase 0:\n\t\t\tbreak loop\n\t\t}\n\t}",
            "xs []int64, p []byte",
        ),
        "Sum(xs, make([]byte, 100))",
    ),
}

NAIVE = {
    "peer_changed_in_condition": (
        array("buf", "len(b)", "int64", 40),
        probe(f"{{pkg}}.Sum([]int64{{1}}, {BIG}, {BIG})"),
    ),
    "peer_either_part": (array("buf", "len(b)", "int64", 40), probe(f'{{pkg}}.Sum([]int64{{1}}, "a", {BIG})')),
    "predicate_either": (array("buf", "len(s)", "int64", 20), probe(f'{{pkg}}.Sum([]int64{{1}}, {BIG}, "t")')),
    "predicate_other_argument": (array("buf", "len(s)", "int64", 20), probe(f'{{pkg}}.Sum([]int64{{1}}, {BIG}, "t")')),
    "predicate_parameter_written": (array("buf", "len(s)", "int64", 20), probe(f"{{pkg}}.Sum([]int64{{1}}, {BIG})")),
    "receiver_other_value": (array("buf", "n", "int64", 20), probe("{pkg}.Sum([]int64{1}, 30, 1)")),
    "receiver_written": (array("buf", "n", "int64", 20), probe("{pkg}.Sum([]int64{1}, 30, 1)")),
    "receiver_either": (array("buf", "n", "int64", 20), probe("{pkg}.Sum([]int64{1}, 30, 1)")),
    "loop_break": (array("buf", "len(p)", "int64", 40), probe("{pkg}.Sum([]int64{1}, make([]byte, 100))")),
    "loop_labeled_break": (array("buf", "len(p)", "int64", 40), probe("{pkg}.Sum([]int64{1}, make([]byte, 100))")),
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {n: c for n, (c, _) in {**BOUNDED, **NOT_BOUNDED}.items()}
    return proposals_by_case(tmp_path_factory.mktemp("make-const-conditions"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    return naive_mutants(tmp_path_factory.mktemp("make-const-conditions-naive"), toolchain, NOT_BOUNDED, NAIVE)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in BOUNDED.items()], ids=list(BOUNDED))
def test_a_condition_gives_an_exact_array(proposed, name, expected):
    exact_array(proposed[name], BOUNDED[name][0], expected, scope="Sum")


@pytest.mark.parametrize("name", list(NOT_BOUNDED))
def test_no_proven_bound_gives_at_most_a_speculative_buffer(proposed, name):
    found = proposed[name]
    at_most_speculative(found)


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)
