"""make-const after a loop whose post statement is bounded by its body's end (posts.py): `for ; i < len(p); i++ { if
i >= maxItems || p[i] == ' ' { break } }` leaves i at most maxItems (probe40c lexer `Token`, probe39c r2:165): the
post statement runs only once the body has run to its end, where the guard left i below maxItems. A `continue`
reaches the post statement from elsewhere, and a last statement that writes i changes it after the guard: each
must-decline keeps its naive array, which panics where the original does not.
"""

from __future__ import annotations

import pytest
from conftest import at_most_speculative, exact_array, naive_mutants, naive_panics, proposals_by_case
from test_make_const_bounds import array, probe, sums

from gorewrite.rules import RULES

RULE = RULES["make-const"]
PARAMS = "xs []int64, p []byte"
SPACES = 'Sum([]int64{1}, []byte(strings.Repeat(" ", 40)))'


def scan(name: str, body: str, post: str = "i++", label: str = "") -> str:
    """Sum sized by i after `for ; i < len(p); <post> { <body> }`."""
    loop = f"\ti := 0\n{label}\tfor ; i < len(p); {post} {{\n{body}\n\t}}"
    return sums(name, "i", loop, PARAMS)


BREAK = "\t\tif i >= maxItems || p[i] == ' ' {\n\t\t\tbreak\n\t\t}"
BOUNDED = {
    "post_break_guard": (scan("post_break_guard", BREAK), "[20]int64"),
    # i <= 15 where the body ends, 19 after `i += 4`
    "post_stride": (scan("post_stride", "\t\tif i >= 16 {\n\t\t\tbreak\n\t\t}", "i += 4"), "[19]int64"),
    # the fact of an earlier statement of the body holds at its end too
    "post_return_guard": (
        scan(
            "post_return_guard",
            "\t\tif i >= maxItems {\n\t\t\treturn -1\n\t\t}\n\t\tif p[i] == 0 {\n\t\t\tbreak\n\t\t}",
        ),
        "[20]int64",
    ),
}

NOT_BOUNDED = {
    # a space skips the guard: 40 spaces run i to 40
    "post_after_continue": (
        scan(
            "post_after_continue",
            "\t\tif p[i] == ' ' {\n\t\t\tcontinue\n\t\t}\n\t\tif i >= maxItems {\n\t\t\tbreak\n\t\t}",
        ),
        SPACES,
    ),
    # a continue of the outer loop from an inner one
    "post_labeled_continue": (
        scan(
            "post_labeled_continue",
            "\t\tfor j := 0; j < 2; j++ {\n\t\t\tif p[i] == ' ' {\n\t\t\t\tcontinue scan\n\t\t\t}\n\t\t}\n" + BREAK,
            label="scan:\n",
        ),
        SPACES,
    ),
    # the last statement moves i past the guard: 0, 3, 6, …, 21, where the guard alone would say 20
    "post_last_writes": (
        scan("post_last_writes", "\t\tif i >= maxItems {\n\t\t\tbreak\n\t\t}\n\t\ti += 2"),
        "Sum([]int64{1}, make([]byte, 40))",
    ),
}
NAIVE = {
    "post_after_continue": (array("buf", "i", "int64", 20), probe("{pkg}." + SPACES)),
    "post_labeled_continue": (array("buf", "i", "int64", 20), probe("{pkg}." + SPACES)),
    "post_last_writes": (array("buf", "i", "int64", 20), probe("{pkg}.Sum([]int64{1}, make([]byte, 40))")),
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {n: c for n, (c, _) in {**BOUNDED, **NOT_BOUNDED}.items()}
    return proposals_by_case(tmp_path_factory.mktemp("make-const-posts"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    return naive_mutants(tmp_path_factory.mktemp("make-const-posts-naive"), toolchain, NOT_BOUNDED, NAIVE)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in BOUNDED.items()], ids=list(BOUNDED))
def test_the_post_statement_runs_where_the_body_ends(proposed, name, expected):
    exact_array(proposed[name], BOUNDED[name][0], expected, scope="Sum")


@pytest.mark.parametrize("name", list(NOT_BOUNDED))
def test_a_continue_or_a_last_write_bounds_nothing(proposed, name):
    at_most_speculative(proposed[name])


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)
