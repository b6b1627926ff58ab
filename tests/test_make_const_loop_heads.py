"""make-const sized by a `for` clause's variable beyond what its condition gives (loop_heads.py): the initializer
runs once, before the loop, so `for d := 0; d < 20; d++ { make([]int64, d*4) }` keeps d at 0 or more as well as
below 20 (probe44e's indentation and shift widths: a product or a shift needs both ends), as long as every write of
d in the loop keeps it there; and the condition still holds at the update clause where the body writes d nowhere,
a `continue` or not. Each must-decline keeps its naive array as a mutant: it panics where the original does not.
"""

from __future__ import annotations

import pytest
from conftest import at_most_speculative, exact_array, naive_mutants, naive_panics, proposals_by_case
from test_make_const_bounds import array, probe

from gorewrite.rules import RULES

RULE = RULES["make-const"]


def levels(name: str, header: str, size: str, before: str = "", after: str = "") -> str:
    """Sum of the lengths of a `make([]int64, size)` made on each pass of `for header`, `before` and `after` it."""
    return f"""package {name}

// Sum adds up the lengths of one buffer per level.
func Sum(skip int) int {{
	t := 0
	for {header} {{
{before}		buf := make([]int64, {size})
		t += len(buf)
{after}	}}
	return t
}}
"""


BOUNDED = {
    # d in 0..19 where the make runs: its product with 4 in 0..76
    "head_product": (levels("head_product", "d := 0; d < 20; d++", "d*4"), "[76]int64"),
    # a continue leaves the update's w to the condition alone: still below 4, so w++ cannot wrap, w*8 in 0..24
    "head_continue": (
        levels("head_continue", "w := 0; w < 4; w++", "w*8", "\t\tif w == skip {\n\t\t\tcontinue\n\t\t}\n"),
        "[24]int64",
    ),
    # halving from 64 keeps w at most 64: the upper end is the initializer's, the condition gives the lower
    "head_halving": (levels("head_halving", "w := 64; w > 0; w /= 2", "w+w"), "[128]int64"),
}

# A write after the make: d jumps to -(1<<30)+24, and d*4 wraps to 100 on the next pass
AFTER = "\t\tif d == int32(skip) {\n\t\t\td = -(1 << 30) + 24\n\t\t}\n\t\tif t > 200 {\n\t\t\tbreak\n\t\t}\n"
# A write the lower end survives (an increment that cannot wrap where it runs), and a continue after it: the update
# d++ then wraps from the largest int32 to the least, whose multiples of 4 wrap to 0, 4, 8, …, while the guard keeps
# d*4 at most 400 only where d >= 0. Only the body's write voids the condition at the update clause
WRAPS = "\t\tif d == 19 {\n\t\t\td += 2147483628\n\t\t}\n\t\tif d > 100 {\n\t\t\tcontinue\n\t\t}\n"
NOT_BOUNDED = {
    "head_body_write": (levels("head_body_write", "d := int32(0); d < 20; d++", "d*4", after=AFTER), "Sum(3)"),
    "head_update_wraps": (
        levels(
            "head_update_wraps", "d := int32(0); d < 20; d++", "d*4", WRAPS, "\t\tif t > 200000 {\n\t\t\tbreak\n\t\t}\n"
        ),
        "Sum(0)",
    ),
}
NAIVE = {
    "head_body_write": (array("buf", "d*4", "int64", 76), probe("{pkg}.Sum(3)")),
    "head_update_wraps": (array("buf", "d*4", "int64", 400), probe("{pkg}.Sum(0)")),
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {n: c for n, (c, _) in {**BOUNDED, **NOT_BOUNDED}.items()}
    return proposals_by_case(tmp_path_factory.mktemp("make-const-loop-heads"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    return naive_mutants(tmp_path_factory.mktemp("make-const-loop-heads-naive"), toolchain, NOT_BOUNDED, NAIVE)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in BOUNDED.items()], ids=list(BOUNDED))
def test_the_initializer_bounds_the_variable_in_the_body(proposed, name, expected):
    exact_array(proposed[name], BOUNDED[name][0], expected, scope="Sum")


@pytest.mark.parametrize("name", list(NOT_BOUNDED))
def test_a_write_in_the_loop_that_may_leave_the_bound_bounds_nothing(proposed, name):
    at_most_speculative(proposed[name])


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)
