"""make-const with the length of what a std Append function returns: its first argument's and at most the
elements it appends (lengths.APPENDED, by go/types' object): `digits := strconv.AppendInt(tmp[:0], v, 10)` has at
most 20 bytes (probe44b `Thousands`, `Fixed`: a money amount's digits grouped by thousands), AppendUint's 20 in
decimal, a varint's 10, a rune's 4, a bool's 5; a constant base gives its own digits (`strconv.FormatInt(v, 16)`:
a sign and 16, lengths.BASES), any other base base 2's. An undersized array (one element short) panics at the
documented end; an append to what nothing bounds, in a loop, or a package's own `AppendInt` bounds nothing, and
each must-decline keeps its naive array, which panics where the original does not.
"""

from __future__ import annotations

import pytest
from conftest import at_most_speculative, exact_array, naive_mutants, naive_panics, proposals_by_case
from test_make_const_bounds import array, probe, sums

from gorewrite.rules import RULES

RULE = RULES["make-const"]
SCRATCH = "\tvar tmp [24]byte\n"
INT = "xs []int64, v int64"
UINT = "xs []int64, v uint64"

BOUNDED = {
    # an int64 in decimal: 19 digits and a sign
    "append_int_decimal": (
        sums("append_int_decimal", "len(d)", SCRATCH + "\td := strconv.AppendInt(tmp[:0], v, 10)", INT),
        "[20]int64",
    ),
    # in hexadecimal: 16 digits and a sign
    "append_int_hex": (
        sums("append_int_hex", "len(d)", SCRATCH + "\td := strconv.AppendInt(tmp[:0], v, 16)", INT),
        "[17]int64",
    ),
    # a base nothing fixes: base 2's 64 digits and a sign
    "append_int_base": (
        sums("append_int_base", "len(d)", SCRATCH + "\td := strconv.AppendInt(tmp[:0], v, base)", INT + ", base int"),
        "[65]int64",
    ),
    # after a currency sign, and grouped by thousands as money is
    "append_int_prefixed": (
        sums(
            "append_int_prefixed",
            "len(d)+len(d)/3",
            SCRATCH + "\td := strconv.AppendInt(append(tmp[:0], '$'), v, 10)",
            INT,
        ),
        "[28]int64",
    ),
    # a uint64 in decimal: 20 digits, no sign; in base 36: 13
    "append_uint_decimal": (
        sums("append_uint_decimal", "len(d)", SCRATCH + "\td := strconv.AppendUint(tmp[:0], v, 10)", UINT),
        "[20]int64",
    ),
    "format_uint_base36": (sums("format_uint_base36", "len(s)", "\ts := strconv.FormatUint(v, 36)", UINT), "[13]int64"),
    "format_int_hex": (sums("format_int_hex", "len(s)", "\ts := strconv.FormatInt(v, 16)", INT), "[17]int64"),
    # appended to nil (the universe's, by go/types): the digits alone
    "append_int_nil": (sums("append_int_nil", "len(d)", "\td := strconv.AppendInt(nil, v, 10)", INT), "[20]int64"),
    # a varint after a 2-byte header: at most 12
    "append_varint": (
        sums("append_varint", "len(b)", "\tvar hdr [12]byte\n\tb := binary.AppendUvarint(hdr[:2], v)", UINT),
        "[12]int64",
    ),
    "append_rune": (
        sums("append_rune", "8*len(b)", SCRATCH + "\tb := utf8.AppendRune(tmp[:0], r)", "xs []int64, r rune"),
        "[32]int64",
    ),
    "append_bool": (
        sums("append_bool", "8*len(b)", SCRATCH + "\tb := strconv.AppendBool(tmp[:0], ok)", "xs []int64, ok bool"),
        "[40]int64",
    ),
}

NOT_BOUNDED = {
    # the caller's buffer: nothing bounds its length
    "append_to_parameter": (
        sums("append_to_parameter", "len(d)", "\td := strconv.AppendInt(dst, v, 10)", INT + ", dst []byte"),
        '{pkg}.Sum([]int64{1}, 7, []byte("total amount due today: "))',
    ),
    # one number per pass: as many as vs has
    "append_in_loop": (
        sums(
            "append_in_loop",
            "len(d)",
            SCRATCH + "\td := tmp[:0]\n\tfor _, v := range vs {\n\t\td = strconv.AppendInt(d, v, 10)\n\t}",
            "xs []int64, vs []int64",
        ),
        "{pkg}.Sum([]int64{1}, []int64{123456789012, 123456789012})",
    ),
    # a variable called nil, which go/types tells from the universe's
    "shadowed_nil": (
        sums(
            "shadowed_nil",
            "len(d)",
            '\tnil := []byte("account balance on the first of the month: ")\n\td := strconv.AppendInt(nil, v, 10)',
            INT,
        ),
        "{pkg}.Sum([]int64{1}, 7)",
    ),
    # the package's own AppendInt, which pads to a width: go/types' object is not strconv's
    "own_append_int": (
        sums("own_append_int", "len(d)", SCRATCH + "\td := AppendInt(tmp[:0], v, 10)", INT)
        + "\n// AppendInt appends v right-aligned in a 32-byte column.\n"
        + "func AppendInt(dst []byte, v int64, base int) []byte {\n"
        + "\ts := strconv.FormatInt(v, base)\n\tfor i := len(s); i < 32; i++ {\n\t\tdst = append(dst, ' ')\n\t}\n"
        + "\treturn append(dst, s...)\n}\n",
        "{pkg}.Sum([]int64{1}, 7)",
    ),
}

NAIVE = {
    "append_to_parameter": (array("buf", "len(d)", "int64", 20), NOT_BOUNDED["append_to_parameter"][1]),
    "append_in_loop": (array("buf", "len(d)", "int64", 20), NOT_BOUNDED["append_in_loop"][1]),
    "own_append_int": (array("buf", "len(d)", "int64", 20), NOT_BOUNDED["own_append_int"][1]),
    "shadowed_nil": (array("buf", "len(d)", "int64", 20), NOT_BOUNDED["shadowed_nil"][1]),
}

# a positive case -> (an array one element short, a probe reaching the documented end, where it panics)
UNDERSIZED = {
    "append_int_decimal": (array("buf", "len(d)", "int64", 19), probe("{pkg}.Sum([]int64{1}, -1<<63)")),
    "append_int_nil": (array("buf", "len(d)", "int64", 19), probe("{pkg}.Sum([]int64{1}, -1<<63)")),
    "append_int_hex": (array("buf", "len(d)", "int64", 16), probe("{pkg}.Sum([]int64{1}, -1<<63)")),
    "append_int_base": (array("buf", "len(d)", "int64", 64), probe("{pkg}.Sum([]int64{1}, -1<<63, 2)")),
    "append_int_prefixed": (array("buf", "len(d)+len(d)/3", "int64", 27), probe("{pkg}.Sum([]int64{1}, -1<<63)")),
    "append_uint_decimal": (array("buf", "len(d)", "int64", 19), probe("{pkg}.Sum([]int64{1}, 1<<64-1)")),
    "format_uint_base36": (array("buf", "len(s)", "int64", 12), probe("{pkg}.Sum([]int64{1}, 1<<64-1)")),
    "format_int_hex": (array("buf", "len(s)", "int64", 16), probe("{pkg}.Sum([]int64{1}, -1<<63)")),
    "append_varint": (array("buf", "len(b)", "int64", 11), probe("{pkg}.Sum([]int64{1}, 1<<63)")),
    "append_rune": (array("buf", "8*len(b)", "int64", 31), probe("{pkg}.Sum([]int64{1}, '\\U0001F600')")),
    "append_bool": (array("buf", "8*len(b)", "int64", 39), probe("{pkg}.Sum([]int64{1}, false)")),
}


def _imports(source: str) -> str:
    """The case's package, with the imports its sizes need (sums() imports crypto/sha256 only)."""
    extra = '\t"encoding/binary"\n\t"strconv"\n\t"unicode/utf8"\n'
    source = source.replace('import "crypto/sha256"\n', f'import (\n{extra}\t"crypto/sha256"\n)\n')
    return source + "\nvar (\n\t_ = binary.AppendUvarint\n\t_ = strconv.Itoa\n\t_ = utf8.AppendRune\n)\n"


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {n: _imports(c) for n, (c, _) in {**BOUNDED, **NOT_BOUNDED}.items()}
    return proposals_by_case(tmp_path_factory.mktemp("make-const-appended"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    declines = {n: (_imports(c), p) for n, (c, p) in NOT_BOUNDED.items()}
    declines |= {n: (_imports(BOUNDED[n][0]), None) for n in UNDERSIZED}
    naive = {n: (rewrite, probe(call)) for n, (rewrite, call) in NAIVE.items()} | UNDERSIZED
    return naive_mutants(tmp_path_factory.mktemp("make-const-appended-naive"), toolchain, declines, naive)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in BOUNDED.items()], ids=list(BOUNDED))
def test_an_append_functions_result_is_bounded_by_what_it_appends(proposed, name, expected):
    exact_array(proposed[name], _imports(BOUNDED[name][0]), expected, scope="Sum")


@pytest.mark.parametrize("name", list(NOT_BOUNDED))
def test_an_append_to_what_nothing_bounds_gives_at_most_a_speculative_buffer(proposed, name):
    at_most_speculative(proposed[name])


@pytest.mark.parametrize("name", list(NAIVE) + list(UNDERSIZED))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)
