"""make-const with sizes bounded by a clamp after a clamp, a count of runes and the count `copy` returns:
`if n > len(xs) { n = len(xs) }` after `n = min(n, Max)` (inside, len(xs) < n <= Max), `utf8.RuneCountInString(s)`
(at most len(s)), `n := copy(tmp[:], xs)` (at most len(tmp)). Each must-decline keeps the naive array as a mutant,
run beside the original: it panics where the original does not.
"""

from __future__ import annotations

import pytest
from conftest import edited, naive_mutants, proposals_by_case
from test_make_const_bounds import array, probe, sums

from gorewrite.proposals import Declined, Fix
from gorewrite.rules import RULES

RULE = RULES["make-const"]
CLAMP = "\tn = min(n, maxItems)\n"
GUARD_M = "\tif m < 0 || m > maxItems {\n\t\treturn -1\n\t}\n"


def in_loop(name: str) -> str:
    """Sum with its make in a loop, after a clamp to m: the clamp's body raises m, which the loop brings
    back to the next pass's comparison."""
    return f"""package {name}

import "crypto/sha256"

const maxItems = 20

var _ = sha256.BlockSize

// Sum sums k windows of xs, each n long, n held to m.
func Sum(xs []int64, n, m, k int) int64 {{
{GUARD_M}\tvar total int64
\tfor i := 0; i < k; i++ {{
\t\tif n > m {{
\t\t\tn = 0
\t\t\tm += 10
\t\t}}
\t\tbuf := make([]int64, n)
\t\tfor j := range buf {{
\t\t\tbuf[j] = xs[j%len(xs)]
\t\t}}
\t\tfor _, v := range buf {{
\t\t\ttotal += v
\t\t}}
\t\tn = m - 1
\t}}
\treturn total
}}
"""


BOUNDED = {
    # inside the second if, len(xs) < n <= maxItems: the join of both paths is maxItems
    "clamp_then_available": (
        sums(
            "clamp_then_available",
            "n",
            "\tif n > maxItems {\n\t\tn = maxItems\n\t}\n\tif n > len(xs) {\n\t\tn = len(xs)\n\t}",
        ),
        "[20]int64",
    ),
    "min_then_available": (
        sums("min_then_available", "n", CLAMP + "\tif n > len(xs) {\n\t\tn = len(xs)\n\t}"),
        "[20]int64",
    ),
    "min_then_available_switch": (
        sums("min_then_available_switch", "n", CLAMP + "\tswitch {\n\tcase n > len(xs):\n\t\tn = len(xs)\n\t}"),
        "[20]int64",
    ),
    # m is compared before the else branch writes it: n keeps the bound m had at the comparison
    "operand_written_in_else": (
        sums(
            "operand_written_in_else",
            "n",
            GUARD_M + "\tif n > m {\n\t\tn = m\n\t} else {\n\t\tm = 100\n\t}",
            "xs []int64, n, m int",
        ),
        "[20]int64",
    ),
    "rune_count_string": (
        sums(
            "rune_count_string",
            "utf8.RuneCountInString(s)",
            "\tif len(s) > maxItems {\n\t\treturn -1\n\t}",
            "xs []int64, s string",
        ),
        "[20]int64",
    ),
    "rune_count_bytes": (
        sums(
            "rune_count_bytes",
            "utf8.RuneCount(p)",
            "\tif len(p) > maxBatch {\n\t\treturn -1\n\t}",
            "xs []int64, p []byte",
            element="rune",
        ),
        "[16]rune",
    ),
    "copy_count_array": (
        sums("copy_count_array", "n", "\tvar tmp [maxBatch]int64\n\tn := copy(tmp[:], xs)", "xs []int64"),
        "[16]int64",
    ),
    # either length bounds the count: here the source's
    "copy_count_source": (
        sums(
            "copy_count_source",
            "n",
            "\tif len(xs) > maxItems {\n\t\treturn -1\n\t}\n\tn := copy(dst, xs)",
            "xs, dst []int64",
        ),
        "[20]int64",
    ),
    "copy_count_string": (
        sums(
            "copy_count_string",
            "n",
            "\tvar tmp [4 * maxBatch]byte\n\tn := copy(tmp[:], s)",
            "xs []int64, s string",
            element="byte",
        ),
        "[64]byte",
    ),
}

NOT_BOUNDED = {
    # the header writes m before the comparison reads it: m's guard says nothing of m there
    "operand_written_in_header": (
        sums(
            "operand_written_in_header",
            "n",
            GUARD_M + "\tif m += 30; n > m {\n\t\tn = 0\n\t}",
            "xs []int64, n, m int",
        ),
        "Sum(xs, 40, 20)",
    ),
    # the clamp's body raises m, and the loop brings it back to the comparison
    "operand_raised_in_loop": (in_loop("operand_raised_in_loop"), "Sum(xs, 25, 20, 2)"),
    # a count of runes bounds the bytes from below, not above: 20 runes can be 80 bytes
    "rune_guard_byte_size": (
        sums(
            "rune_guard_byte_size",
            "len(s)",
            "\tif utf8.RuneCountInString(s) > maxItems {\n\t\treturn -1\n\t}",
            "xs []int64, s string",
        ),
        "Sum(xs, 20 é's)",
    ),
    # the count is of s as the make sees it, after s grew
    "rune_count_after_growth": (
        sums(
            "rune_count_after_growth",
            "utf8.RuneCountInString(s)",
            "\tif len(s) > maxItems {\n\t\treturn -1\n\t}\n\ts += s",
            "xs []int64, s string",
        ),
        "Sum(xs, 15 a's)",
    ),
    # the destination grew past the array it was sliced from
    "copy_into_grown": (
        sums(
            "copy_into_grown",
            "n",
            "\tvar tmp [maxBatch]int64\n\tdst := tmp[:]\n\tdst = append(dst, xs...)\n\tn := copy(dst, xs)",
            "xs []int64",
        ),
        "Sum(20 values)",
    ),
}

NAIVE = {
    "operand_written_in_header": (array("buf", "n", "int64", 20), probe("{pkg}.Sum([]int64{1}, 40, 20)")),
    "operand_raised_in_loop": (array("buf", "n", "int64", 20), probe("{pkg}.Sum([]int64{1}, 25, 20, 2)")),
    "rune_guard_byte_size": (
        array("buf", "len(s)", "int64", 20),
        probe('{pkg}.Sum([]int64{1}, strings.Repeat("é", 20))'),
    ),
    "rune_count_after_growth": (
        array("buf", "utf8.RuneCountInString(s)", "int64", 20),
        probe('{pkg}.Sum([]int64{1}, strings.Repeat("a", 15))'),
    ),
    "copy_into_grown": (array("buf", "n", "int64", 16), probe("{pkg}.Sum(make([]int64, 20))")),
}


def _imports(source: str) -> str:
    """The cases' package, with unicode/utf8 (sums() imports crypto/sha256 only)."""
    source = source.replace('import "crypto/sha256"\n', 'import (\n\t"crypto/sha256"\n\t"unicode/utf8"\n)\n')
    return source + "\nvar _ = utf8.RuneLen\n"


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {n: _imports(c) for n, (c, _) in {**BOUNDED, **NOT_BOUNDED}.items()}
    return proposals_by_case(tmp_path_factory.mktemp("make-const-counts"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    declines = {n: (_imports(c), p) for n, (c, p) in NOT_BOUNDED.items()}
    return naive_mutants(tmp_path_factory.mktemp("make-const-counts-naive"), toolchain, declines, NAIVE)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in BOUNDED.items()], ids=list(BOUNDED))
def test_a_second_clamp_a_rune_count_or_a_copy_count_gives_an_exact_array(proposed, name, expected):
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
