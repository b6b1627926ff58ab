"""make-const with sizes the code bounds through updates, loops of updates, bit counts and indexes:
`n += 4` after `n <= Max`, a counter a loop increments under its condition, `3*bits.OnesCount32(x)`,
`bytes.IndexByte` of an array-backed slice. Each must-decline keeps the naive array as a mutant, run
beside the original: it panics (or gives another result) where the original does not.
"""

from __future__ import annotations

import pytest
from conftest import edited, naive_mutants, proposals_by_case
from test_make_const_bounds import array, probe, sums

from gorewrite.proposals import Declined, Fix
from gorewrite.rules import RULES

RULE = RULES["make-const"]
GUARD = "\tif n > maxItems || n < 0 {\n\t\treturn -1\n\t}\n"


def in_clause(name: str, fallthrough: bool) -> str:
    """Sum with its make in a switch's second clause, after the first clause's update of n."""
    into = "\t\tfallthrough\n" if fallthrough else ""
    return f"""package {name}

import "crypto/sha256"

const maxItems = 20

var _ = sha256.BlockSize

// Sum copies xs into a scratch slice sized per kind and sums it.
func Sum(xs []int64, n, k int) int64 {{
{GUARD}\tswitch k {{
\tcase 1:
\t\tn += 8
{into}\tcase 2:
\t\tbuf := make([]int64, n)
\t\tfor i := range buf {{
\t\t\tbuf[i] = xs[i%len(xs)]
\t\t}}
\t\tvar total int64
\t\tfor _, v := range buf {{
\t\t\ttotal += v
\t\t}}
\t\treturn total
\t}}
\treturn 0
}}
"""


BOUNDED = {
    "added_after_guard": (sums("added_after_guard", "n", GUARD + "\tn += 4"), "[24]int64"),
    "assigned_sum": (sums("assigned_sum", "n", GUARD + "\tn = n + 4"), "[24]int64"),
    "copy_grown": (  # m, a copy of a guarded length, grown by a header
        sums("copy_grown", "m", "\tif len(xs) > maxItems {\n\t\treturn -1\n\t}\n\tm := len(xs)\n\tm += 8"),
        "[28]int64",
    ),
    "incremented": (sums("incremented", "n", "\tif n > maxItems {\n\t\treturn -1\n\t}\n\tn++"), "[21]int64"),
    "subtracted_bounded": (sums("subtracted_bounded", "n", GUARD + "\tn -= 2\n\tn += 2*2"), "[22]int64"),
    "header_if_flag": (
        sums("header_if_flag", "n", GUARD + "\tif k > 0 {\n\t\tn += 8\n\t}", "xs []int64, n, k int"),
        "[28]int64",
    ),
    # one branch of an if/else-if chain runs: the join is the larger update, never both
    "sibling_updates": (
        sums(
            "sibling_updates",
            "n",
            GUARD + "\tif k > 0 {\n\t\tn += 8\n\t} else if k < -4 {\n\t\tn += 16\n\t}",
            "xs []int64, n, k int",
        ),
        "[36]int64",
    ),
    "sibling_switch_updates": (
        sums(
            "sibling_switch_updates",
            "n",
            GUARD + "\tswitch k {\n\tcase 1:\n\t\tn += 8\n\tcase 2:\n\t\tn += 16\n\t}",
            "xs []int64, n, k int",
        ),
        "[36]int64",
    ),
    # the first clause's update never reaches the second clause's make
    "update_in_other_clause": (in_clause("update_in_other_clause", fallthrough=False), "[20]int64"),
    "bit_count": (sums("bit_count", "3*bits.OnesCount32(seen)", "", "xs []int64, seen uint32"), "[96]int64"),
    "index_of_array": (
        sums("index_of_array", "i+1", "\ti := bytes.IndexByte(blk[8:40], 0)", "xs []int64, blk *[64]byte"),
        "[32]int64",
    ),
    "index_of_constant": (
        sums("index_of_constant", "i+1", "\ti := strings.IndexByte(alphabet, c)", "xs []int64, c byte"),
        "[16]int64",
    ),
    "index_of_guarded": (
        sums(
            "index_of_guarded",
            "i+1",
            "\tif len(b) > maxItems {\n\t\treturn -1\n\t}\n\ti := bytes.IndexByte(b, 0)",
            "xs []int64, b []byte",
        ),
        "[20]int64",
    ),
    # base58: leading zeros counted under the loop's condition, the digits skipped from a lower bound of 0
    "counted_terms": (
        sums(
            "counted_terms",
            "zeros+size-i",
            "\tif len(src) > 64 {\n\t\treturn -1\n\t}\n\tzeros := 0\n\tfor zeros < len(src) && src[zeros] == 0 {\n"
            "\t\tzeros++\n\t}\n\tsize := len(src)*138/100 + 1\n\ti := 0\n"
            "\tfor i < size && i < len(src) && src[i] == 1 {\n\t\ti++\n\t}",
            "xs []int64, src []byte",
            element="byte",
        ),
        "[153]byte",
    ),
}

NOT_BOUNDED = {
    # a uint8 n += 4 wraps near 255: 252 becomes 0, and 64-0 is past the bound a lower bound of 12 gives
    "wrapping_add": (
        sums("wrapping_add", "64-int(n)", "\tif n < 8 {\n\t\treturn -1\n\t}\n\tn += 4", "xs []int64, n uint8"),
        "Sum(xs, 252)",
    ),
    # the guard is on one path only; the update after it reaches the make from both
    "guard_other_path": (
        sums(
            "guard_other_path",
            "n",
            "\tif strict {\n\t\tif n > maxItems {\n\t\t\treturn -1\n\t\t}\n\t}\n\tn += 4",
            "xs []int64, n int, strict bool",
        ),
        "Sum(xs, 30, false)",
    ),
    # nothing bounds len(b)
    "index_of_unbounded": (
        sums("index_of_unbounded", "i+1", "\ti := bytes.IndexByte(b, 0)", "xs []int64, b []byte"),
        "Sum(xs, 30 a's and a zero)",
    ),
    # k can be negative: n - k grows past n's bound
    "subtrahend_negative": (
        sums(
            "subtrahend_negative",
            "n-k",
            GUARD + "\tif k > 4 {\n\t\treturn -1\n\t}",
            "xs []int64, n, k int",
        ),
        "Sum(xs, 20, -10)",
    ),
    # the loop also sets the counter to a value nothing bounds
    "loop_other_write": (
        sums(
            "loop_other_write",
            "zeros",
            "\tzeros := 0\n\tfor zeros < 16 {\n\t\tzeros++\n\t\tif k > 0 {\n\t\t\tzeros = k\n\t\t}\n\t}",
            "xs []int64, k int",
        ),
        "Sum(xs, 40)",
    ),
    # a fallthrough runs the next clause's update too: 20+8+16
    "fallthrough_updates": (
        sums(
            "fallthrough_updates",
            "n",
            GUARD + "\tswitch k {\n\tcase 1:\n\t\tn += 8\n\t\tfallthrough\n\tcase 2:\n\t\tn += 16\n\t}",
            "xs []int64, n, k int",
        ),
        "Sum(xs, 20, 1)",
    ),
    # the fallthrough carries the first clause's update into the make's clause
    "update_falls_through": (in_clause("update_falls_through", fallthrough=True), "Sum(xs, 20, 1)"),
    # a loop around the branches runs both, again and again
    "sibling_updates_in_loop": (
        sums(
            "sibling_updates_in_loop",
            "n",
            GUARD + "\tfor i := 0; i < k; i++ {\n\t\tif i%2 == 0 {\n\t\t\tn += 8\n\t\t} else {\n"
            "\t\t\tn += 16\n\t\t}\n\t}",
            "xs []int64, n, k int",
        ),
        "Sum(xs, 20, 4)",
    ),
}
NAIVE = {
    "wrapping_add": (array("buf", "64-int(n)", "int64", 52), probe("{pkg}.Sum([]int64{1}, 252)")),
    "guard_other_path": (array("buf", "n", "int64", 24), probe("{pkg}.Sum([]int64{1}, 30, false)")),
    "index_of_unbounded": (
        array("buf", "i+1", "int64", 20),
        probe('{pkg}.Sum([]int64{1}, []byte(strings.Repeat("a", 30)+"\\x00"))'),
    ),
    "subtrahend_negative": (array("buf", "n-k", "int64", 20), probe("{pkg}.Sum([]int64{1}, 20, -10)")),
    "loop_other_write": (array("buf", "zeros", "int64", 16), probe("{pkg}.Sum([]int64{1}, 40)")),
    "fallthrough_updates": (array("buf", "n", "int64", 36), probe("{pkg}.Sum([]int64{1}, 20, 1)")),
    "sibling_updates_in_loop": (array("buf", "n", "int64", 36), probe("{pkg}.Sum([]int64{1}, 20, 4)")),
    "update_falls_through": (array("buf", "n", "int64", 20), probe("{pkg}.Sum([]int64{1}, 20, 1)")),
}


def _imports(source: str) -> str:
    """The cases' package, with the imports their sizes need (sums() imports crypto/sha256 only)."""
    extra = '\t"bytes"\n\t"math/bits"\n\t"strings"\n'
    source = source.replace('import "crypto/sha256"\n', f'import (\n{extra}\t"crypto/sha256"\n)\n')
    return (
        source
        + '\nconst alphabet = "0123456789abcdef"\n\n'
        + "var (\n\t_ = bytes.IndexByte\n\t_ = bits.Len\n\t_ = strings.IndexByte\n)\n"
    )


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {n: _imports(c) for n, (c, _) in {**BOUNDED, **NOT_BOUNDED}.items()}
    return proposals_by_case(tmp_path_factory.mktemp("make-const-updates"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    declines = {n: (_imports(c), p) for n, (c, p) in NOT_BOUNDED.items()}
    return naive_mutants(tmp_path_factory.mktemp("make-const-updates-naive"), toolchain, declines, NAIVE)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in BOUNDED.items()], ids=list(BOUNDED))
def test_a_bounded_update_count_or_index_gives_an_exact_array(proposed, name, expected):
    (fix,) = proposed[name]
    assert isinstance(fix, Fix) and not fix.speculative, fix
    rewritten = edited(_imports(BOUNDED[name][0]), fix)
    assert expected in rewritten
    assert "make(" not in rewritten.split("func Sum")[1], "a proven bound needs no heap fallback"


@pytest.mark.parametrize("name", list(NOT_BOUNDED))
def test_no_proven_bound_gives_at_most_a_speculative_buffer(proposed, name):
    found = proposed[name]
    assert found and all(isinstance(p, Declined) or p.speculative for p in found), found


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    _, values = mutants
    before, after = values[name]
    assert "panic" not in before and "panic" in after, (before, after)
