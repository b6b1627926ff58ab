"""make-const with a size a loop leaves: the value from before it, or the one a pass leaves at the body's end
(gorewrite/pass_ends.py; probe49d make-const-sim `RouteCost`, `HashGrid`). A count whose pass ends with a guard
that leaves (`steps++; if steps > maxPath { return }`), and a size doubled under the loop's condition after a clamp
(`for size < want { size <<= 1 }`: updates.keeps holds `size >= 1` through the doubling), are bounded; a
`continue` or a `break` that ends a pass elsewhere, a write through `&steps`, and a factor from the caller (`size
*= k`) are not. Each must-decline keeps the naive array (sized by the guard alone, or by a doubling) as a mutant,
run beside the original: it panics where the original does not (a chain of 65 links: the count reaches 65 past
the guard; a factor of 3 reaches 2187). Later cases pin each condition of the proofs: a count entering above the guard
keeps the bound from before the loop, a post statement writing the count bounds nothing, and `n *= k` keeps no
lower bound where the product wraps, the bound is negative or the factor may be 0.
"""

from __future__ import annotations

import pytest
from conftest import at_most_speculative, exact_array, naive_mutants, naive_panics, proposal_at, proposals_by_case
from test_make_const_bounds import probe

from gorewrite.rules import RULES

RULE = RULES["make-const"]


def route_source(name: str, loop: str) -> str:
    """A package whose Cost walks prev back from goal counting steps (`loop`), then sums the route's costs through
    a `make([]int32, 0, steps)` (nothing escapes)."""
    return f"""package {name}

const maxPath = 64

func bump(n *int) {{ *n++ }}

// Cost sums the step costs from start to goal, oldest first; -1 past maxPath steps.
func Cost(prev []int32, skip int, start, goal int) int {{
	steps := 0
{loop}
	route := make([]int32, 0, steps)
	for at := goal; at != start; at = int(prev[at]) {{
		route = append(route, int32(at))
	}}
	total := 0
	for i := len(route) - 1; i >= 0; i-- {{
		total += int(route[i])
	}}
	return total
}}

// Demo walks a chain of n links.
func Demo(n int) int {{
	prev := make([]int32, n+1)
	for i := 1; i <= n; i++ {{
		prev[i] = int32(i - 1)
	}}
	return Cost(prev, 1, 0, n)
}}
"""


WALK = "\tfor at := goal; at != start; at = int(prev[at]) {{\n{body}\t}}"
GUARD = "\t\tif steps > maxPath {\n\t\t\treturn -1\n\t\t}\n"
BOUNDED = {
    "guard_at_end": WALK.format(body="\t\tsteps++\n" + GUARD),
    "guard_then_count": WALK.format(body=GUARD.replace("maxPath", "maxPath-1") + "\t\tsteps++\n"),
    "condition_loop": "\tat := goal\n\tfor at != start {\n\t\tat = int(prev[at])\n\t\tsteps++\n" + GUARD + "\t}",
    # a range loop leaves when its elements run out, each pass having ended under the guard (session 53)
    "range_loop": "\tfor range prev[1 : goal+1] {\n\t\tsteps++\n" + GUARD + "\t}",
}
NOT_BOUNDED = {
    # a pass that skips the guard goes on counting
    "continue_skips": WALK.format(body="\t\tsteps++\n\t\tif at%skip == 0 {\n\t\t\tcontinue\n\t\t}\n" + GUARD),
    # the loop ends after the count and before the guard
    "break_before_guard": WALK.format(
        body="\t\tsteps++\n\t\tif int(prev[at]) == start {\n\t\t\tbreak\n\t\t}\n" + GUARD
    ),
    # a range loop's pass that skips the guard
    "range_continue_skips": "\tfor i := range prev {\n\t\tsteps++\n\t\tif i%skip == 0 {\n\t\t\tcontinue\n\t\t}\n"
    + GUARD
    + "\t}",
    # the count goes up through a pointer, after the guard
    "addressed": WALK.format(body=GUARD + "\t\tbump(&steps)\n"),
}
CASES = {name: route_source(name, loop) for name, loop in {**BOUNDED, **NOT_BOUNDED}.items()}
NAIVE = {
    name: (
        lambda s: s.replace(
            "\troute := make([]int32, 0, steps)\n", "\tvar routeBuf [64]int32\n\troute := routeBuf[:0:steps]\n", 1
        ),
        probe("{pkg}.Demo(65)"),
    )
    for name in NOT_BOUNDED
}

DOUBLING = """package doubling

// Busiest counts ids per bucket of a table of at least want buckets, a power of two; want is clamped to 1000.
func Busiest(ids []int32, want int) int {
	if want > 1000 {
		want = 1000
	}
	size := 1
	for size < want {
		size <<= 1
	}
	buckets := make([]int32, size)
	for _, id := range ids {
		buckets[int(id)&(size-1)]++
	}
	most := int32(0)
	for _, b := range buckets {
		most = max(most, b)
	}
	return int(most)
}
"""
CASES["doubling"] = DOUBLING
# a factor from the caller: 3 takes size past twice 999 (2187), and 0 or less keeps no lower bound
CASES["scaled_by_input"] = (
    DOUBLING.replace("package doubling", "package scaled_by_input")
    .replace("want int) int {", "want, k int) int {")
    .replace("size <<= 1", "size *= k")
    + "\n// Demo hashes 1000 buckets' worth, tripling.\nfunc Demo() int { return Busiest([]int32{1, 2}, 1000, 3) }\n"
)
NAIVE["scaled_by_input"] = (
    lambda s: s.replace(
        "\tbuckets := make([]int32, size)\n", "\tvar bucketsBuf [1998]int32\n\tbuckets := bucketsBuf[:size:size]\n", 1
    ),
    probe("{pkg}.Demo()"),
)


def route(proposed: dict, name: str):
    """The proposal for Cost's make (Demo's own is held back: nothing bounds n)."""
    return proposal_at(proposed[name], CASES[name], "\troute := make([]int32, 0, steps)")


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    return proposals_by_case(tmp_path_factory.mktemp("make-const-pass-ends"), RULE, CASES)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    declines = {n: (CASES[n], None) for n in NAIVE}
    return naive_mutants(tmp_path_factory.mktemp("make-const-pass-ends-naive"), toolchain, declines, NAIVE)


@pytest.mark.parametrize("name", list(BOUNDED))
def test_the_bound_each_pass_ends_with_holds_after_the_loop(proposed, name):
    exact_array([route(proposed, name)], CASES[name], "[64]int32", "Cost")


def test_a_size_doubled_under_the_condition_is_at_most_twice_its_last_value(proposed):
    exact_array(proposed["doubling"], DOUBLING, "[1998]int32")


@pytest.mark.parametrize("name", list(NOT_BOUNDED))
def test_a_pass_ended_another_way_bounds_nothing(proposed, name):
    at_most_speculative([route(proposed, name)])


def test_a_factor_nothing_bounds_keeps_no_lower_bound(proposed):
    at_most_speculative(proposed["scaled_by_input"])


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)


# a post statement that writes the count after the guard (a hop of 64 from the one pass's 1 leaves 65), and a
# count that enters above the guard's bound and a loop of no passes leaves there (100): the bound after the loop is
# the worse of the one before it and the one a pass ends with
WALKED = """package {name}

const maxPath = 64

// Cost counts the steps back from goal and sizes the route by them; -1 past maxPath steps.
func Cost(prev []int32, first, hop, start, goal int) int {{
	if first < 0 || first > 2*maxPath {{
		return -1
	}}
	steps := first
	for at := goal; at != start; {loop_post} {{
		steps++
		if steps > maxPath {{
			return -1
		}}
	}}
	route := make([]int32, 0, steps)
	for at := goal; at != start; at = int(prev[at]) {{
		route = append(route, int32(at))
	}}
	return len(route) + cap(route)
}}

// Demo walks {what}.
func Demo() int {{ return Cost([]int32{{0, 0}}, {args}) }}
"""
CASES["entered_high"] = WALKED.format(
    name="entered_high", loop_post="at = int(prev[at])", what="no links from a count of 100", args="100, 0, 0, 0"
)
CASES["post_writes"] = WALKED.format(
    name="post_writes",
    loop_post="at, steps = int(prev[at]), steps+hop",
    what="one link with a hop of 64",
    args="0, 64, 0, 1",
)
NAIVE["entered_high"] = (
    lambda s: s.replace(
        "\troute := make([]int32, 0, steps)\n", "\tvar routeBuf [64]int32\n\troute := routeBuf[:0:steps]\n", 1
    ),
    probe("{pkg}.Demo()"),
)
NAIVE["post_writes"] = (NAIVE["entered_high"][0], probe("{pkg}.Demo()"))


def test_a_count_entering_above_the_guard_keeps_its_bound_from_before_the_loop(proposed):
    exact_array([route(proposed, "entered_high")], CASES["entered_high"], "[128]int32", "Cost")


def test_a_post_statement_writing_the_count_bounds_nothing(proposed):
    at_most_speculative([route(proposed, "post_writes")])


# updates.keeps holds a lower bound through `n *= k` only for a factor of at least 1, a bound of at least 0 and a
# product that fits n's type: an int8 tripled from at most 99 wraps (243 is -13), -1 doubled falls, and a factor of 0
# drops 5 to 0; each size below reads the lower bound, and each naive array (sized by the kept bound) panics
SCALED = """package {name}

// Demo sums the sizes of the scratch rows a scaled value leaves.
func Demo() int {{ return Rows(5, {k}) }}

// Rows sums the lengths of scratch rows sized by a scaled value.
func Rows(rounds, k int) int {{
	if k < 0 || k > 2 {{
		return -1
	}}
	{start}
	total := 0
	for i := 0; i < rounds && n < {under}; i++ {{
		n *= {factor}
		row := make([]int64, {size})
		total += len(row)
	}}
	return total
}}
"""
KEPT = {
    "wrapping_factor": (dict(start="var n int8 = 1", under=100, factor=3, size="200-int(n)", k=2), "199"),
    "negative_start": (dict(start="n := -1", under=10, factor=2, size="100-n", k=2), "101"),
    "zero_factor": (dict(start="n := 5", under=50, factor="k", size="60-n", k=0), "55"),
}
for name, (fields, length) in KEPT.items():
    CASES[name] = SCALED.format(name=name, **fields)
    NAIVE[name] = (
        lambda s, size=fields["size"], length=length: s.replace(
            f"\t\trow := make([]int64, {size})\n",
            f"\t\tvar rowBuf [{length}]int64\n\t\trow := rowBuf[:{size}:{size}]\n",
            1,
        ),
        probe("{pkg}.Demo()"),
    )


@pytest.mark.parametrize("name", list(KEPT))
def test_a_product_that_may_fall_keeps_no_lower_bound(proposed, name):
    at_most_speculative(proposed[name])


@pytest.mark.parametrize("name", ["entered_high", "post_writes", *KEPT])
def test_the_naive_array_of_a_later_case_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)


# A range over a function (go 1.23) runs a pass per value its iterator yields and leaves when the iterator returns:
# an iterator that yields after the body returned or broke out, or that recovers a panic of the body, makes the
# runtime panic (range function continued iteration / did not resume panicking), so every pass that goes on still
# ends under the guard. A `break` between the count and the guard ends the loop above it: the iterator's 60 and 13
# leave 73, past the naive [64]byte.
YIELDED = """package {name}

const maxLen = 64

// Expand sums the lengths an iterator yields into a buffer; -1 past maxLen.
func Expand(seq func(func(int) bool)) int {{
	total := 0
	for n := range seq {{
		total += n
{stop}		if total > maxLen {{
			return -1
		}}
	}}
	buf := make([]byte, total)
	return len(buf)
}}

// Demo expands 60 and 13.
func Demo() int {{
	return Expand(func(yield func(int) bool) {{
		_ = yield(60) && yield(13)
	}})
}}
"""
FUNC_CASES = {
    "range_func": YIELDED.format(name="range_func", stop=""),
    "range_func_break": YIELDED.format(name="range_func_break", stop="\t\tif n == 13 {\n\t\t\tbreak\n\t\t}\n"),
}
FUNC_NAIVE = {
    "range_func_break": (
        lambda s: s.replace("\tbuf := make([]byte, total)\n", "\tvar bufBuf [64]byte\n\tbuf := bufBuf[:total:total]\n"),
        probe("{pkg}.Demo()"),
    )
}


@pytest.fixture(scope="module")
def yielded(tmp_path_factory):
    return proposals_by_case(tmp_path_factory.mktemp("make-const-pass-ends-func"), RULE, FUNC_CASES, go="1.23")


def test_a_range_over_a_function_leaves_the_bound_each_pass_ends_with(yielded):
    exact_array(yielded["range_func"], FUNC_CASES["range_func"], "[64]byte", "Expand")


def test_a_break_out_of_a_range_over_a_function_bounds_nothing(yielded, tmp_path_factory, toolchain):
    at_most_speculative(yielded["range_func_break"])
    declines = {n: (FUNC_CASES[n], None) for n in FUNC_NAIVE}
    mutants = naive_mutants(tmp_path_factory.mktemp("pass-ends-func-naive"), toolchain, declines, FUNC_NAIVE, go="1.23")
    naive_panics(mutants, "range_func_break")
