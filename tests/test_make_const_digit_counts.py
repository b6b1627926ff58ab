"""make-const with a size a std parser reads from a string the code bounds: `n, err :=
strconv.Atoi(string(b[:2]))` is at most 99, `strconv.ParseUint(s, 16, 8)` of two bytes at most 255, base 0 at
most 16^L - 1, and a signed parse at least -(10^L - 1), its sign one of the bytes (`50 - n` reaches 149;
gorewrite/digit_counts.py; the census's shape: xcoff's `Arnamlen [4]byte` field parsed into a name length).
A base the code does not fix, a string nothing bounds, a package's own `Atoi` that only looks like strconv's,
and a write between the parse and the make bound nothing; each must-decline keeps its naive array,
which panics where the original does not.

The census site parses through a local helper, `parseDecimalBytes := func(b []byte) (int64, error) { return
strconv.ParseInt(…) }`: a call of a local that holds one func literal and is never written again, passed or
address-taken calls that literal (returns.held_literal), whose return forwarding a parser's results is bounded by
the parser's digits, its parameter bound to the call's argument (results.py). A helper reassigned on some path, one
whose address is taken, and one returning a captured variable the function writes after making the literal bound
nothing.
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

HELPER = "\tparse := func(p []byte) (int, error) {\n\t\treturn strconv.Atoi(string(p))\n\t}\n"
NIBBLE = "\tparse := func(p []byte) (int, error) {\n\t\treturn int(p[0]) & 0x0f, nil\n\t}\n"
BOUNDED |= {
    # not strconv's: its own returns bound it, len(s)*100 of a 2-byte string (the call binds s), never 99
    "own_atoi": (
        _case("own_atoi", "\tstrconv := digits{}\n\tn, err := strconv.Atoi(string(b[:2]))", extra=OWN),
        "[200]int64",
    ),
    "local_helper": (_case("local_helper", HELPER + "\tn, err := parse(b[:2])"), "[99]int64"),
    "local_helper_values": (_case("local_helper_values", NIBBLE + "\tn, err := parse(b)"), "[15]int64"),
}

# a sign counts as one of the string's bytes, and the number may be negative: 50 - n reaches 149, never only 50
SIGNED = "\tif err != nil {\n\t\treturn -1\n\t}\n\tn := 50 - d"
BOUNDED |= {
    "signed_atoi": (
        _case("signed_atoi", "\td, err := strconv.Atoi(string(b[:2]))").replace(CHECK, SIGNED),
        "[149]int64",
    ),
    "signed_parse_int": (
        _case("signed_parse_int", "\td, err := strconv.ParseInt(string(b[:2]), 10, 64)").replace(CHECK, SIGNED),
        "[149]int64",
    ),
}

NOT_BOUNDED = {
    "helper_reassigned": (
        _case(
            "helper_reassigned",
            HELPER + "\tif wide {\n\t\tparse = func(p []byte) (int, error) { return 150, nil }\n\t}\n"
            "\tn, err := parse(b[:2])",
            "xs []int64, b []byte, wide bool",
        ),
        'Sum([]int64{1}, []byte("12 "), true)',
    ),
    "helper_addressed": (
        _case(
            "helper_addressed",
            HELPER + "\twiden(&parse)\n\tn, err := parse(b[:2])",
            extra="\nfunc widen(f *func([]byte) (int, error)) { *f = func([]byte) (int, error) { return 150, nil } }\n",
        ),
        'Sum([]int64{1}, []byte("12 "))',
    ),
    "helper_captured_later": (
        _case(
            "helper_captured_later",
            "\tlimit := 10\n\tparse := func(p []byte) (int, error) {\n\t\treturn limit, nil\n\t}\n"
            "\tlimit = len(xs)\n\tn, err := parse(b)",
        ),
        'Sum(make([]int64, 150), []byte("123"))',
    ),
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
    "written_between": (
        _case("written_between", "\tn, err := strconv.Atoi(string(b[:2]))\n\tn *= k", "xs []int64, b []byte, k int"),
        'Sum([]int64{1}, []byte("50 "), 3)',
    ),
}
NAIVE = {name: (array("buf", "n", "int64", 99), probe("{pkg}." + call)) for name, (_, call) in NOT_BOUNDED.items()}
OWN_NAIVE = {"own_atoi": (BOUNDED["own_atoi"][0], 'Sum([]int64{1}, []byte("123"))')}
NAIVE["own_atoi"] = (array("buf", "n", "int64", 99), probe("{pkg}." + OWN_NAIVE["own_atoi"][1]))
# a parse taken as never negative: 50 - n at most 50, but "-9" gives 59
OWN_NAIVE |= {
    name: (BOUNDED[name][0], 'Sum([]int64{1}, []byte("-9 "))') for name in ("signed_atoi", "signed_parse_int")
}
NAIVE |= {
    name: (array("buf", "n", "int64", 50), probe("{pkg}." + OWN_NAIVE[name][1]))
    for name in ("signed_atoi", "signed_parse_int")
}
NAIVE["helper_captured_later"] = (
    array("buf", "n", "int64", 10),
    probe("{pkg}." + NOT_BOUNDED["helper_captured_later"][1]),
)


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {n: c for n, (c, _) in {**BOUNDED, **NOT_BOUNDED}.items()}
    return proposals_by_case(tmp_path_factory.mktemp("make-const-digit-counts"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    declines = {**NOT_BOUNDED, **OWN_NAIVE}  # own_atoi, signed_*: bounded, but not by the naive array
    return naive_mutants(tmp_path_factory.mktemp("make-const-digit-counts-naive"), toolchain, declines, NAIVE)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in BOUNDED.items()], ids=list(BOUNDED))
def test_a_parsed_number_is_bounded_by_its_strings_digits(proposed, name, expected):
    exact_array(proposed[name], BOUNDED[name][0], expected, scope="Sum")


@pytest.mark.parametrize("name", list(NOT_BOUNDED))
def test_a_parse_the_code_does_not_bound_bounds_nothing(proposed, name):
    at_most_speculative(proposed[name])


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)
