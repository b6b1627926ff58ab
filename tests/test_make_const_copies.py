"""make-const with a guard on a copy of the size (gorewrite/copies.py): `n := len(key)` then `if n > Max {
return }` bounds len(key), and so does `if l := len(s); l == 0 || l > Max { return }` (probe36b
`LabelSum`, `KeyFold`: each took the speculative 256-byte budget before). The copy holds only while it is
written by its declaration alone and nothing writes what it copied in its scope after it: each
must-decline keeps the naive array as a mutant, run beside the original, and it panics where the
original does not.
"""

from __future__ import annotations

import pytest
from conftest import at_most_speculative, exact_array, naive_mutants, naive_panics, proposals_by_case
from test_make_const_bounds import array, probe, sums

from gorewrite.rules import RULES

RULE = RULES["make-const"]
PARAMS = "xs []int64, key string"

# case -> (Go source, what the rewritten file must contain)
BOUNDED = {
    "copied_length": (
        sums("copied_length", "len(key)", "\tn := len(key)\n\tif n > maxItems {\n\t\treturn -1\n\t}", PARAMS),
        "[20]int64",
    ),
    "header_copy": (
        sums("header_copy", "len(key)", "\tif l := len(key); l == 0 || l > maxItems {\n\t\treturn -1\n\t}", PARAMS),
        "[20]int64",
    ),
    "var_copy": (
        sums("var_copy", "len(key)", "\tvar n = len(key)\n\tif maxBatch < n {\n\t\treturn -1\n\t}", PARAMS),
        "[16]int64",
    ),
    # a copy of a variable, and a write of the original before the copy was taken
    "copied_variable": (
        sums(
            "copied_variable",
            "n",
            "\tn *= 2\n\tm := n\n\tif m > maxItems {\n\t\treturn -1\n\t}",
            "xs []int64, n int",
        ),
        "[20]int64",
    ),
}

GUARD = "\tif n > maxItems {\n\t\treturn -1\n\t}\n"
# case -> (Go source, the call that shows the naive array wrong)
NOT_BOUNDED = {
    # key grows after the copy was taken, before the guard reads the copy: the guard reads the old length
    "copied_then_grown": (
        sums("copied_then_grown", "len(key)", "\tn := len(key)\n\tkey += key\n" + GUARD, PARAMS),
        'Sum([]int64{1}, strings.Repeat("a", 15))',
    ),
    # the copy itself is written: it no longer holds len(key)
    "copy_written": (
        sums("copy_written", "len(key)", "\tn := len(key)\n\tif n > 2 {\n\t\tn = 0\n\t}\n" + GUARD, PARAMS),
        'Sum([]int64{1}, strings.Repeat("a", 25))',
    ),
    # a closure writes key: a call between the copy and the make may change it
    "closure_grows": (
        sums(
            "closure_grows",
            "len(key)",
            "\tgrow := func() { key += key }\n\tn := len(key)\n" + GUARD + "\tgrow()",
            PARAMS,
        ),
        'Sum([]int64{1}, strings.Repeat("a", 15))',
    ),
    # key is written later in the copy's scope, and the loop brings that write back to the make
    "grown_in_loop": (
        sums(
            "grown_in_loop",
            "len(key)",
            "\tn := len(key)\n\tfor i := 0; i < 2; i++ {\n"
            + GUARD.replace("\t", "\t\t", 1).replace("\n\t", "\n\t\t")
            + "\t\tbuf := make([]int64, len(key))\n\t\t_ = buf\n\t\tkey += key\n\t}",
            PARAMS,
        ),
        'Sum([]int64{1}, strings.Repeat("a", 15))',
    ),
}
NAIVE = {
    "copied_then_grown": (
        array("buf", "len(key)", "int64", 20),
        probe('{pkg}.Sum([]int64{1}, strings.Repeat("a", 15))'),
    ),
    "copy_written": (array("buf", "len(key)", "int64", 20), probe('{pkg}.Sum([]int64{1}, strings.Repeat("a", 25))')),
    "closure_grows": (array("buf", "len(key)", "int64", 20), probe('{pkg}.Sum([]int64{1}, strings.Repeat("a", 15))')),
    "grown_in_loop": (
        lambda s: s.replace(
            "\t\tbuf := make([]int64, len(key))\n",
            "\t\tvar bufBuf [20]int64\n\t\tbuf := bufBuf[:len(key):len(key)]\n",
            1,
        ),
        probe('{pkg}.Sum([]int64{1}, strings.Repeat("a", 15))'),
    ),
}


def _imports(source: str) -> str:
    """The cases' package, with strings for the probes' keys."""
    return source.replace('import "crypto/sha256"\n', 'import (\n\t"crypto/sha256"\n\t"strings"\n)\n') + (
        "\nvar _ = strings.Repeat\n"
    )


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {n: _imports(c) for n, (c, _) in {**BOUNDED, **NOT_BOUNDED}.items()}
    return proposals_by_case(tmp_path_factory.mktemp("make-const-copies"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    declines = {n: (_imports(c), p) for n, (c, p) in NOT_BOUNDED.items()}
    return naive_mutants(tmp_path_factory.mktemp("make-const-copies-naive"), toolchain, declines, NAIVE)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in BOUNDED.items()], ids=list(BOUNDED))
def test_a_guard_on_a_copy_bounds_what_it_copied(proposed, name, expected):
    exact_array(proposed[name], _imports(BOUNDED[name][0]), expected, scope="Sum")


@pytest.mark.parametrize("name", list(NOT_BOUNDED))
def test_a_copy_that_may_differ_bounds_nothing(proposed, name):
    # grown_in_loop has two makes of len(key): neither gets an exact array
    at_most_speculative(proposed[name])


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)
