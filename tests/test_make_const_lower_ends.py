"""make-const sized by a product or a window whose lower end the code establishes (probe make-const-dsp, session 52):
a `for i := range xs` index is 0 or more whatever len(xs) is (the spec's indexes, for a slice, an array, a string or
an integer; loop_heads._indexed), Go's one-comparison range check `uint(n) > Max` leaves n at 0 or more as well as
at most Max (terms.range_checked: a negative n converts to a value above Max), a window `x[i:i+w]` has exactly w
elements or panics (terms.window_width), and `pos > len(x)` false leaves len(x)-pos at least 0 where both are at
least 0 (guards._difference: the subtraction cannot wrap). A product needs both ends: `i*4` of an i bounded only
above wraps to any size. Each must-decline keeps its naive array as a mutant: it panics where the original does not.
"""

from __future__ import annotations

import pytest
from conftest import (
    at_most_speculative,
    declined_where_naive_fails_on_386,
    exact_array,
    naive_mutants,
    naive_panics,
    proposals_by_case,
)
from test_make_const_bounds import array, probe

from gorewrite.rules import RULES

RULE = RULES["make-const"]


def looped(name: str, params: str, header: str, size: str, before: str = "") -> str:
    """Sum of the lengths of a `make([]int64, size)` made on each pass of `for header` until the index reaches 16."""
    return f"""package {name}

// Sum adds up the lengths of one buffer per pass.
func Sum({params}) int {{
	t := 0
	for {header} {{
{before}		if i >= 16 {{
			return t
		}}
		buf := make([]int64, {size})
		t += len(buf)
	}}
	return t
}}
"""


def checked(name: str, params: str, guard: str, size: str) -> str:
    """The length of a `make([]int64, size)` after `if guard { return 0 }`."""
    return f"""package {name}

// Sum is the length of a buffer sized after a range check.
func Sum({params}) int {{
	if {guard} {{
		return 0
	}}
	buf := make([]int64, {size})
	return len(buf)
}}
"""


def windowed(name: str, high: str, assigned: bool = False) -> str:
    """The length of a buffer sized by the window xs[s:high] after guards on w and on the window's end."""
    seg = f"\tseg := xs[s:{high}]\n\tbuf := make([]int64, len(seg))\n"
    direct = f"\tbuf := make([]int64, len(xs[s:{high}]))\n"
    return f"""package {name}

// Sum is the length of a copy of one window of xs.
func Sum(xs []int64, s, t, w int) int {{
	if w < 0 || w > 16 {{
		return 0
	}}
	if s < 0 || t < 0 || s+w > len(xs) {{
		return 0
	}}
{seg if assigned else direct}	return copy(buf, xs[s:])
}}
"""


def remaining(name: str, guard: str) -> str:
    """The length of a buffer sized by what is left of xs after pos, at most 16, after `if guard { return 0 }`."""
    return f"""package {name}

// Sum is the length of a buffer sized by the rest of xs from pos.
func Sum(xs []int64, pos, q int) int {{
	if {guard} {{
		return 0
	}}
	n := min(len(xs)-pos, 16)
	buf := make([]int64, n*4)
	return len(buf)
}}
"""


BOUNDED = {
    # i in 0..15 however long xs is: i*4 in 0..60
    "range_index": (looped("range_index", "xs []int64", "i := range xs", "i*4"), "[60]int64"),
    "range_count": (looped("range_count", "n int", "i := range n", "i*4"), "[60]int64"),
    "range_string": (looped("range_string", "s string", "i := range s", "i*4"), "[60]int64"),
    "range_slicing": (looped("range_slicing", "xs []int64", "i, x := range xs[1:]", "i*4+int(x&1)"), "[61]int64"),
    "range_field": (looped("range_field", "b struct{ xs []int64 }", "i := range b.xs", "i*4"), "[60]int64"),
    # a negative n converts to a uint above 15, so uint(n) <= 15 leaves n in 0..15
    "range_check": (checked("range_check", "n int", "uint(n) > 15", "n*4"), "[60]int64"),
    "range_check_compound": (
        checked("range_check_compound", "xs []int64, n int", "uint(n) >= 16 || n > len(xs)", "n*4"),
        "[60]int64",
    ),
    # a range check where n is already known in 0..100 compares n itself: uint(n) == 7 leaves n >= 7, tighter than
    # the check's 0, so 640/n is at most 91
    "range_check_tighter": (
        checked("range_check_tighter", "n int", "uint(n) != 7", "640/n").replace(
            "\tif uint(n)", "\tif n < 0 || n > 100 {\n\t\treturn 0\n\t}\n\tif uint(n)"
        ),
        "[91]int64",
    ),
    # the constant first: 15 < uint(n) false is uint(n) <= 15
    "range_check_flipped": (checked("range_check_flipped", "n int", "15 < uint(n)", "n*4"), "[60]int64"),
    "range_check_int32": (checked("range_check_int32", "n int32", "uint32(n) > 15", "n*4"), "[60]int64"),
    # Go's bounds check against a length (session 53): a negative at converts above any int, so above len(xs)
    "range_check_length": (
        checked("range_check_length", "xs []int64, at int", "uint(at) >= uint(len(xs)) || len(xs) > 16", "len(xs)-at"),
        "[16]int64",
    ),
    "range_check_length_flipped": (
        checked(
            "range_check_length_flipped",
            "xs []int64, at int",
            "uint(len(xs)) <= uint(at) || len(xs) > 16",
            "len(xs)-at",
        ),
        "[16]int64",
    ),
    # a limit at least 0 of a narrower type: m <= 16 of an int8
    "range_check_length_narrower": (
        checked("range_check_length_narrower", "at int, m int8", "uint(at) >= uint(m) || m > 16", "int(m)-at").replace(
            "\tif uint(at)", "\tif m < 0 {\n\t\treturn 0\n\t}\n\tif uint(at)"
        ),
        "[16]int64",
    ),
    "range_check_converted_constant": (
        checked("range_check_converted_constant", "n int", "uint(n) > uint(15)", "n*4"),
        "[60]int64",
    ),
    # xs[s:s+w] has exactly w elements, w at most 16
    "window": (windowed("window", "s+w"), "[16]int64"),
    "window_assigned": (windowed("window_assigned", "w+s", assigned=True), "[16]int64"),
    # pos in 0..len(xs): len(xs)-pos cannot wrap and is at least 0, so n in 0..16
    "remaining": (remaining("remaining", "pos < 0 || pos > len(xs)"), "[64]int64"),
}

NOT_BOUNDED = {
    # a map's key is no index: -(1<<62)+100 passes `k >= 16`, and k*4 wraps to 400
    "range_map_key": (
        looped("range_map_key", "m map[int]bool", "i := range m", "i*4"),
        "{pkg}.Sum(map[int]bool{-(1 << 62) + 100: true})",
    ),
    # the body moves the index below 0 before the guard: -(1<<62)+100 again
    "range_index_rewritten": (
        looped("range_index_rewritten", "xs []int64, skip int", "i := range xs", "i*4", "\t\ti -= skip\n"),
        "{pkg}.Sum([]int64{1}, 1<<62-100)",
    ),
    # int64(n) keeps n's value: a negative n passes it (a signed conversion is no range check)
    "range_check_signed": (
        checked("range_check_signed", "n int32", "int64(n) > 15", "n*4"),
        "{pkg}.Sum(-(1 << 30) + 100)",
    ),
    # uint8(n) keeps n's low byte: -(1<<62)+264 converts to 8
    "range_check_narrowing": (
        checked("range_check_narrowing", "n int64", "uint8(n) > 15 || n > 15", "n*4"),
        "{pkg}.Sum(-(1 << 62) + 264)",
    ),
    # a limit a negative int32 converts to: uint32(-(1<<31)+264) is 1<<31+264, below the limit; n*4 wraps to 1056
    "range_check_too_wide": (
        checked("range_check_too_wide", "n int32", "uint32(n) > 1<<31+1000 || n > 15", "n*4"),
        "{pkg}.Sum(-(1 << 31) + 264)",
    ),
    # the range check is of another variable
    "range_check_other": (
        checked("range_check_other", "n, m int", "uint(m) > 15 || n > 15", "n*4"),
        "{pkg}.Sum(-(1<<62)+100, 0)",
    ),
    # uint8(-255) is 1, below uint8(len(xs)) of 16: len(xs)-at is 271
    "range_check_length_narrowing": (
        checked(
            "range_check_length_narrowing",
            "xs []int64, at int",
            "uint8(at) >= uint8(len(xs)) || len(xs) > 16",
            "len(xs)-at",
        ),
        "{pkg}.Sum(make([]int64, 16), -255)",
    ),
    # the check the other way round: uint(-100) is above uint(len(xs)), and passes it
    "range_check_length_reversed": (
        checked(
            "range_check_length_reversed",
            "xs []int64, at int",
            "uint(at) < uint(len(xs)) || len(xs) > 16",
            "len(xs)-at",
        ),
        "{pkg}.Sum(make([]int64, 16), -100)",
    ),
    # a limit that may be negative converts to a huge one: uint(-1) passes every at
    "range_check_length_negative": (
        checked("range_check_length_negative", "at, m int", "uint(at) >= uint(m) || m > 16", "m-at").replace(
            "\tif uint(at)", "\tif m < -1 {\n\t\treturn 0\n\t}\n\tif uint(at)"
        ),
        "{pkg}.Sum(-100, -1)",
    ),
    "range_check_length_unbounded_below": (
        checked("range_check_length_unbounded_below", "at, m int", "uint(at) >= uint(m) || m > 16", "m-at"),
        "{pkg}.Sum(-100, -1)",
    ),
    # the high index is another variable's plus w: xs[0:100+4] has 104 elements
    "window_other_low": (windowed("window_other_low", "t+w"), "{pkg}.Sum(make([]int64, 200), 0, 100, 4)"),
    # pos may be negative: len(xs)-pos wraps for pos = MinInt64+100 (to 300-2^63), and n*4 to 1200
    "remaining_wraps": (
        remaining("remaining_wraps", "pos > len(xs)"),
        "{pkg}.Sum(make([]int64, 400), -(1 << 63) + 100, 0)",
    ),
    # pos bounded below, but below 0: MinInt64+100 passes and wraps len(xs)-pos as above
    "remaining_low_negative": (
        remaining("remaining_low_negative", "pos < -(1<<63)+50 || pos > len(xs)"),
        "{pkg}.Sum(make([]int64, 400), -(1 << 63) + 100, 0)",
    ),
    # the guard is of another variable: pos = 1<<62+100 leaves len(xs)-pos at 300-2^62, whose n*4 wraps to 1200
    "remaining_other": (
        remaining("remaining_other", "pos < 0 || q > len(xs)"),
        "{pkg}.Sum(make([]int64, 400), 1<<62+100, 0)",
    ),
    # the other way round: pos >= len(xs) leaves len(xs)-pos at most 0
    "remaining_reversed": (
        remaining("remaining_reversed", "pos < 0 || pos < len(xs)"),
        "{pkg}.Sum(make([]int64, 400), 1<<62+100, 0)",
    ),
    # a product, not a sum: xs[100:100*4] has 300 elements
    "window_product": (windowed("window_product", "s*w"), "{pkg}.Sum(make([]int64, 400), 100, 0, 4)"),
}
# Declined on reasoning no naive mutant shows. Go orders a slicing's calls, not its reads of s: a call that moves s
# may run between the two reads of it, and the window is then no longer w wide (gc reads both after the call). And a
# comparison of a and b says nothing of a & b: the divisor 2 & 1 is 0, where both forms panic alike.
SPEC_ONLY = {
    "window_width_call": windowed("window_width_call", "s+bump()").replace(
        "\tbuf :=", "\tbump := func() int { s -= 8; return 8 }\n\tbuf :=", 1
    ),
    # pos > q is no bound on pos & q (2 & 1 is 0): only a difference reads a comparison of its operands
    "masked_divisor": remaining("masked_divisor", "pos < 0 || q < 0 || pos <= q").replace(
        "min(len(xs)-pos, 16)", "min(64/(pos&q), 16)"
    ),
    "window_operand_call": windowed("window_operand_call", "s+w")
    .replace("len(xs[s:s+w])", "len(from()[s:s+w])")
    .replace("\tbuf :=", "\tfrom := func() []int64 { s -= 8; return xs }\n\tbuf :=", 1),
    # a receive is ordered as a call is: a sender that moves s before it sends may run between the two reads
    "window_operand_receive": windowed("window_operand_receive", "s+w")
    .replace("len(xs[s:s+w])", "len((<-ready)[s:s+w])")
    .replace("\tbuf :=", "\tready := make(chan []int64)\n\tgo func() { s -= 8; ready <- xs }()\n\tbuf :=", 1),
    # the low index is an element read, no key: held for want of a proof (and no failure on the missing key)
    "window_low_element": windowed("window_low_element", "s+w").replace("xs[s:s+w]", "xs[xs[0]:xs[0]+int64(w)]"),
}
NAIVE = {
    "remaining_wraps": (array("buf", "n*4", "int64", 64), probe(NOT_BOUNDED["remaining_wraps"][1])),
    "remaining_low_negative": (array("buf", "n*4", "int64", 64), probe(NOT_BOUNDED["remaining_low_negative"][1])),
    "remaining_other": (array("buf", "n*4", "int64", 64), probe(NOT_BOUNDED["remaining_other"][1])),
    "remaining_reversed": (array("buf", "n*4", "int64", 64), probe(NOT_BOUNDED["remaining_reversed"][1])),
    "range_map_key": (array("buf", "i*4", "int64", 60), probe(NOT_BOUNDED["range_map_key"][1])),
    "range_index_rewritten": (array("buf", "i*4", "int64", 60), probe(NOT_BOUNDED["range_index_rewritten"][1])),
    "range_check_signed": (array("buf", "n*4", "int64", 60), probe(NOT_BOUNDED["range_check_signed"][1])),
    "range_check_narrowing": (array("buf", "n*4", "int64", 60), probe(NOT_BOUNDED["range_check_narrowing"][1])),
    "range_check_too_wide": (array("buf", "n*4", "int64", 60), probe(NOT_BOUNDED["range_check_too_wide"][1])),
    "range_check_other": (array("buf", "n*4", "int64", 60), probe(NOT_BOUNDED["range_check_other"][1])),
    "range_check_length_narrowing": (
        array("buf", "len(xs)-at", "int64", 16),
        probe(NOT_BOUNDED["range_check_length_narrowing"][1]),
    ),
    "range_check_length_negative": (
        array("buf", "m-at", "int64", 16),
        probe(NOT_BOUNDED["range_check_length_negative"][1]),
    ),
    "range_check_length_unbounded_below": (
        array("buf", "m-at", "int64", 16),
        probe(NOT_BOUNDED["range_check_length_unbounded_below"][1]),
    ),
    "window_other_low": (
        lambda source: source.replace(
            "\tbuf := make([]int64, len(xs[s:t+w]))\n",
            "\tvar bufBuf [16]int64\n\tbuf := bufBuf[:len(xs[s:t+w]):len(xs[s:t+w])]\n",
            1,
        ),
        probe(NOT_BOUNDED["window_other_low"][1]),
    ),
    "window_product": (
        lambda source: source.replace(
            "\tbuf := make([]int64, len(xs[s:s*w]))\n",
            "\tvar bufBuf [16]int64\n\tbuf := bufBuf[:len(xs[s:s*w]):len(xs[s:s*w])]\n",
            1,
        ),
        probe(NOT_BOUNDED["window_product"][1]),
    ),
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {n: c for n, (c, _) in {**BOUNDED, **NOT_BOUNDED}.items()} | SPEC_ONLY
    return proposals_by_case(tmp_path_factory.mktemp("make-const-lower-ends"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    return naive_mutants(tmp_path_factory.mktemp("make-const-lower-ends-naive"), toolchain, NOT_BOUNDED, NAIVE)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in BOUNDED.items()], ids=list(BOUNDED))
def test_an_established_lower_end_bounds_the_product(proposed, name, expected):
    exact_array(proposed[name], BOUNDED[name][0], expected, scope="Sum")


@pytest.mark.parametrize("name", [*NOT_BOUNDED, *SPEC_ONLY])
def test_no_lower_end_or_no_window_bounds_nothing(proposed, name):
    at_most_speculative(proposed[name])


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)


# uint(n) > 1<<31+1000 false leaves n >= 0 where int has 64 bits, and not on 386: uint(-(1<<31)+264) is 1<<31+264
# there, which passes, and n*4 wraps to 1056, which make takes and a 60-element array does not
WORD_WIDE = {
    "go.mod": "module example.com/wordwide\n\ngo 1.22\n",
    "p/p.go": checked("p", "n int", "uint(n) > 1<<31+1000 || n > 15", "n*4"),
    "p/p_test.go": """package p

import "testing"

func TestAWrappedSize(t *testing.T) {
	Sum(-(1 << 31) + 264)
}
""",
}


def test_a_range_check_wide_for_the_32_bit_word_bounds_nothing_and_its_naive_array_panics_on_386(tmp_path, toolchain):
    """terms.range_checked takes the least limit over both GOARCH words: one that counts the 64-bit word alone
    proves n >= 0 here, and its [60]int64 passes on amd64 and panics on 386, where the original does not."""
    declined_where_naive_fails_on_386(
        toolchain, tmp_path, WORD_WIDE, "buf := make([]int64, n*4)", "var bufBuf [60]int64\n\tbuf := bufBuf[:n*4:n*4]"
    )


# uint(at) >= uint(len(xs)) of an int64 at leaves at >= 0 where uint has 64 bits, and not on 386: uint(at) keeps at's
# low 32 bits there, so at = -(1<<32)+5 passes a 16-element xs, and 10-(at>>32) is 11, which make takes and a
# 10-element array does not (on amd64 uint(at) is above any length and Sum returns 0)
LENGTH_WORD_WIDE = {
    "go.mod": "module example.com/lengthword\n\ngo 1.22\n",
    "p/p.go": checked("p", "xs []int64, at int64", "uint(at) >= uint(len(xs))", "10-(at>>32)"),
    "p/p_test.go": """package p

import "testing"

func TestANegativeIndexThroughTheWord(t *testing.T) {
	Sum(make([]int64, 16), -(1<<32)+5)
}
""",
}


def test_a_length_check_that_narrows_on_386_leaves_nothing_and_its_naive_array_panics_there(tmp_path, toolchain):
    """terms.below_negatives asks every GOARCH word: one that asks the 64-bit word alone proves at >= 0 here (a uint
    there holds an int64's negatives above any int), and its [10]int64 passes on amd64 and panics on 386."""
    size = "10-(at>>32)"
    declined_where_naive_fails_on_386(
        toolchain,
        tmp_path,
        LENGTH_WORD_WIDE,
        f"buf := make([]int64, {size})",
        f"var bufBuf [10]int64\n\tbuf := bufBuf[:{size}:{size}]",
    )
