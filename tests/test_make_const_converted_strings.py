"""make-const with the length of `string(b)` of a []byte or a string: its bytes, one for one (the spec: "Converting
a slice of bytes to a string type yields a string whose successive bytes are the elements of the slice"), by
go/types' types (gotypes' bytesConversion; probe49c make-const-identity `ShortID`, `KSUID.String`'s
`string(digits[n-27:])`). A slice of runes (each rune 1 to 4 bytes) and a string grown after the conversion bound
nothing by it, and keep their naive arrays, which panic where the original does not; each positive case's array one
element short panics.
"""

from __future__ import annotations

import pytest
from conftest import (
    at_most_speculative,
    exact_array,
    module,
    naive_mutants,
    naive_panics,
    proposals,
    proposals_by_case,
)
from test_make_const_bounds import array, probe, sums

from gorewrite.rules import RULES

RULE = RULES["make-const"]
P = "xs []int64, b []byte, r []rune"
SHORT = "\tif len(b) > maxPayload || len(r) > maxPayload {\n\t\treturn -1\n\t}\n"
LABEL = (
    "\n// label is b's first 12 bytes as a string.\nfunc label(b []byte) string {\n\tvar buf [12]byte\n"
    "\tn := copy(buf[:], b)\n\treturn string(buf[:n])\n}\n"
)

BOUNDED = {
    "bytes_string": (sums("bytes_string", "len(s)", SHORT + "\ts := string(b)", P), "[20]int64"),
    "array_string": (
        sums("array_string", "len(s)", "\tvar raw [36]byte\n\tcopy(raw[:], b)\n\ts := string(raw[:])", P),
        "[36]int64",
    ),
    "returned_string": (sums("returned_string", "len(label(b))", "", P) + LABEL, "[12]int64"),
}
NOT_BOUNDED = {
    # a rune is 1 to 4 bytes: 20 'é' are 40
    "rune_string": sums("rune_string", "len(s)", SHORT + "\ts := string(r)", P),
    # the string grows after the conversion
    "grown_after": sums("grown_after", "len(s)", SHORT + "\ts := string(b)\n\ts += string(b)", P),
}


def call(n: int, runes: str = "") -> str:
    """A probe of Sum with n bytes and the runes."""
    return probe(f'{{pkg}}.Sum([]int64{{1}}, []byte("0123456789abcdefghij"[:{n}]), []rune("{runes}"))')


NAIVE = {
    "rune_string": (array("buf", "len(s)", "int64", 20), call(0, "é" * 20)),
    "grown_after": (array("buf", "len(s)", "int64", 20), call(20)),
}
UNDERSIZED = {
    name: (array("buf", size, "int64", k - 1), call(20))
    for name, size, k in (
        ("bytes_string", "len(s)", 20),
        ("array_string", "len(s)", 36),
        ("returned_string", "len(label(b))", 12),
    )
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {n: c for n, (c, _) in BOUNDED.items()} | NOT_BOUNDED
    return proposals_by_case(tmp_path_factory.mktemp("make-const-converted-strings"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    declines = {n: (c, None) for n, c in NOT_BOUNDED.items()} | {n: (BOUNDED[n][0], None) for n in UNDERSIZED}
    naive = NAIVE | UNDERSIZED
    return naive_mutants(tmp_path_factory.mktemp("make-const-converted-strings-naive"), toolchain, declines, naive)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in BOUNDED.items()], ids=list(BOUNDED))
def test_a_string_of_bytes_has_their_length(proposed, name, expected):
    exact_array(proposed[name], BOUNDED[name][0], expected, scope="Sum")


@pytest.mark.parametrize("name", list(NOT_BOUNDED))
def test_a_string_of_runes_or_grown_gives_at_most_a_speculative_buffer(proposed, name):
    at_most_speculative(proposed[name])


@pytest.mark.parametrize("name", list(NAIVE) + list(UNDERSIZED))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)


# Another module's package declares Data per build: `[]byte` here, `[]rune` under -tags wide, where the 40 'é' of
# the conversion are 80 bytes. go/types sees this build's []byte only, so no bound comes of it (gotypes' steadyUses).
DATA = '\n\npackage dep\n\n// Data returns the label\'s units.\nfunc Data() {} {{ return {}("{}") }}\n'
VARYING = {
    "dep/narrow.go": "//go:build !wide" + DATA.format("[]byte", "[]byte", "0123456789" * 4),
    "dep/wide.go": "//go:build wide" + DATA.format("[]rune", "[]rune", "é" * 40),
}
LABEL_OF = (
    'package label\n\nimport "example.com/m/dep"\n\n// Label is the sum of the label\'s bytes and how many.\n'
    "func Label() int {\n\ts := string(dep.Data()[:40])\n\tout := make([]byte, len(s))\n\tn := copy(out, s)\n"
    "\tsum := 0\n\tfor _, c := range out[:n] {\n\t\tsum += int(c)\n\t}\n\treturn sum*100 + len(out)\n}\n"
)
NAIVE_LABEL = LABEL_OF.replace("out := make([]byte, len(s))", "var outBuf [40]byte\n\tout := outBuf[:len(s):len(s)]")
MAIN = 'package main\n\nimport (\n\t"fmt"\n\n\t"example.com/m/label"\n)\n\nfunc main() { fmt.Println(label.Label()) }\n'


def test_a_conversion_of_a_type_another_build_declares_otherwise_bounds_nothing(tmp_path):
    root = module(tmp_path, {**VARYING, "label/label.go": LABEL_OF})
    at_most_speculative(proposals(root, RULE)["example.com/m/label"])


def test_the_naive_array_of_a_per_build_type_panics_in_the_other_build(tmp_path, toolchain):
    ran = {}
    for name, source in (("original", LABEL_OF), ("naive", NAIVE_LABEL)):
        root = module(tmp_path / name, {**VARYING, "label/label.go": source, "cmd/main.go": MAIN})
        ran[name] = [toolchain.run(["run", *tags, "./cmd"], str(root)) for tags in ([], ["-tags", "wide"])]
    assert all(r.returncode == 0 for r in ran["original"]) and ran["naive"][0].returncode == 0
    assert ran["naive"][0].stdout == ran["original"][0].stdout
    assert b"slice bounds out of range" in ran["naive"][1].stderr, ran["naive"][1]
