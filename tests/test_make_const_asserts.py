"""make-const after an assertion helper of the package: `mustFit(n)` with `func mustFit(n int) { if n < 0 || n >
maxMsg { panic(…) } }` returns only by running off its end, where its guards hold of n (probe39c r2 `Assert`,
which took the speculative budget before; gorewrite/asserts.py). A helper that may return early, recovers its
own panic in a `defer`, writes its parameter, only logs, or is handed another value bounds nothing: each
must-decline keeps its naive array, which panics where the original does not.
"""

from __future__ import annotations

import pytest
from conftest import at_most_speculative, exact_array, naive_mutants, naive_panics, proposals_by_case
from test_make_const_bounds import array, probe, sums

from gorewrite.rules import RULES

RULE = RULES["make-const"]
PARAMS = "xs []int64, n int, key string, lax bool"
MUST = '\nfunc mustFit(n int) {\n\tif n < 0 || n > maxItems {\n\t\tpanic("size out of range")\n\t}\n}\n'
KEY = '\nfunc checkKey(s string) {\n\tif len(s) > maxItems {\n\t\tpanic("key too long")\n\t}\n}\n'
METHOD = (
    "\ntype limits struct{ strict bool }\n\nfunc (l limits) must(n int) {\n\tswitch {\n\tcase n > maxBatch:\n"
    '\t\tpanic("batch too large")\n\tcase n < 0:\n\t\tpanic("negative batch")\n\t}\n}\n'
)
WHOLE = '\nfunc checkLen(n int) {\n\tif n > maxBatch {\n\t\tpanic("too long")\n\t}\n}\n'


def _case(name: str, size: str, guard: str, helper: str) -> str:
    return sums(name, size, guard, PARAMS) + helper


BOUNDED = {
    "assert_value": (_case("assert_value", "n", "\tmustFit(n)", MUST), "[20]int64"),
    "assert_length": (_case("assert_length", "len(key)", "\tcheckKey(key)", KEY), "[20]int64"),
    "assert_method": (_case("assert_method", "n", "\tvar l limits\n\tl.must(n)", METHOD), "[16]int64"),
    "assert_whole": (_case("assert_whole", "len(key)", "\tcheckLen(len(key))", WHOLE), "[16]int64"),
}

RECOVERS = MUST.replace("{\n\tif n < 0", "{\n\tdefer func() { _ = recover() }()\n\tif n < 0")
EARLY = MUST.replace("(n int) {\n", "(n int, lax bool) {\n\tif lax {\n\t\treturn\n\t}\n")
WRITES = MUST.replace("(n int) {\n", "(n int) {\n\tif n > maxItems {\n\t\tn = maxItems\n\t}\n")
LOGS = MUST.replace('panic("size out of range")', 'println("size out of range")')
NOT_BOUNDED = {
    "assert_recovers": (_case("assert_recovers", "n", "\tmustFit(n)", RECOVERS), 'Sum([]int64{1}, 30, "", false)'),
    "assert_returns_early": (
        _case("assert_returns_early", "n", "\tmustFit(n, lax)", EARLY),
        'Sum([]int64{1}, 30, "", true)',
    ),
    "assert_writes_parameter": (
        _case("assert_writes_parameter", "n", "\tmustFit(n)", WRITES),
        'Sum([]int64{1}, 30, "", false)',
    ),
    "assert_only_logs": (_case("assert_only_logs", "n", "\tmustFit(n)", LOGS), 'Sum([]int64{1}, 30, "", false)'),
    "assert_other_value": (
        _case("assert_other_value", "n", "\tmustFit(len(key))", MUST),
        'Sum([]int64{1}, 30, "", false)',
    ),
}
NAIVE = {name: (array("buf", "n", "int64", 20), probe("{pkg}." + call)) for name, (_, call) in NOT_BOUNDED.items()}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {n: c for n, (c, _) in {**BOUNDED, **NOT_BOUNDED}.items()}
    return proposals_by_case(tmp_path_factory.mktemp("make-const-asserts"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    return naive_mutants(tmp_path_factory.mktemp("make-const-asserts-naive"), toolchain, NOT_BOUNDED, NAIVE)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in BOUNDED.items()], ids=list(BOUNDED))
def test_an_assertion_helper_bounds_what_it_is_given(proposed, name, expected):
    exact_array(proposed[name], BOUNDED[name][0], expected, scope="Sum")


@pytest.mark.parametrize("name", list(NOT_BOUNDED))
def test_a_helper_that_may_return_unchecked_bounds_nothing(proposed, name):
    at_most_speculative(proposed[name])


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)
