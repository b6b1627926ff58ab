"""make-const with sizes a loop only shrinks, bit rounding, switches with fallthrough and target-sized
constants (probe34b): `n /= 2`, `n >>= 1`, `n %= 7`, `n &= m` of an n >= 0, `n &^= 3`, `n--` and `n = min(n,
k)` keep `n <= Max` through any number of passes; `(n+3) &^ 3`, `n &^= 3` and `n ^= 5` are bounded by their
operands' bits; a switch path's updates add up through a `fallthrough` (`case 2: w += 16; fallthrough; case
1: w += 8`); a make sized by `unsafe.Sizeof(h)` is a constant make and gets no proposal. Each must-decline
keeps the naive array as a mutant, run beside the original: it panics where the original does not; each
switch positive keeps the array a join that ignored the path's earlier updates would give (UNDERSIZED).
"""

from __future__ import annotations

import pytest
from conftest import at_most_speculative, exact_array, naive_mutants, naive_panics, proposals_by_case
from test_make_const_bounds import LEAVES, array, per_case, probe, sums

from gorewrite.rules import RULES

RULE = RULES["make-const"]
GUARD = "\tif n > maxItems || n < 0 {\n\t\treturn -1\n\t}"


def looped(name: str, size: str, guard: str, loop: str, update: str, params: str = "xs []int64, n, k int") -> str:
    """Sum with its make inside a loop, the size updated at the end of each pass."""
    return f"""package {name}

const maxItems = 20

// Sum sums xs over windows that shrink each pass.
func Sum({params}) int64 {{
{guard}
	var total int64
	for {loop} {{
		buf := make([]int64, {size})
		for i := range buf {{
			buf[i] = xs[i%len(xs)]
		}}
		for _, v := range buf {{
			total += v
		}}
		{update}
	}}
	return total
}}
"""


def sized(name: str, size: str, escapes: bool = False) -> str:
    """A checksum over a make sized by a target-sized constant (go/types evaluates it; steady.go does not report it)."""
    use = "\tsink = buf\n" if escapes else ""
    return f"""package {name}

import "unsafe"

type header struct {{
	Magic uint32
	Count uint64
}}

var sink []byte

// Checksum sums a header-sized scratch buffer.
func Checksum(count uint64) int {{
	var h header
	buf := make([]byte, {size})
	buf[0] = byte(count)
{use}	s := 0
	for _, b := range buf {{
		s += int(b)
	}}
	return s
}}
"""


BOUNDED = {
    # probe34b mc_monotone_loop: an update that never raises n >= 0 (nor a negative n above 0) keeps n <= 20
    "halved_in_loop": (looped("halved_in_loop", "n", GUARD, "n > 0", "n /= 2"), "[20]int64"),
    "shifted_in_loop": (looped("shifted_in_loop", "n", GUARD, "n > 0", "n >>= 1"), "[20]int64"),
    "remainder_in_loop": (looped("remainder_in_loop", "n", GUARD, "i := 0; i < k; i++", "n %= 7"), "[20]int64"),
    # n > 0 where it is masked: n & k is at most n, whatever k is
    "masked_in_loop": (looped("masked_in_loop", "n", GUARD, "n > 0", "n &= k - 1"), "[20]int64"),
    "cleared_in_loop": (looped("cleared_in_loop", "n", GUARD, "n > 3", "n &^= 3"), "[20]int64"),
    "decremented_in_loop": (looped("decremented_in_loop", "n", GUARD, "n > 0", "n--"), "[20]int64"),
    "clamped_in_loop": (looped("clamped_in_loop", "n", GUARD, "i := 0; i < 3; i++", "n = min(n, k)"), "[20]int64"),
    # the loop's condition is false after it, nothing breaks out: n <= 8 (guards.ended), below the guard's 20
    "halved_before": (
        sums("halved_before", "n", GUARD + "\n\tfor n > 8 {\n\t\tn /= 2\n\t}", "xs []int64, n int"),
        "[8]int64",
    ),
    "unsigned_shifted": (
        looped(
            "unsigned_shifted", "n", "\tif n > maxItems {\n\t\treturn -1\n\t}", "n > 0", "n >>= 1", "xs []int64, n uint"
        ),
        "[20]int64",
    ),
    # probe34b mc_bitround: n+3 in 3..62, with the low two bits cleared: at most 60
    "round_up_4": (
        sums("round_up_4", "n", "\tif n >= 60 || n < 0 {\n\t\treturn -1\n\t}\n\tn = (n + 3) &^ 3", element="byte"),
        "[60]byte",
    ),
    "cleared_bits": (sums("cleared_bits", "n", "\tif n > 23 || n < 0 {\n\t\treturn -1\n\t}\n\tn &^= 3"), "[20]int64"),
    "toggled_bits": (sums("toggled_bits", "n", GUARD + "\n\tn ^= 5"), "[31]int64"),
    # the largest value up to 50 made of 0x3C's bits alone: 48
    "masked_constant": (
        sums("masked_constant", "n&0x3C", "\tif n > 50 || n < 0 {\n\t\treturn -1\n\t}", element="byte"),
        "[48]byte",
    ),
}


def by_type(name: str, before: str, cases: str, params: str = "xs []int64, v any", size: str = "n") -> str:
    """sums() with `before`, then `switch v.(type) { <cases> }`: a size set per dynamic type."""
    return sums(name, size, f"{before}\tswitch v.(type) {{\n{cases}\t}}", params=params)


WIDTHS = "\tcase uint8, int8:\n\t\tn = 1\n\tcase uint16:\n\t\tn = 2\n\tcase uint32, float32:\n\t\tn = 4\n"
SWITCHED = {
    # probe34b mc_switch_fallthrough: 0+16+8 on the path entered by case 2
    "pad_fall": (
        per_case(
            "pad_fall",
            "\tn := 0\n",
            "\tcase 2:\n\t\tn += 16\n\t\tfallthrough\n\tcase 1:\n\t\tn += 8\n\tcase 0:\n\t\tn = 20\n",
            params="xs []int64, k int",
        ),
        "[24]int64",
    ),
    # no default: the path where no case matches keeps the guard's 20; case 2 adds 2 to it
    "fallthrough_no_default": (
        per_case(
            "fallthrough_no_default",
            GUARD + "\n",
            "\tcase 1:\n\t\tn = 4\n\t\tfallthrough\n\tcase 2:\n\t\tn += 2\n",
        ),
        "[22]int64",
    ),
    # (declined before session 34: a fallthrough, or two writes on one path, bounded nothing)
    "fallthrough_updates": (
        per_case(
            "fallthrough_updates", GUARD + "\n", "\tcase 1:\n\t\tn += 8\n\t\tfallthrough\n\tcase 2:\n\t\tn += 16\n"
        ),
        "[44]int64",
    ),
    "switch_fallthrough": (
        sums(
            "switch_fallthrough",
            "len(xs)",
            "\tswitch len(xs) {\n\tcase 40:\n\t\tfallthrough\n\tcase 4, 8:\n\tdefault:\n\t\treturn -1\n\t}",
        ),
        "[40]int64",
    ),
    "clamp_then_grow": (
        sums("clamp_then_grow", "n", "\tif n > maxBatch {\n\t\tn = maxBatch\n\t\tn++\n\t}"),
        "[17]int64",
    ),
    "switch_two_writes": (
        per_case("switch_two_writes", "", "\tcase 1:\n\t\tn = 16\n\t\tn = n * 50\n" + LEAVES),
        "[800]int64",
    ),
    # session 33's int(u) > Max of a uint16 u (int holds every uint16 on every GOARCH), halved in a loop
    "converted_halved": (
        looped(
            "converted_halved",
            "u",
            "\tif int(u) > maxItems {\n\t\treturn -1\n\t}",
            "u > 0",
            "u /= 2",
            "xs []int64, u uint16",
        ),
        "[20]int64",
    ),
}
SWITCHED.update(
    {
        # probe38a Width: a type switch sets the width on every path, the default included: 8*5
        "type_switch_widths": (
            by_type("type_switch_widths", "\tvar n int\n", WIDTHS + "\tdefault:\n\t\tn = 8\n", size="n*5"),
            "[40]int64",
        ),
        # no default: a value of another type keeps n's 8 from before
        "type_switch_keeps_earlier": (by_type("type_switch_keeps_earlier", "\tn := 8\n", WIDTHS), "[8]int64"),
        # a break may leave the clause before its assignment: that path keeps the 0 from before
        "type_switch_break": (
            by_type(
                "type_switch_break",
                "\tvar n int\n",
                "\tcase string:\n\t\tif short {\n\t\t\tbreak\n\t\t}\n\t\tn = 16\n\tdefault:\n\t\treturn -1\n",
                params="xs []int64, v any, short bool",
            ),
            "[16]int64",
        ),
    }
)
BOUNDED.update(SWITCHED)
UNDERSIZED = {
    # the join of the cases alone, the default's 8 left out
    "type_switch_widths": (array("buf", "n*5", "int64", 20), probe("{pkg}.Sum([]int64{1}, uint64(1))")),
    "pad_fall": (array("buf", "n", "int64", 20), probe("{pkg}.Sum([]int64{1}, 2)")),
    "fallthrough_no_default": (array("buf", "n", "int64", 20), probe("{pkg}.Sum([]int64{1}, 20, 2)")),
    "fallthrough_updates": (array("buf", "n", "int64", 36), probe("{pkg}.Sum([]int64{1}, 20, 1)")),
    "switch_fallthrough": (array("buf", "len(xs)", "int64", 8), probe("{pkg}.Sum(make([]int64, 40), 0)")),
    "clamp_then_grow": (array("buf", "n", "int64", 16), probe("{pkg}.Sum([]int64{1}, 30)")),
    "switch_two_writes": (array("buf", "n", "int64", 16), probe("{pkg}.Sum([]int64{1}, 0, 1)")),
}

NOT_BOUNDED = {
    # n <= -50 leaves n+100 <= 50, and halving a negative n raises it: -60 becomes -30, a size of 70
    "negative_halved": (
        looped("negative_halved", "n+100", "\tif n > -50 {\n\t\treturn -1\n\t}", "i := 0; i < k; i++", "n /= 2"),
        "Sum(xs, -60, 3)",
    ),
    "negative_shifted": (
        looped("negative_shifted", "n+100", "\tif n > -50 {\n\t\treturn -1\n\t}", "i := 0; i < k; i++", "n >>= 1"),
        "Sum(xs, -60, 3)",
    ),
    # dividing by -1 negates: -30 becomes 30, a size of 60 past the guard's 40
    "divided_by_negative": (
        looped(
            "divided_by_negative",
            "n+30",
            "\tif n < -30 || n > 10 {\n\t\treturn -1\n\t}",
            "i := 0; i < k; i++",
            "n /= -1",
        ),
        "Sum(xs, -30, 2)",
    ),
    # a negative n masked by a variable: -1 & 100 is 100
    "masked_negative": (
        looped(
            "masked_negative",
            "n",
            "\tif n > maxItems {\n\t\treturn -1\n\t}",
            "i := 0; i < k; i++",
            "n &= m",
            "xs []int64, n, m, k int",
        ).replace(
            "\t\tbuf := make([]int64, n)\n",
            "\t\tif n < 0 {\n\t\t\tn &= m\n\t\t\tcontinue\n\t\t}\n\t\tbuf := make([]int64, n)\n",
        ),
        "Sum(xs, -1, 100, 2)",
    ),
    "mask_variable": (
        sums("mask_variable", "n", "\tif n > maxItems {\n\t\treturn -1\n\t}\n\tn = n & m", "xs []int64, n, m int"),
        "Sum(xs, -1, 100)",
    ),
    "toggled_by_variable": (
        sums("toggled_by_variable", "n", GUARD + "\n\tn ^= k", "xs []int64, n, k int"),
        "Sum(xs, 0, 100)",
    ),
    # a clause adds what nothing bounds, and falls through to one that adds 4
    "fallthrough_unbounded": (
        per_case(
            "fallthrough_unbounded",
            GUARD + "\n",
            "\tcase 1:\n\t\tn += m\n\t\tfallthrough\n\tcase 2:\n\t\tn += 4\n",
            params="xs []int64, n, k, m int",
        ),
        "Sum(xs, 20, 1, 100)",
    ),
    # the switch runs on every pass: n grows by 3 each time
    "fallthrough_in_loop": (
        sums(
            "fallthrough_in_loop",
            "n",
            GUARD + "\n\tfor i := 0; i < k; i++ {\n\t\tswitch i % 2 {\n\t\tcase 0:\n\t\t\tn += 1\n\t\t\tfallthrough\n"
            "\t\tcase 1:\n\t\t\tn += 2\n\t\t}\n\t}",
            "xs []int64, n, k int",
        ),
        "Sum(xs, 20, 4)",
    ),
    # int16(40000) is -25536: the guard passes, and make allocates 40000
    "converted_wraps": (
        sums("converted_wraps", "u", "\tif int16(u) > maxItems {\n\t\treturn -1\n\t}", "xs []int64, u uint16"),
        "Sum(xs, 40000)",
    ),
    # the goto comes back below the guard after u grew
    "goto_below_guard": (
        sums(
            "goto_below_guard",
            "u",
            "\tif int(u) > maxItems {\n\t\treturn -1\n\t}\nagain:",
            "xs []int64, u uint16, k int",
            after="\tif k > 0 {\n\t\tk--\n\t\tu += 100\n\t\tgoto again\n\t}\n",
        ),
        "Sum(xs, 10, 1)",
    ),
    # an update on an if's path before the make runs on every pass: the bound at the if counts it once
    # (adv34c: `if f { n += 8 }` in a loop was given n's guard + 8)
    "grown_on_a_path_in_loop": (
        looped("grown_on_a_path_in_loop", "n", GUARD, "i := 0; i < k; i++", "").replace(
            "\t\tbuf := make([]int64, n)\n", "\t\tif i%2 == 0 {\n\t\t\tn += 8\n\t\t}\n\t\tbuf := make([]int64, n)\n"
        ),
        "Sum(xs, 20, 3)",
    ),
    "shrunk_on_a_path_in_loop": (
        looped("shrunk_on_a_path_in_loop", "40-n", GUARD, "i := 0; i < k; i++", "").replace(
            "\t\tbuf := make([]int64, 40-n)\n",
            "\t\tswitch i % 2 {\n\t\tcase 0:\n\t\t\tn -= 4\n\t\t}\n\t\tbuf := make([]int64, 40-n)\n",
        ),
        "Sum(xs, 0, 3)",
    ),
    # no default: a value of another type keeps the k nothing bounds
    "type_switch_no_default": (
        by_type("type_switch_no_default", "\tn := k\n", WIDTHS, params="xs []int64, v any, k int"),
        'Sum(xs, "wide", 100)',
    ),
    # a write nested in an if of a clause is no assignment of the path: it bounds nothing
    "type_switch_nested_write": (
        by_type(
            "type_switch_nested_write",
            "\tvar n int\n",
            WIDTHS + "\tdefault:\n\t\tn = 8\n\t\tif k > 0 {\n\t\t\tn = k\n\t\t}\n",
            params="xs []int64, v any, k int",
        ),
        'Sum(xs, "wide", 100)',
    ),
    # |= raises n on each pass
    "or_in_loop": (looped("or_in_loop", "n", GUARD, "i := 0; i < k; i++", "n |= n << 1"), "Sum(xs, 1, 6)"),
}
NAIVE = {
    "negative_halved": (array("buf", "n+100", "int64", 50), probe("{pkg}.Sum([]int64{1}, -60, 3)")),
    "negative_shifted": (array("buf", "n+100", "int64", 50), probe("{pkg}.Sum([]int64{1}, -60, 3)")),
    "divided_by_negative": (array("buf", "n+30", "int64", 40), probe("{pkg}.Sum([]int64{1}, -30, 2)")),
    "masked_negative": (array("buf", "n", "int64", 20), probe("{pkg}.Sum([]int64{1}, -1, 100, 2)")),
    "mask_variable": (array("buf", "n", "int64", 20), probe("{pkg}.Sum([]int64{1}, -1, 100)")),
    "toggled_by_variable": (array("buf", "n", "int64", 20), probe("{pkg}.Sum([]int64{1}, 0, 100)")),
    "or_in_loop": (array("buf", "n", "int64", 20), probe("{pkg}.Sum([]int64{1}, 1, 6)")),
    "type_switch_no_default": (array("buf", "n", "int64", 8), probe('{pkg}.Sum([]int64{1}, "wide", 100)')),
    "type_switch_nested_write": (array("buf", "n", "int64", 8), probe('{pkg}.Sum([]int64{1}, "wide", 100)')),
    "fallthrough_unbounded": (array("buf", "n", "int64", 24), probe("{pkg}.Sum([]int64{1}, 20, 1, 100)")),
    "fallthrough_in_loop": (array("buf", "n", "int64", 23), probe("{pkg}.Sum([]int64{1}, 20, 4)")),
    "converted_wraps": (array("buf", "u", "int64", 20), probe("{pkg}.Sum([]int64{1}, 40000)")),
    "goto_below_guard": (array("buf", "u", "int64", 20), probe("{pkg}.Sum([]int64{1}, 10, 1)")),
    "grown_on_a_path_in_loop": (array("buf", "n", "int64", 28), probe("{pkg}.Sum([]int64{1}, 20, 3)")),
    "shrunk_on_a_path_in_loop": (array("buf", "40-n", "int64", 44), probe("{pkg}.Sum([]int64{1}, 0, 3)")),
}
# probe34b mc_unsafe_sizeof: the compiler folds these to constants (`make([]byte, uintptr(16))`)
CONSTANT = {
    "size_of": sized("size_of", "unsafe.Sizeof(h)"),
    "size_of_twice": sized("size_of_twice", "2*unsafe.Sizeof(h)"),
    "offset_of": sized("offset_of", "int(unsafe.Offsetof(h.Count))+8"),
    "size_of_escaping": sized("size_of_escaping", "unsafe.Sizeof(h)", escapes=True),
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {**{n: c for n, (c, _) in {**BOUNDED, **NOT_BOUNDED}.items()}, **CONSTANT}
    return proposals_by_case(tmp_path_factory.mktemp("make-const-monotone"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    cases = {**{n: (c, p) for n, (c, p) in NOT_BOUNDED.items()}, **{n: (SWITCHED[n][0], None) for n in UNDERSIZED}}
    return naive_mutants(tmp_path_factory.mktemp("make-const-monotone-naive"), toolchain, cases, NAIVE | UNDERSIZED)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in BOUNDED.items()], ids=list(BOUNDED))
def test_a_proven_bound_gives_an_exact_array(proposed, name, expected):
    exact_array(proposed[name], BOUNDED[name][0], expected, scope="Sum")


@pytest.mark.parametrize("name", list(NOT_BOUNDED))
def test_no_proven_bound_gives_at_most_a_speculative_buffer(proposed, name):
    found = proposed[name]
    at_most_speculative(found)


@pytest.mark.parametrize("name", list(NAIVE) + list(UNDERSIZED))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)


@pytest.mark.parametrize("name", list(CONSTANT))
def test_a_size_the_compiler_folds_to_a_constant_gets_no_proposal(proposed, name):
    assert not proposed.get(name), proposed.get(name)
