"""make-const through a local helper closure (gorewrite/returns.py `held_literal`): a call of a local that its `:=`
gives one func literal, and whose every other use calls it, runs that literal, so the literal's returns bound a
size as a package function's do — a predicate (`short := func(k int) bool { return k <= maxItems }`), an assertion
(`must := func(k int) { if k > maxItems { panic(…) } }`) and a validator returning an error. A limit the function
raises after making the literal, and an assertion that checks only when a flag says so, bound nothing; their naive
arrays panic where the original does not.
"""

from __future__ import annotations

import pytest
from conftest import at_most_speculative, exact_array, naive_mutants, naive_panics, proposals_by_case
from test_make_const_bounds import array, probe, sums

from gorewrite.rules import RULES

RULE = RULES["make-const"]
PREDICATE = "\tshort := func(k int) bool { return k <= maxItems && k >= 0 }\n\tif !short(n) {\n\t\treturn -1\n\t}"
ASSERTION = "\tmust := func(k int) {\n\t\tif k < 0 || k > maxItems {\n\t\t\tpanic(k)\n\t\t}\n\t}\n\tmust(n)"
VALIDATOR = (
    '\tcheck := func(k int) error {\n\t\tif k > maxItems {\n\t\t\treturn errors.New("long")\n\t\t}\n'
    "\t\treturn nil\n\t}\n"
    "\tif err := check(n); err != nil {\n\t\treturn -1\n\t}"
)
RAISED = (
    "\tlimit := maxItems\n\tshort := func(k int) bool { return k <= limit && k >= 0 }\n\tlimit += raise\n"
    "\tif !short(n) {\n\t\treturn -1\n\t}"
)
FLAGGED = "\tmust := func(k int) {\n\t\tif strict && (k < 0 || k > maxItems) {\n\t\t\tpanic(k)\n\t\t}\n\t}\n\tmust(n)"


def _case(name: str, guard: str, params: str = "xs []int64, n int") -> str:
    source = sums(name, "n", guard, params).replace(
        'import "crypto/sha256"\n', 'import (\n\t"crypto/sha256"\n\t"errors"\n)\n'
    )
    return source + "\nvar _ = errors.New\n"


BOUNDED = {
    name: _case(name, guard)
    for name, guard in (("predicate", PREDICATE), ("assertion", ASSERTION), ("validator", VALIDATOR))
}
NOT_BOUNDED = {
    "raised_limit": (_case("raised_limit", RAISED, "xs []int64, n, raise int"), "Sum([]int64{1}, 30, 10)"),
    "flagged_assertion": (
        _case("flagged_assertion", FLAGGED, "xs []int64, n int, strict bool"),
        "Sum([]int64{1}, 30, false)",
    ),
}
# maxItems is 20 in the template: the naive array is sized by it, and each call above asks for 30
NAIVE = {name: (array("buf", "n", "int64", 20), probe("{pkg}." + call)) for name, (_, call) in NOT_BOUNDED.items()}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {**BOUNDED, **{n: c for n, (c, _) in NOT_BOUNDED.items()}}
    return proposals_by_case(tmp_path_factory.mktemp("make-const-local-helpers"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    return naive_mutants(tmp_path_factory.mktemp("make-const-local-helpers-naive"), toolchain, NOT_BOUNDED, NAIVE)


@pytest.mark.parametrize("name", list(BOUNDED))
def test_a_local_helpers_returns_bound_the_size(proposed, name):
    exact_array(proposed[name], BOUNDED[name], "[20]int64", scope="Sum")


@pytest.mark.parametrize("name", list(NOT_BOUNDED))
def test_a_helper_whose_answer_can_change_bounds_nothing(proposed, name):
    at_most_speculative(proposed[name])


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)
