"""make-const with sizes a loop of increments leaves (loop_sums.py): `total += len(s)+1` over at most 6 names
of at most 10 bytes, a counter under `i < len(xs) && i < maxItems`, `range k` of a bounded k, a count in loops
nested in the counted one, the product of their passes (probe40c sudoku `Solve`: empty cells of a 9x9 board), and a
value assigned in a loop, each assignment bounded where it runs (the last slash of a path). Each
must-decline
keeps the naive array as a mutant, run beside the original: it panics where the original does not.
"""

from __future__ import annotations

import pytest
from conftest import at_most_speculative, exact_array, naive_mutants, naive_panics, proposals_by_case
from test_make_const_bounds import array, probe, sums

from gorewrite.rules import RULES

RULE = RULES["make-const"]
NAMES = "\tif len(names) > 6 {\n\t\treturn -1\n\t}\n"
JOINED = (
    NAMES + "\tsize := 0\n\tfor _, s := range names {\n\t\tif len(s) > 10 {\n\t\t\treturn -1\n\t\t}\n"
    "\t\tsize += len(s) + 1\n\t}"
)
SHORT_P = "\tif len(p) > maxItems {\n\t\treturn -1\n\t}\n"
LAST = (
    SHORT_P.replace("{", "{{").replace("}", "}}")
    + "\tlast := 0\n\tfor i := range p {{\n\t\tif p[i] == '/' {{\n\t\t\tlast = {value}\n\t\t}}\n\t}}"
)
INNER = "\tn := 0\n\tfor i := 0; i < 8; i++ {{\n\t\tfor j := 0; {inner}; j++ {{\n\t\t\t{step}\n\t\t}}\n\t}}"


def nested(name: str, declared_inside: bool) -> str:
    """Sum with its make inside an outer loop, after an inner loop of increments: n declared in the outer loop's
    body starts afresh each pass; declared before it, n keeps growing."""
    inner = "\t\tn := 0\n" if declared_inside else ""
    outer = "" if declared_inside else "\tn := 0\n"
    return f"""package {name}

// Sum sums k windows of xs, each as long as the inner loop counts.
func Sum(xs []int64, k int) int64 {{
	var total int64
{outer}	for j := 0; j < k; j++ {{
{inner}		for i := 0; i < 8; i++ {{
			n++
		}}
		buf := make([]int64, n)
		for i := range buf {{
			buf[i] = xs[i%len(xs)]
		}}
		for _, v := range buf {{
			total += v
		}}
	}}
	return total
}}
"""


# k < numKinds and reps <= numKinds, but reps may be negative: 3*reps wraps to 13 for reps = (13-2**64)/3
PRODUCT = """package {name}

type Kind uint8

const (
	KindNone Kind = iota
	KindString
	KindBytes
	KindInt
	numKinds
)

// Sum sums a scratch slice sized by kind and repetitions.
func Sum(xs []int64, k Kind, reps int) int64 {{
	if k >= numKinds || reps > int(numKinds) {{
		return -1
	}}
	buf := make([]int64, int(k)*reps+int(numKinds))
	for i := range buf {{
		buf[i] = xs[i%len(xs)]
	}}
	var total int64
	for _, v := range buf {{
		total += v
	}}
	return total
}}
"""

BOUNDED = {
    # at most 6 passes, each adding at most 11: 66
    "joined_names": (sums("joined_names", "size", JOINED, "xs []int64, names []string"), "[66]int64"),
    # i counts the passes, held below maxItems by the condition: n <= 20
    "counted_passes": (
        sums(
            "counted_passes",
            "n",
            "\tn := 0\n\tfor i := 0; i < len(xs) && i < maxItems; i++ {\n\t\tn++\n\t}",
            "xs []int64",
        ),
        "[20]int64",
    ),
    # range over a bounded integer, an update on some passes only: 4 + 8*2
    "ranged_integer": (
        sums(
            "ranged_integer",
            "n",
            "\tif k > 8 {\n\t\treturn -1\n\t}\n\tn := 4\n\tfor i := range k {\n\t\tif i%2 == 0 {\n\t\t\tn += 2\n"
            "\t\t}\n\t}",
            "xs []int64, k int",
        ),
        "[20]int64",
    ),
    "fresh_per_pass": (nested("fresh_per_pass", declared_inside=True), "[8]int64"),
    # 8 rows of 4 cells: the inner loop's 4 passes each outer pass
    "nested_counted": (
        sums("nested_counted", "n", INNER.format(inner="j < 4", step="n++"), "xs []int64, k int"),
        "[32]int64",
    ),
    # the inner loop's bound where it starts: k clamped to 3 before the loops
    "nested_clamped_inner": (
        sums(
            "nested_clamped_inner",
            "n",
            "\tk = min(k, 3)\n" + INNER.format(inner="j <= k", step="n++"),
            "xs []int64, k int",
        ),
        "[32]int64",
    ),
    "nested_range": (
        sums(
            "nested_range",
            "n",
            "\tn := 0\n\tfor _, row := range grid {\n\t\tfor range row {\n\t\t\tn++\n\t\t}\n\t}",
            "xs []int64, grid [4][5]int8",
        ),
        "[20]int64",
    ),
    # assigned in a loop, each value bounded where it is assigned: the last one, or the value from before
    # (probe40c r2 `K`: the last slash of a path)
    "last_seen_index": (
        sums("last_seen_index", "last+1", LAST.format(value="i"), "xs []int64, p []byte, k int"),
        "[20]int64",
    ),
    "assigned_per_byte": (
        sums(
            "assigned_per_byte",
            "n",
            SHORT_P + "\tn := 0\n\tfor _, c := range p {\n\t\tif c == 0 {\n\t\t\tn = 0\n"
            "\t\t} else if c < 16 {\n\t\t\tn = int(c)\n\t\t}\n\t}",
            "xs []int64, p []byte",
        ),
        "[15]int64",
    ),
}

NOT_BOUNDED = {
    # n is declared before the outer loop: each outer pass adds 8 more
    "outer_pass_grows": (nested("outer_pass_grows", declared_inside=False), "Sum(xs, 2)"),
    # a negative step wraps an int8 n: 0-100-100 is 56, then 112
    "negative_step_wraps": (
        sums(
            "negative_step_wraps",
            "int(n)",
            "\tif d > 10 || d < -100 {\n\t\treturn -1\n\t}\n\tvar n int8\n\tfor i := 0; i < 4; i++ {\n\t\tn += d\n\t}",
            "xs []int64, d int8",
        ),
        "Sum(xs, -100)",
    ),
    # the update is in a loop of its own: k times a pass
    "step_in_inner_loop": (
        sums(
            "step_in_inner_loop",
            "n",
            "\tn := 0\n\tfor i := 0; i < 8; i++ {\n\t\tfor j := 0; j < k; j++ {\n\t\t\tn++\n\t\t}\n\t}",
            "xs []int64, k int",
        ),
        "Sum(xs, 3)",
    ),
    # the body rewinds i: more passes than the condition's values
    "counter_rewound": (
        sums(
            "counter_rewound",
            "n",
            "\tn := 0\n\tfor i := 0; i < 8; i++ {\n\t\tn++\n\t\tif n < k {\n\t\t\ti--\n\t\t}\n\t}",
            "xs []int64, k int",
        ),
        "Sum(xs, 10)",
    ),
    # a goto runs the update again within one pass
    "goto_repeats": (
        sums(
            "goto_repeats",
            "n",
            "\tn := 0\n\tfor i := 0; i < 8; i++ {\n\tagain:\n\t\tn++\n\t\tif n < k {\n\t\t\tgoto again\n\t\t}\n\t}",
            "xs []int64, k int",
        ),
        "Sum(xs, 10)",
    ),
    # the product wraps for a negative reps: (13-2**64)/3 makes it 13, the size 17 (probe35a's product-bound)
    "product_wraps": (PRODUCT.format(name="product_wraps"), "Sum(xs, 3, -6148914691236517201)"),
    # the inner body rewinds j: more passes than its condition's values
    "inner_counter_rewound": (
        sums(
            "inner_counter_rewound",
            "n",
            INNER.format(inner="j < 4", step="n++\n\t\t\tif n < k {\n\t\t\t\tj--\n\t\t\t}"),
            "xs []int64, k int",
        ),
        "Sum(xs, 40)",
    ),
    # a func literal the inner loop calls twice: the update runs more often than the loops pass
    "update_in_literal": (
        sums(
            "update_in_literal",
            "n",
            "\tn := 0\n\tinc := func() { n++ }\n"
            + INNER.format(inner="j < 4", step="inc()\n\t\t\tinc()").replace("\tn := 0\n", "", 1),
            "xs []int64, k int",
        ),
        "Sum(xs, 1)",
    ),
    # one assignment in the loop takes k, which nothing bounds
    "assigned_unbounded_in_loop": (
        sums("assigned_unbounded_in_loop", "last+1", LAST.format(value="k"), "xs []int64, p []byte, k int"),
        "Sum(xs, []byte{'/'}, 30)",
    ),
}

NAIVE = {
    "outer_pass_grows": (
        lambda s: s.replace("\t\tbuf := make([]int64, n)\n", "\t\tvar bufBuf [8]int64\n\t\tbuf := bufBuf[:n:n]\n", 1),
        probe("{pkg}.Sum([]int64{1}, 2)"),
    ),
    "negative_step_wraps": (array("buf", "int(n)", "int64", 40), probe("{pkg}.Sum([]int64{1}, -100)")),
    "step_in_inner_loop": (array("buf", "n", "int64", 8), probe("{pkg}.Sum([]int64{1}, 3)")),
    "counter_rewound": (array("buf", "n", "int64", 8), probe("{pkg}.Sum([]int64{1}, 10)")),
    "goto_repeats": (array("buf", "n", "int64", 8), probe("{pkg}.Sum([]int64{1}, 10)")),
    "product_wraps": (
        array("buf", "int(k)*reps+int(numKinds)", "int64", 16),
        probe("{pkg}.Sum([]int64{1}, 3, -6148914691236517201)"),
    ),
    "inner_counter_rewound": (array("buf", "n", "int64", 32), probe("{pkg}.Sum([]int64{1}, 40)")),
    "update_in_literal": (array("buf", "n", "int64", 32), probe("{pkg}.Sum([]int64{1}, 1)")),
    "assigned_unbounded_in_loop": (
        array("buf", "last+1", "int64", 20),
        probe("{pkg}.Sum([]int64{1}, []byte{'/'}, 30)"),
    ),
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {n: c for n, (c, _) in {**BOUNDED, **NOT_BOUNDED}.items()}
    return proposals_by_case(tmp_path_factory.mktemp("make-const-loops"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    declines = {n: (c, p) for n, (c, p) in NOT_BOUNDED.items()}
    return naive_mutants(tmp_path_factory.mktemp("make-const-loops-naive"), toolchain, declines, NAIVE)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in BOUNDED.items()], ids=list(BOUNDED))
def test_a_loop_of_increments_gives_an_exact_array(proposed, name, expected):
    exact_array(proposed[name], BOUNDED[name][0], expected, scope="Sum")


@pytest.mark.parametrize("name", list(NOT_BOUNDED))
def test_no_proven_bound_gives_at_most_a_speculative_buffer(proposed, name):
    found = proposed[name]
    at_most_speculative(found)


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)
