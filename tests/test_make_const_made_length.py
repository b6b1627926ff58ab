"""make-const with the length of a local slice its declaration fixes: `raw := make([]byte, rawLen)` has
len(raw) == rawLen (the make's length, or it panics), and `p := blk[:]` of a `*[64]byte` has 64, so
`make([]byte, hex.EncodedLen(len(raw)))` or `make([]int, len(p))` is bounded (probe39c cursor `Encode`,
r2 `Hexed`, `Sum`: each took the speculative budget before; shapes.length, bounds._assigned_limit). An
`append(b, …)` assigned to b adds what it appends, len(ys) for `ys...` or one per argument (probe40c isbn
`IBAN`: the rotated account number). Any other later write of the slice (an append of what nothing bounds or in
a loop, a reslicing to its capacity, its address taken) voids the length as for any fact, and each
must-decline keeps its naive array, which panics where the original does not.
"""

from __future__ import annotations

import pytest
from conftest import at_most_speculative, edited, naive_mutants, naive_panics, proposals_by_case
from test_make_const_bounds import array, probe, sums

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["make-const"]
SHORT = "\tif len(s) > maxItems {\n\t\treturn -1\n\t}\n"
TEXT = "xs []int64, s, t string, k int"
GROW = "\nfunc grow(p *[]int64) { *p = append(*p, make([]int64, 60)...) }\n"

BOUNDED = {
    "made_constant": (
        sums("made_constant", "2*len(raw)", "\traw := make([]int64, maxBatch)\n\traw[0] = xs[0]"),
        "[32]int64",
    ),
    "made_guarded": (
        sums("made_guarded", "len(raw)+1", "\tif n > maxItems {\n\t\treturn -1\n\t}\n\traw := make([]byte, n, 64)"),
        "[21]int64",
    ),
    "array_sliced": (sums("array_sliced", "len(p)", "\tp := blk[:]", "xs []int64, blk *[40]byte"), "[40]int64"),
    "array_window": (sums("array_window", "len(p)", "\tvar blk [48]byte\n\tp := blk[8:]", "xs []int64"), "[40]int64"),
    # s, then two bytes, then s again
    "appended_parts": (
        sums(
            "appended_parts",
            "len(b)",
            SHORT + "\tvar b []byte\n\tb = append(b, s...)\n\tb = append(b, '=', '\"')",
            TEXT,
        ),
        "[22]int64",
    ),
    # an IBAN's first four characters moved to its end: 16 + 4
    "appended_rotated": (
        sums(
            "appended_rotated",
            "len(re)",
            "\tif len(s) < 4 || len(s) > maxItems {\n\t\treturn -1\n\t}\n"
            "\tre := make([]byte, 0, 2*maxItems)\n\tre = append(re, s[4:]...)\n\tre = append(re, s[:4]...)",
            TEXT,
        ),
        "[20]int64",
    ),
}

NOT_BOUNDED = {
    "made_appended": (
        sums("made_appended", "len(raw)", "\traw := make([]int64, 4)\n\traw = append(raw, xs...)"),
        "Sum(make([]int64, 30), 0)",
    ),
    "made_resliced": (
        sums("made_resliced", "len(raw)", "\traw := make([]int64, 4, 64)\n\traw = raw[:cap(raw)]"),
        "Sum([]int64{1}, 0)",
    ),
    "made_address": (
        sums("made_address", "len(raw)", "\traw := make([]int64, 4)\n\tgrow(&raw)") + GROW,
        "Sum([]int64{1}, 0)",
    ),
}
NOT_BOUNDED.update(
    {
        # each pass appends s again: k passes
        "appended_in_loop": (
            sums(
                "appended_in_loop",
                "len(b)",
                SHORT + "\tvar b []byte\n\tfor i := 0; i < k; i++ {\n\t\tb = append(b, s...)\n\t}",
                TEXT,
            ),
            'Sum([]int64{1}, "0123456789", "", 3)',
        ),
        # appended to another slice: t's length comes first
        "appended_to_other": (
            sums("appended_to_other", "len(b)", SHORT + "\tb := append([]byte(t), s...)", TEXT),
            'Sum([]int64{1}, "0123456789", "0123456789abcdefghij", 0)',
        ),
    }
)
NAIVE = {
    "appended_in_loop": (array("buf", "len(b)", "int64", 20), probe('{pkg}.Sum([]int64{1}, "0123456789", "", 3)')),
    "appended_to_other": (
        array("buf", "len(b)", "int64", 20),
        probe('{pkg}.Sum([]int64{1}, "0123456789", "0123456789abcdefghij", 0)'),
    ),
    "made_appended": (array("buf", "len(raw)", "int64", 4), probe("{pkg}.Sum(make([]int64, 30), 0)")),
    "made_resliced": (array("buf", "len(raw)", "int64", 4), probe("{pkg}.Sum([]int64{1}, 0)")),
    "made_address": (array("buf", "len(raw)", "int64", 4), probe("{pkg}.Sum([]int64{1}, 0)")),
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {n: c for n, (c, _) in {**BOUNDED, **NOT_BOUNDED}.items()}
    return proposals_by_case(tmp_path_factory.mktemp("make-const-made-length"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    return naive_mutants(tmp_path_factory.mktemp("make-const-made-length-naive"), toolchain, NOT_BOUNDED, NAIVE)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in BOUNDED.items()], ids=list(BOUNDED))
def test_a_slice_its_declaration_sizes_bounds_its_length(proposed, name, expected):
    # the make sizing raw stays (its length is constant, or its capacity): the rewrite is the sum's buffer
    fixes = [p for p in proposed[name] if isinstance(p, Fix)]
    assert len(fixes) == 1 and not fixes[0].speculative, proposed[name]
    rewritten = edited(BOUNDED[name][0], fixes[0])
    assert f"var bufBuf {expected}" in rewritten and "buf := make(" not in rewritten, rewritten


@pytest.mark.parametrize("name", list(NOT_BOUNDED))
def test_a_slice_written_after_its_declaration_bounds_nothing(proposed, name):
    at_most_speculative(proposed[name])


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)
