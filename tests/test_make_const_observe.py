"""make-const with the facts the observability probe (probe45b) needed, each must-decline's naive array kept as a
mutant run beside the original, where it panics and the original does not:

- a bool predicate of the package with early returns (conditions.predicate; metric `SnakeCase`, `LowerKey`): after
  `if !valid(s) { return }` with a `valid` whose guard `return false`s for `len(s) > maxItems`, a loop of `return
  false` after it, then `return true`, len(s) is at most maxItems: the call returned true only through a return
  bounded where it returns (by the guards before it, or the condition it returns), a `return false` being another
  path; `if tooLong(s) { return }` counts the returns of false;
- a slicing of an array or a string, at most its operand's length whatever its indexes (shapes.length; ring
  `Percentile`): `part := r.buf[:r.n]` of a `[40]int64` field, or it panics (the spec: `0 <= low <= high <= len(a)`
  for arrays and strings); not a slice's, whose high index may reach its capacity;
- a variable bounded by the value it copies where it is read (copies.copied_value; ratelimit `BucketKey`): after
  `n := len(a) + len(b)` then `if len(a) > 8 || len(b) > 12 { return }`, n is at most 20, since its declaration is
  its only write and nothing writes a or b (nor takes their address, nor a closure) until n's scope ends.
"""

from __future__ import annotations

import pytest
from conftest import at_most_speculative, exact_array, naive_mutants, naive_panics, proposals_by_case
from test_make_const_bounds import array, probe, sums

from gorewrite.rules import RULES

RULE = RULES["make-const"]
PARAMS = "xs []int64, s string"
CHECKED = "\tif !valid(s) {\n\t\treturn -1\n\t}"
REFUSED = "\tif tooLong(s) {\n\t\treturn -1\n\t}"
GUARD = "\tif len(s) == 0 || len(s) > maxItems {\n\t\treturn false\n\t}\n"
SCAN = "\tfor i := 0; i < len(s); i++ {\n\t\tif s[i] == ' ' {\n\t\t\treturn false\n\t\t}\n\t}\n"
SHORT = "\tif len(s) > maxItems {\n\t\treturn -1\n\t}"
RING = "\ntype ring struct {\n\tbuf [40]int64\n\tn   int\n}\n"
BIG = 'strings.Repeat("x", 50)'


def checked(name: str, callee: str, guard: str = CHECKED, params: str = PARAMS, before: str = "") -> str:
    """sums() sized by len(s) after `guard`, with the predicate's declaration after it."""
    return sums(name, "len(s)", before + guard, params) + callee


def valid(body: str) -> str:
    return f"\nfunc valid(s string) bool {{\n{body}}}\n"


def sliced(name: str, params: str, guard: str, after: str = "") -> str:
    """sums() sized by len(part) after `guard`, with declarations after it."""
    return sums(name, "len(part)", guard, params) + after


CHECKED_BOUNDED = {
    "early_false": (checked("early_false", valid(GUARD + SCAN + "\treturn true\n")), "[20]int64"),
    # a condition returned last, after the guards: bounded by the guards before it
    "final_condition": (checked("final_condition", valid(GUARD + "\treturn s[0] != '_'\n")), "[20]int64"),
    # a condition returned last, bounding by itself
    "condition_bounds": (
        checked("condition_bounds", valid('\tif s == "" {\n\t\treturn false\n\t}\n\treturn len(s) <= maxItems\n')),
        "[20]int64",
    ),
    # `if tooLong(s) { return }`: the call returned false
    "returned_false": (
        checked(
            "returned_false",
            "\nfunc tooLong(s string) bool {\n\tif len(s) > maxItems {\n\t\treturn true\n\t}\n\treturn false\n}\n",
            REFUSED,
        ),
        "[20]int64",
    ),
}

CHECKED_NOT = {
    # a path returns true before the length is checked
    "early_true": (
        checked("early_true", valid("\tif s[0] == 'x' {\n\t\treturn true\n\t}\n" + GUARD + "\treturn true\n")),
        f"Sum(xs, {BIG})",
    ),
    # the guard returns a variable the package may set to true
    "returns_variable": (
        checked(
            "returns_variable",
            "\nvar lax = true\n" + valid("\tif len(s) > maxItems {\n\t\treturn lax\n\t}\n\treturn true\n"),
        ),
        f"Sum(xs, {BIG})",
    ),
    # one part of a true && leaves: a long s starting with '!' is not too long
    "refused_either": (
        checked(
            "refused_either",
            "\nfunc tooLong(s string) bool {\n\tif len(s) > maxItems && s[0] != '!' {\n\t\treturn true\n\t}\n"
            "\treturn false\n}\n",
            REFUSED,
        ),
        f'Sum(xs, "!"+{BIG})',
    ),
    # the caller's s is addressed, and the predicate's hook triples it after the check
    "subject_addressed": (
        checked(
            "subject_addressed",
            "\nvar hook = func() {}\n" + valid(GUARD + "\thook()\n\treturn true\n"),
            before="\tp := &s\n\thook = func() { *p = *p + *p + *p }\n",
        ),
        'Sum(xs, "0123456789")',
    ),
}

SLICED_BOUNDED = {
    "array_field": (sliced("array_field", "xs []int64, r *ring", "\tpart := r.buf[:r.n]", RING), "[40]int64"),
    "array_pointer": (sliced("array_pointer", "xs []int64, p *[40]byte, i, j int", "\tpart := p[i:j]"), "[40]int64"),
    "array_three_index": (
        sliced("array_three_index", "xs []int64, a [30]byte, i, j, k int", "\tpart := a[i:j:k]"),
        "[30]int64",
    ),
    "string_prefix": (
        sliced("string_prefix", "xs []int64, s string, n int", SHORT + "\n\tpart := s[:n]"),
        "[20]int64",
    ),
}

SLICED_NOT = {
    # a variable made from a slice literal has the literal's length, not its capacity
    "slice_literal_variable": (
        sliced(
            "slice_literal_variable",
            "xs []int64, n int",
            "\tlit := append([]byte{1, 2}, make([]byte, 60)...)[:2]\n\tpart := lit[:n]",
        ),
        "Sum([]int64{1}, 50)",
    ),
    # a slice's high index may reach its capacity, past the length the guard bounds
    "slice_to_capacity": (
        sliced("slice_to_capacity", "xs []int64, s []byte, n int", SHORT + "\n\tpart := s[:n]"),
        "Sum([]int64{1}, make([]byte, 10, 100), 50)",
    ),
}

COPIED_BOUNDED = {
    "length_then_guard": (
        sums("length_then_guard", "n", "\tn := len(s)\n" + SHORT, "xs []int64, s string"),
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

COPIED_NOT = {
    # s shortened between the copy and the guard: n keeps the long length
    "source_written": (
        sums("source_written", "n", "\tn := len(s)\n\ts = s[:1]\n" + SHORT, "xs []int64, s string"),
        f"Sum(xs, {BIG})",
    ),
    # a closure shortens s between the copy and the guard
    "source_shortened_by_closure": (
        sums(
            "source_shortened_by_closure",
            "n",
            "\tn := len(s)\n\tshrink := func() { s = s[:1] }\n\tshrink()\n" + SHORT,
            "xs []int64, s string",
        ),
        f"Sum(xs, {BIG})",
    ),
    # the copy itself grows after the guard
    "copy_written": (
        sums("copy_written", "n", "\tn := len(s)\n" + SHORT + "\n\tn += k", "xs []int64, s string, k int"),
        'Sum(xs, "abc", 40)',
    ),
}

BOUNDED = {**CHECKED_BOUNDED, **SLICED_BOUNDED, **COPIED_BOUNDED}
NOT_BOUNDED = {**CHECKED_NOT, **SLICED_NOT, **COPIED_NOT}
SIZES = {
    **dict.fromkeys(CHECKED_NOT, "len(s)"),
    **dict.fromkeys(SLICED_NOT, "len(part)"),
    **dict.fromkeys(COPIED_NOT, "n"),
}
NAIVE = {
    name: (array("buf", SIZES[name], "int64", 20), probe("{pkg}." + call.replace("Sum(xs", "Sum([]int64{1}")))
    for name, (_, call) in NOT_BOUNDED.items()
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {n: c for n, (c, _) in {**BOUNDED, **NOT_BOUNDED}.items()}
    return proposals_by_case(tmp_path_factory.mktemp("make-const-observe"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    return naive_mutants(tmp_path_factory.mktemp("make-const-observe-naive"), toolchain, NOT_BOUNDED, NAIVE)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in BOUNDED.items()], ids=list(BOUNDED))
def test_a_proven_bound_gives_an_exact_array(proposed, name, expected):
    exact_array(proposed[name], BOUNDED[name][0], expected, scope="Sum")


@pytest.mark.parametrize("name", list(NOT_BOUNDED))
def test_no_proven_bound_gives_at_most_a_speculative_buffer(proposed, name):
    at_most_speculative(proposed[name])


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)
