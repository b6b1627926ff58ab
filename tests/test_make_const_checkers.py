"""make-const after a bool predicate of the package with early returns (conditions.predicate, probe45b metric
`SnakeCase`, `LowerKey`): after `if !validKey(k) { return }` with

    func validKey(s string) bool {
        if len(s) == 0 || len(s) > maxItems { return false }
        for i := 0; i < len(s); i++ { if s[i] == ' ' { return false } }
        return true
    }

len(k) is at most maxItems: the call returned true only through a `return true` (bounded where it returns, by the
guards before it) or a return of a condition true there; a `return false` is another path. The other way round,
`if tooLong(s) { return }` counts the returns of false. Each must-decline keeps the naive array as a mutant, run
beside the original: it panics where the original does not.
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
BIG = 'strings.Repeat("x", 50)'


def checked(name: str, callee: str, guard: str = CHECKED, params: str = PARAMS, before: str = "") -> str:
    """sums() sized by len(s) after `guard`, with the predicate's declaration after it."""
    return sums(name, "len(s)", before + guard, params) + callee


def valid(body: str) -> str:
    return f"\nfunc valid(s string) bool {{\n{body}}}\n"


BOUNDED = {
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

NOT_BOUNDED = {
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

NAIVE = {
    name: (array("buf", "len(s)", "int64", 20), probe("{pkg}." + call.replace("xs", "[]int64{1}")))
    for name, (_, call) in NOT_BOUNDED.items()
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {n: c for n, (c, _) in {**BOUNDED, **NOT_BOUNDED}.items()}
    return proposals_by_case(tmp_path_factory.mktemp("make-const-checkers"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    return naive_mutants(tmp_path_factory.mktemp("make-const-checkers-naive"), toolchain, NOT_BOUNDED, NAIVE)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in BOUNDED.items()], ids=list(BOUNDED))
def test_a_checking_predicate_gives_an_exact_array(proposed, name, expected):
    exact_array(proposed[name], BOUNDED[name][0], expected, scope="Sum")


@pytest.mark.parametrize("name", list(NOT_BOUNDED))
def test_no_proven_bound_gives_at_most_a_speculative_buffer(proposed, name):
    at_most_speculative(proposed[name])


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)
