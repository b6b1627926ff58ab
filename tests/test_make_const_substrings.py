"""make-const with the length of a part of a bounded string: `strings.TrimSpace(s)`, the Trim family, and
`strings.Cut`'s before and after (bytes' too) return a part of their first argument, so never a longer one:
after `if len(label) > maxLabel { return }`, `label = strings.TrimSpace(label)` keeps len(label) <= maxLabel
(probe39c dnsname `Lower`, r2 `Field`: each took the speculative budget before; lengths.SUBSTRINGS, by go/types'
object). strings.ToLower may lengthen (`Ⱥ`, 2 bytes, lowers to `ⱥ`, 3), a part of another string and a string that
grew after its guard bound nothing: each must-decline keeps its naive array, which panics where the original
does not. strings.Split and Fields (bytes' too) return at most one part more than their argument has bytes
(lengths.PARTS): an array sized by the bytes alone panics for a string of commas. `[]byte(s)` and `[]rune(s)` have
at most len(s) elements; `string(rs)` of runes may be longer (an invalid byte comes back as 3), so it bounds nothing.
"""

from __future__ import annotations

import pytest
from conftest import at_most_speculative, exact_array, naive_mutants, naive_panics, proposals_by_case
from test_make_const_bounds import array, probe, sums

from gorewrite.rules import RULES

RULE = RULES["make-const"]
PARAMS = "xs []int64, key, other string, b []byte"
GUARD = "\tif len(key) > maxItems {\n\t\treturn -1\n\t}\n"
IMPORTS = 'import (\n\t"bytes"\n\t"crypto/sha256"\n\t"strings"\n)\n'


def _case(name: str, size: str, guard: str) -> str:
    source = sums(name, size, guard, PARAMS).replace('import "crypto/sha256"\n', IMPORTS)
    return source + "\nvar _, _ = bytes.TrimSpace, strings.TrimSpace\n"


BOUNDED = {
    "trimmed_in_place": (_case("trimmed_in_place", "len(key)", GUARD + "\tkey = strings.TrimSpace(key)"), "[20]int64"),
    "cut_before": (_case("cut_before", "len(k)+len(v)", GUARD + '\tk, v, _ := strings.Cut(key, "=")'), "[40]int64"),
    "bytes_prefix": (
        _case(
            "bytes_prefix",
            "len(p)",
            '\tif len(b) > maxBatch {\n\t\treturn -1\n\t}\n\tp := bytes.TrimPrefix(b, []byte("0x"))',
        ),
        "[16]int64",
    ),
    "trimmed_right": (_case("trimmed_right", "len(t)", GUARD + '\tt := strings.TrimRight(key, " \\t")'), "[20]int64"),
    # at most one part more than key has bytes: 20 commas make 21 (probe40c semver, dnslabel)
    "split_parts": (_case("split_parts", "len(parts)", GUARD + '\tparts := strings.Split(key, ",")'), "[21]int64"),
    # a conversion to a slice: the string's bytes, or its runes, never more
    "bytes_of_string": (_case("bytes_of_string", "len(p)", GUARD + "\tp := []byte(key)"), "[20]int64"),
    "runes_of_string": (_case("runes_of_string", "len(r)", GUARD + "\tr := []rune(key)"), "[20]int64"),
    "fields_bytes": (
        _case("fields_bytes", "len(f)", "\tif len(b) > maxBatch {\n\t\treturn -1\n\t}\n\tf := bytes.Fields(b)"),
        "[17]int64",
    ),
}

LONG_OTHER = 'Sum([]int64{1}, "", strings.Repeat("a", 40), nil)'
NOT_BOUNDED = {
    "lowered": (
        _case("lowered", "len(key)", GUARD + "\tkey = strings.ToLower(key)"),
        'Sum([]int64{1}, strings.Repeat("\\u023a", 10), "", nil)',
    ),
    "trimmed_other": (_case("trimmed_other", "len(k)", GUARD + "\tk := strings.TrimSpace(other)"), LONG_OTHER),
    "cut_after_growth": (
        _case("cut_after_growth", "len(k)", GUARD + '\tkey += other\n\tk, _, _ := strings.Cut(key, "=")'),
        LONG_OTHER,
    ),
}
COMMAS = 'Sum([]int64{1}, strings.Repeat(",", 20), strings.Repeat(",", 40), nil)'
NOT_BOUNDED["split_other"] = (
    _case("split_other", "len(parts)", GUARD + '\tparts := strings.Split(other, ",")'),
    COMMAS,
)
INVALID = 'Sum([]int64{1}, strings.Repeat("\\xff", 20), "", nil)'
# back to a string: an invalid byte decodes to RuneError, which encodes in 3 bytes
NOT_BOUNDED["string_of_runes"] = (_case("string_of_runes", "len(t)", GUARD + "\tt := string([]rune(key))"), INVALID)
NAIVE = {
    "string_of_runes": (array("buf", "len(t)", "int64", 20), probe("{pkg}." + INVALID)),
    "split_other": (array("buf", "len(parts)", "int64", 21), probe("{pkg}." + COMMAS)),
    # sized by len(key) alone, as for a part of key: 20 commas split into 21 parts
    "split_parts": (array("buf", "len(parts)", "int64", 20), probe("{pkg}." + COMMAS)),
    "lowered": (
        array("buf", "len(key)", "int64", 20),
        probe('{pkg}.Sum([]int64{1}, strings.Repeat("\\u023a", 10), "", nil)'),
    ),
    "trimmed_other": (array("buf", "len(k)", "int64", 20), probe("{pkg}." + LONG_OTHER)),
    "cut_after_growth": (array("buf", "len(k)", "int64", 20), probe("{pkg}." + LONG_OTHER)),
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {n: c for n, (c, _) in {**BOUNDED, **NOT_BOUNDED}.items()}
    return proposals_by_case(tmp_path_factory.mktemp("make-const-substrings"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    declines = {**NOT_BOUNDED, "split_parts": BOUNDED["split_parts"]}
    return naive_mutants(tmp_path_factory.mktemp("make-const-substrings-naive"), toolchain, declines, NAIVE)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in BOUNDED.items()], ids=list(BOUNDED))
def test_a_part_of_a_bounded_string_is_bounded_by_it(proposed, name, expected):
    exact_array(proposed[name], BOUNDED[name][0], expected, scope="Sum")


@pytest.mark.parametrize("name", list(NOT_BOUNDED))
def test_a_longer_or_other_string_bounds_nothing(proposed, name):
    at_most_speculative(proposed[name])


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)
