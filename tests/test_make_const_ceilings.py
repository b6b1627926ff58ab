"""make-const sized by a ceiling or a word's top bits (probe make-const-bio, session 53): `(len(read)+w-1)/w` of a w
at least 1 that nothing bounds above is at most len(read)'s bound (gorewrite/ceilings.py: the sum is the other terms
plus w modulo 2^N, and where it wraps the quotient is at most 0), and `int(word>>24)` of a uint32 is at most 255 (the
shifted value is within its type; shapes.py, where the typed bound is asked, as a byte's 255 is). Each must-decline
keeps its naive array as a mutant: it panics where the original does not.
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

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["make-const"]


def blocks(name: str, params: str, guard: str, size: str, element: str = "int64") -> str:
    """The length of a `make([]element, size)` after `if guard { return 0 }`."""
    return f"""package {name}

// Sum is the length of a buffer of one slot per block.
func Sum({params}) int {{
	if {guard} {{
		return 0
	}}
	buf := make([]{element}, {size})
	return len(buf)
}}
"""


def shifted(name: str, params: str, size: str, element: str = "byte") -> str:
    """The length of a `make([]element, n)` of a word's shifted bits."""
    return f"""package {name}

// Sum is the length of a buffer sized by a header word.
func Sum({params}) int {{
	n := {size}
	buf := make([]{element}, n)
	return len(buf)
}}
"""


BOUNDED = {
    # w = 1 gives len(xs); a w near MaxInt wraps len(xs)+w-1 below 0, and the quotient to 0 or less
    "ceiling": (blocks("ceiling", "xs []int64, w int", "w < 1 || len(xs) > 64", "(len(xs)+w-1)/w"), "[64]int64"),
    "ceiling_reordered": (
        blocks("ceiling_reordered", "xs []int64, w int", "w < 1 || len(xs) > 64", "(w+len(xs)-1)/w"),
        "[64]int64",
    ),
    "ceiling_constant": (blocks("ceiling_constant", "w int", "w < 1", "(93+w)/w"), "[94]int64"),
    # w >= 4: (63 + w)/w is at most 63/4 + 1
    "ceiling_wider_divisor": (
        blocks("ceiling_wider_divisor", "xs []int64, w int", "w < 4 || len(xs) > 64", "(len(xs)+w-1)/w"),
        "[16]int64",
    ),
    "ceiling_unsigned": (
        blocks("ceiling_unsigned", "xs []int64, w uint", "w < 1 || len(xs) > 64", "(uint(len(xs))+w-1)/w"),
        "[64]int64",
    ),
    # the other terms at most -1: the quotient is at most 0, plus 8
    "ceiling_negative_rest": (blocks("ceiling_negative_rest", "w int", "w < 1", "(w-5)/w+8"), "[8]int64"),
    "shift_top_byte": (shifted("shift_top_byte", "word uint32", "int(word >> 24)"), "[255]byte"),
    # an int32 n*4096 that may wrap is still an int32: n>>28 is from -8 to 7 (test_make_const_updates' naive [8]
    # panics for n = 1<<19, whose size is 16)
    "shift_of_wrapped_product": (
        shifted("shift_of_wrapped_product", "n int32", "8 - int(n>>28)", element="int64")
        .replace("\tn := ", "\tif n > 1<<20 || n < 0 {\n\t\treturn -1\n\t}\n\tn *= 1 << 12\n\tm := ")
        .replace("make([]int64, n)", "make([]int64, m)"),
        "[16]int64",
    ),
    "shift_signed": (shifted("shift_signed", "word int32", "int(word>>24) + 128"), "[255]byte"),
}

NOT_BOUNDED = {
    # the rest falls below the least: -128-2+1 wraps to 127, an int8 at most 10 bounds nothing
    "ceiling_sum_below_least": (
        blocks("ceiling_sum_below_least", "n, w int8", "w < 1 || n > 10", "(n-2+w)/w"),
        "{pkg}.Sum(-128, 1)",
    ),
    # divided by another variable than the sum holds: (64+100-1)/1 is 163
    "ceiling_other_divisor": (
        blocks("ceiling_other_divisor", "xs []int64, w, v int", "w < 1 || v < 1 || len(xs) > 64", "(len(xs)+w-1)/v"),
        "{pkg}.Sum(make([]int64, 64), 100, 1)",
    ),
    # the divisor is subtracted: n-w wraps to 9132372036854775813 for n = MinInt64+5, and divides to 100
    "ceiling_subtracted": (
        blocks("ceiling_subtracted", "n, w int", "w < 1 || n > 64", "(n-w)/w"),
        "{pkg}.Sum(-(1<<63)+5, 91000000000000000)",
    ),
    # the divisor and the term have no key (elements): b[1] is no b[0], (64+254)/1 is 318
    "ceiling_unkeyed_divisor": (
        blocks(
            "ceiling_unkeyed_divisor",
            "xs []int64, b []byte",
            "len(b) < 2 || len(xs) > 64",
            "(len(xs)+int(b[1]|1)-1)/int(b[0]|1)",
        ),
        "{pkg}.Sum(make([]int64, 64), []byte{0, 255})",
    ),
    # two offsets nothing bounds below and one at least 1<<31: the rest's least is within the 32-bit word's and below
    # the 64-bit one's, where a = b = -(1<<62)-(1<<56)-(1<<30) wraps a+b+c+w up for w = 1<<56, which divides to 127
    "ceiling_sum_below_64_bit_least": (
        blocks(
            "ceiling_sum_below_64_bit_least",
            "a, b, c, w int",
            "w < 1 || a > -(1<<30) || b > -(1<<30) || c < 1<<31 || c > 1<<31+10",
            "(a+b+c+w)/w",
        ),
        "{pkg}.Sum(-(1<<62)-(1<<56)-(1<<30), -(1<<62)-(1<<56)-(1<<30), 1<<31, 1<<56)",
    ),
    # a uint has 64 bits on amd64: its >>24 is up to 1<<40-1 there, no byte (shapes.py takes the type's wide range)
    "shift_word_sized": (shifted("shift_word_sized", "word uint", "int(word >> 24)"), "{pkg}.Sum(1 << 32)"),
}

# Declined on reasoning no naive mutant shows (gc reads both after the call): Go orders the call, not the reads of
# hp.w around it, so the sum may hold the w from before (1<<40|1) while the divisor is 0|1.
SPEC_ONLY = {
    "ceiling_call_between": """package ceiling_call_between

type window struct{ w uint }

func (p *window) set(w uint) { p.w = w }

func reset(p *window) uint {
	p.w = 0
	return 1
}

// Sum is the length of a buffer of one slot per block of an odd width.
func Sum(xs []int64, hp *window) int {
	if len(xs) > 64 {
		return 0
	}
	buf := make([]int64, (uint(len(xs))+(hp.w|1)-reset(hp))/(hp.w|1))
	return len(buf)
}
""",
    # a term nothing bounds above
    "ceiling_rest_unbounded": blocks(
        "ceiling_rest_unbounded", "xs []int64, n, w int", "w < 1 || len(xs) > 64", "(len(xs)+n+w-1)/w"
    ),
    # a divisor that may be 0 or negative: no ceiling
    "ceiling_divisor_not_positive": blocks(
        "ceiling_divisor_not_positive", "xs []int64, w int", "w < 0 || len(xs) > 64", "(len(xs)+w-1)/w"
    ),
    # a type parameter's shift: nothing known of its type
    "shift_type_parameter": shifted("shift_type_parameter", "xs []int64, word T", "int(word>>24) + len(xs)").replace(
        "Sum(", "Sum[T ~uint32]("
    )
    + "\nvar _ = Sum[uint32]\n",
    "ceiling_type_parameter": blocks(
        "ceiling_type_parameter", "xs []int64, w T", "w < 1 || len(xs) > 64", "(w+63)/w"
    ).replace("Sum(", "Sum[T ~int](")
    + "\nvar _ = Sum[int]\n",
}

NAIVE = {
    name: (array("buf", size, "int64", k), probe(NOT_BOUNDED[name][1]))
    for name, size, k in (
        ("ceiling_other_divisor", "(len(xs)+w-1)/v", 64),
        ("ceiling_subtracted", "(n-w)/w", 65),
        ("ceiling_sum_below_least", "(n-2+w)/w", 9),
        ("ceiling_unkeyed_divisor", "(len(xs)+int(b[1]|1)-1)/int(b[0]|1)", 64),
        ("ceiling_sum_below_64_bit_least", "(a+b+c+w)/w", 11),
    )
}
NAIVE["shift_word_sized"] = (array("buf", "n", "byte", 255), probe(NOT_BOUNDED["shift_word_sized"][1]))

# Beyond the stack budget a word's bits are no bound the rule takes: a 16-bit top of a uint32 stays speculative
# (65535 int64s, 512 KiB, would be declined as too large for the stack were the shift read without the type's ask).
WIDE = {"shift_wide": shifted("shift_wide", "word uint32", "int(word >> 16)", element="int64")}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {n: c for n, (c, _) in {**BOUNDED, **NOT_BOUNDED}.items()} | SPEC_ONLY | WIDE
    return proposals_by_case(tmp_path_factory.mktemp("make-const-ceilings"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    return naive_mutants(tmp_path_factory.mktemp("make-const-ceilings-naive"), toolchain, NOT_BOUNDED, NAIVE)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in BOUNDED.items()], ids=list(BOUNDED))
def test_a_ceiling_or_a_shifted_word_bounds_the_size(proposed, name, expected):
    exact_array(proposed[name], BOUNDED[name][0], expected, scope="Sum")


@pytest.mark.parametrize("name", [*NOT_BOUNDED, *SPEC_ONLY])
def test_no_ceiling_of_the_divisor_bounds_nothing(proposed, name):
    at_most_speculative(proposed[name])


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)


def test_a_shifted_word_beyond_the_stack_budget_stays_speculative(proposed):
    (fix,) = proposed["shift_wide"]
    assert isinstance(fix, Fix) and fix.speculative, fix


# Three offsets each at least -(1<<30) sum to -3<<30 at least: within the 64-bit word's least, below the 32-bit one's.
# On 386, -3<<30 + w for w = 1<<25 wraps up to 1<<30 + 1<<25, which divides to 33: above the 31 the sum's upper end
# gives, and make takes it (on amd64 the sum is negative and make panics: the test calls it on 386 alone).
WORD_WIDE = {
    "go.mod": "module example.com/ceilingword\n\ngo 1.22\n",
    "p/p.go": blocks(
        "p",
        "a, b, c, w int",
        "w < 1 || a < -(1<<30) || b < -(1<<30) || c < -(1<<30) || a > 10 || b > 10 || c > 10",
        "(a+b+c+w)/w",
    ),
    "p/p_test.go": """package p

import (
	"strconv"
	"testing"
)

func TestAWrappedCeiling(t *testing.T) {
	if strconv.IntSize == 32 {
		Sum(-(1 << 30), -(1 << 30), -(1 << 30), 1<<25)
	}
}
""",
}


def test_a_ceiling_whose_rest_falls_below_the_32_bit_least_bounds_nothing_and_its_naive_array_panics_on_386(
    tmp_path, toolchain
):
    """ceilings.py checks the rest's least on both GOARCH words: one that checks the 64-bit word alone bounds this
    sum by 31, and its [31]int64 passes on amd64 and panics on 386, where the original does not."""
    size = "(a+b+c+w)/w"
    declined_where_naive_fails_on_386(
        toolchain,
        tmp_path,
        WORD_WIDE,
        f"buf := make([]int64, {size})",
        f"var bufBuf [31]int64\n\tbuf := bufBuf[:{size}:{size}]",
    )
