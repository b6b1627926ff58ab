"""make-const with a size that is one result of several: `n, err := parseLen(b)` sets n to what parseLen's
return statements return first, each bounded where it returns (`return int(b[0]) & 0x0f, nil`, `return 0,
errShort`): Go's (T, error) idiom (probe39c r2 `TwoResults`, which took the speculative budget before;
gorewrite/results.py). A return that lists no values (a bare `return` of named results), one that forwards
another call's results, a `defer` that may set a named result after the return, and one return nothing
bounds all bound nothing; each must-decline keeps its naive array, which panics where the original does not.
"""

from __future__ import annotations

import pytest
from conftest import at_most_speculative, exact_array, naive_mutants, naive_panics, proposals_by_case
from test_make_const_bounds import array, probe, sums

from gorewrite.rules import RULES

RULE = RULES["make-const"]
PARAMS = "xs []int64, b []byte"
CHECKED = "\tn, err := parseLen(b)\n\tif err != nil {\n\t\treturn -1\n\t}"
UNCHECKED = "\tn, _ := parseLen(b)"
IMPORTS = 'import (\n\t"crypto/sha256"\n\t"errors"\n)\n'
PARSE = """
var errShort = errors.New("short")

func parseLen(b []byte) (int, error) {
	if len(b) < 2 {
		return 0, errShort
	}
	return int(b[0]) & 0x0f, nil
}
"""
METHOD = """
type decoder struct{ wide bool }

func (d *decoder) width() (w int, ok bool) {
	if d.wide {
		return 16, true
	}
	return 8, d != nil
}
"""
SPLIT = """
func split(b []byte) ([]byte, int) {
	if len(b) == 0 {
		return nil, 0
	}
	return b[1:], int(b[0] & 7)
}
"""


def _case(name: str, guard: str, callee: str, params: str = PARAMS) -> str:
    return (
        sums(name, "n", guard, params).replace('import "crypto/sha256"\n', IMPORTS) + callee + "\nvar _ = errors.New\n"
    )


BOUNDED = {
    "first_of_two": (_case("first_of_two", CHECKED, PARSE), "[15]int64"),
    "var_form": (_case("var_form", "\tvar n, err = parseLen(b)\n\t_ = err", PARSE), "[15]int64"),
    "second_picked": (_case("second_picked", "\trest, n := split(b)\n\t_ = rest", SPLIT), "[7]int64"),
    "method_named_results": (
        _case(
            "method_named_results",
            "\tn, ok := d.width()\n\tif !ok {\n\t\treturn -1\n\t}",
            METHOD,
            "xs []int64, d *decoder",
        ),
        "[16]int64",
    ),
}

UNBOUNDED_RETURN = PARSE.replace("\t\treturn 0, errShort", "\t\treturn len(xs0), nil").replace(
    "(b []byte)", "(b []byte, xs0 []int64)"
)
BARE = """
func parseLen(b []byte) (n int, err error) {
	n = int(b[0]) & 0x0f
	if len(b) > 16 {
		n = len(b)
	}
	return
}
"""
DEFERRED = """
var errLong = errors.New("long")

func parseLen(b []byte) (n int, err error) {
	defer func() {
		if err != nil {
			n = len(b)
		}
	}()
	if len(b) > 16 {
		return 0, errLong
	}
	return int(b[0]) & 0x0f, nil
}
"""
FORWARDED = """
func parseLen(b []byte) (int, error) {
	if len(b) > 16 {
		return measure(b)
	}
	return int(b[0]) & 0x0f, nil
}

func measure(b []byte) (int, error) { return len(b), nil }
"""
LONG = "Sum([]int64{1}, make([]byte, 40))"
NOT_BOUNDED = {
    "unbounded_return": (
        _case("unbounded_return", "\tn, _ := parseLen(b, xs)", UNBOUNDED_RETURN),
        "Sum(make([]int64, 40), nil)",
    ),
    "bare_return": (_case("bare_return", UNCHECKED, BARE), LONG),
    "deferred_result": (_case("deferred_result", UNCHECKED, DEFERRED), LONG),
    "forwarded_results": (_case("forwarded_results", UNCHECKED, FORWARDED), LONG),
}
NAIVE = {
    "unbounded_return": (array("buf", "n", "int64", 15), probe("{pkg}.Sum(make([]int64, 40), nil)")),
    **{name: (array("buf", "n", "int64", 15), probe("{pkg}." + LONG)) for name in list(NOT_BOUNDED)[1:]},
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {n: c for n, (c, _) in {**BOUNDED, **NOT_BOUNDED}.items()}
    return proposals_by_case(tmp_path_factory.mktemp("make-const-results"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    return naive_mutants(tmp_path_factory.mktemp("make-const-results-naive"), toolchain, NOT_BOUNDED, NAIVE)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in BOUNDED.items()], ids=list(BOUNDED))
def test_one_result_of_several_is_bounded_by_the_callees_returns(proposed, name, expected):
    exact_array(proposed[name], BOUNDED[name][0], expected, scope="Sum")


@pytest.mark.parametrize("name", list(NOT_BOUNDED))
def test_a_result_a_return_does_not_bound_bounds_nothing(proposed, name):
    at_most_speculative(proposed[name])


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)
