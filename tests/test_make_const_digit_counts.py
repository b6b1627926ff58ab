"""make-const with a size a std parser reads from a string the code bounds: `n, err :=
strconv.Atoi(string(b[:2]))` is at most 99, `strconv.ParseUint(s, 16, 8)` of two bytes at most 255, base 0 at
most 16^L - 1 (gorewrite/digit_counts.py; the census's shape: xcoff's `Arnamlen [4]byte` field parsed into a name
length). A base the code does not fix, a string nothing bounds, a package's own `Atoi` that only looks like
strconv's, and a write between the parse and the make bound nothing; each must-decline keeps its naive array,
which panics where the original does not.
"""

from __future__ import annotations

import pytest
from conftest import at_most_speculative, exact_array, naive_mutants, naive_panics, proposals_by_case
from test_make_const_bounds import array, probe, sums

from gorewrite.rules import RULES

RULE = RULES["make-const"]
PARAMS = "xs []int64, b []byte"
IMPORTS = 'import (\n\t"crypto/sha256"\n\t"strconv"\n\t"strings"\n)\n'
SHORT = "\tif len(b) < 3 {\n\t\treturn -1\n\t}\n"
CHECK = "\tif err != nil {\n\t\treturn -1\n\t}"
OWN = """
type digits struct{}

// Atoi reads a count in hundreds.
func (digits) Atoi(s string) (int, error) { return len(s) * 100, nil }
"""


def _case(name: str, parse: str, params: str = PARAMS, extra: str = "") -> str:
    guard = f"{SHORT}{parse}\n{CHECK}"
    source = sums(name, "n", guard, params).replace('import "crypto/sha256"\n', IMPORTS)
    return source + extra + "\nvar _ = strings.TrimSpace\nvar _ = strconv.Atoi\n"


BOUNDED = {
    "atoi_two_bytes": (_case("atoi_two_bytes", "\tn, err := strconv.Atoi(string(b[:2]))"), "[99]int64"),
    "trimmed_field": (
        _case("trimmed_field", "\tn, err := strconv.Atoi(strings.TrimSpace(string(b[:3])))"),
        "[999]int64",
    ),
    "parse_uint_hex": (
        _case("parse_uint_hex", "\tn, err := strconv.ParseUint(string(b[:2]), 16, 64)"),
        "[255]int64",
    ),
    "base_zero": (_case("base_zero", "\tn, err := strconv.ParseInt(string(b[:2]), 0, 64)"), "[255]int64"),
    "assigned_later": (
        _case("assigned_later", "\tvar n int64\n\tvar err error\n\tn, err = strconv.ParseInt(string(b[:3]), 10, 16)"),
        "[999]int64",
    ),
}

NOT_BOUNDED = {
    "variable_base": (
        _case(
            "variable_base", "\tn, err := strconv.ParseInt(string(b[:2]), base, 64)", "xs []int64, b []byte, base int"
        ),
        'Sum([]int64{1}, []byte("ff "), 16)',
    ),
    "unbounded_string": (
        _case("unbounded_string", "\tn, err := strconv.Atoi(string(b))"),
        'Sum([]int64{1}, []byte("150"))',
    ),
    "own_atoi": (
        _case("own_atoi", "\tstrconv := digits{}\n\tn, err := strconv.Atoi(string(b[:2]))", extra=OWN),
        'Sum([]int64{1}, []byte("123"))',
    ),
    "written_between": (
        _case("written_between", "\tn, err := strconv.Atoi(string(b[:2]))\n\tn *= k", "xs []int64, b []byte, k int"),
        'Sum([]int64{1}, []byte("50 "), 3)',
    ),
}
NAIVE = {name: (array("buf", "n", "int64", 99), probe("{pkg}." + call)) for name, (_, call) in NOT_BOUNDED.items()}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {n: c for n, (c, _) in {**BOUNDED, **NOT_BOUNDED}.items()}
    return proposals_by_case(tmp_path_factory.mktemp("make-const-digit-counts"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    return naive_mutants(tmp_path_factory.mktemp("make-const-digit-counts-naive"), toolchain, NOT_BOUNDED, NAIVE)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in BOUNDED.items()], ids=list(BOUNDED))
def test_a_parsed_number_is_bounded_by_its_strings_digits(proposed, name, expected):
    exact_array(proposed[name], BOUNDED[name][0], expected, scope="Sum")


@pytest.mark.parametrize("name", list(NOT_BOUNDED))
def test_a_parse_the_code_does_not_bound_bounds_nothing(proposed, name):
    at_most_speculative(proposed[name])


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)
