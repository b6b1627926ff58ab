"""make-const with a sum of which the code bounds a part (gorewrite/regrouped.py): `if len(key)+len(val) > maxKey {
return }` bounds `make([]byte, 2+len(key)+len(val)+4)`, whose left-associated tree holds no node for the guarded
part (session 42's IndexKey, probe43b's KVChecksum). Go's addition wraps modulo 2^n, so the sum is the part plus the
other terms; the total of their upper ends bounds it where every piece but one is at least 0 and the total fits.
Each must-decline keeps the naive array as a mutant: it panics where the original does not (another term than the
guard's, a write between, and two pieces that may be negative, whose sum wraps to a small length).
"""

from __future__ import annotations

import pytest
from conftest import at_most_speculative, exact_array, naive_mutants, naive_panics, proposals_by_case
from test_make_const_bounds import array, probe

from gorewrite.rules import RULES

RULE = RULES["make-const"]
GUARD = "\tif len(key)+len(val) > maxKey {\n\t\treturn -1\n\t}"


def framed(name: str, guard: str, size: str, params: str = "key, val []byte") -> str:
    """Frame copies key and val into a `make([]byte, size)` frame after `guard` and sums its bytes."""
    return f"""package {name}

const maxKey = 48

// Frame frames key and val between a 2-byte header and a 4-byte trailer and sums the frame's bytes.
func Frame({params}) int {{
{guard}
	buf := make([]byte, {size})
	n := copy(buf[2:], key)
	copy(buf[2+n:], val)
	total := 0
	for _, c := range buf {{
		total += int(c)
	}}
	return total
}}
"""


BOUNDED = {
    "part_in_sum": (framed("part_in_sum", GUARD, "2+len(key)+len(val)+4"), "[54]byte"),
    "part_reordered": (
        framed("part_reordered", GUARD.replace("len(key)+len(val)", "len(val)+len(key)"), "2+len(key)+len(val)+4"),
        "[54]byte",
    ),
    "part_and_term": (
        framed(
            "part_and_term",
            GUARD + "\n\tif len(tag) > 8 {\n\t\treturn -1\n\t}",
            "len(tag)+len(key)+len(val)+2",
            "key, val, tag []byte",
        ),
        "[58]byte",
    ),
}
NOT_BOUNDED = {
    # the guard bounds key and val together, the size adds tag instead of val
    "other_term": framed("other_term", GUARD, "2+len(key)+len(tag)+4", "key, val, tag []byte"),
    # val grows between the guard and the make
    "written_between": framed("written_between", GUARD + "\n\tval = append(val, key...)", "2+len(key)+len(val)+4"),
    # the guarded part adds shift, which the sum does not: a negative shift lets key be long
    "part_not_in_sum": framed(
        "part_not_in_sum",
        "\tif len(key)+shift > maxKey || len(val) > 8 {\n\t\treturn -1\n\t}",
        "2+len(key)+len(val)",
        "key, val []byte, shift int",
    ),
    # two pieces with no lower end: a+b and c may both be near the least int, and their sum wraps to 20
    "negative_pieces": """package negative_pieces

// Sum sums a scratch slice of a+b+c ones.
func Sum(a, b, c int) int64 {
	if a+b > 10 || c > 5 {
		return -1
	}
	buf := make([]int64, a+b+c)
	var total int64
	for i := range buf {
		buf[i] = 1
		total += buf[i]
	}
	return total
}
""",
}
LONG = "make([]byte, 24), make([]byte, 24), make([]byte, 40)"
NAIVE = {
    "other_term": (array("buf", "2+len(key)+len(tag)+4", "byte", 54), probe("{pkg}.Frame(" + LONG + ")")),
    "written_between": (
        array("buf", "2+len(key)+len(val)+4", "byte", 54),
        probe("{pkg}.Frame(make([]byte, 24), make([]byte, 24))"),
    ),
    "part_not_in_sum": (
        array("buf", "2+len(key)+len(val)", "byte", 58),
        probe("{pkg}.Frame(make([]byte, 100), nil, -100)"),
    ),
    "negative_pieces": (
        array("buf", "a+b+c", "int64", 15),
        probe("{pkg}.Sum(-9223372036854775808, 0, -9223372036854775788)"),
    ),
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {**{n: c for n, (c, _) in BOUNDED.items()}, **NOT_BOUNDED}
    return proposals_by_case(tmp_path_factory.mktemp("make-const-regrouped"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    declines = {n: (c, None) for n, c in NOT_BOUNDED.items()}
    return naive_mutants(tmp_path_factory.mktemp("make-const-regrouped-naive"), toolchain, declines, NAIVE)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in BOUNDED.items()], ids=list(BOUNDED))
def test_a_guarded_part_of_a_sum_bounds_the_sum(proposed, name, expected):
    exact_array(proposed[name], BOUNDED[name][0], expected, scope="Frame")


@pytest.mark.parametrize("name", list(NOT_BOUNDED))
def test_a_part_nothing_guards_or_a_sum_that_may_wrap_bounds_nothing(proposed, name):
    at_most_speculative(proposed[name])


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)
