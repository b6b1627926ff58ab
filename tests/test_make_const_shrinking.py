"""make-const after a loop that shrinks an unsigned value each pass: `m := 1; for w >= 10 { w /= 10; m++ }` makes
at most 19 passes for a uint64 (2^64 / 10^19 < 10), so m is at most 20, and `for v >= 0x80 { v >>= 7; n++ }` at
most 9 (probe39c varint `sizeOf`, a digit count; loop_sums._shrinking); each count is also at least where it
started, so two of them add up (bounds._after_loop's lower end). A signed value too under `>=` or `>` a constant
of at least 1 (positive where it shrinks), from its type's most or from its bound where the loop starts (probe40c
roman `Words`: `for x := n; x >= 10; x /= 10` after `n > 999` returns makes at most 2 passes). A `continue` that
skips the division, another write of the value in the loop, or a signed value under `!= 0` (a negative one passes)
bound nothing: each must-decline keeps its naive array, which panics where the original does not.
"""

from __future__ import annotations

import pytest
from conftest import at_most_speculative, exact_array, module, naive_mutants, naive_panics, proposals, proposals_by_case
from test_make_const_bounds import array, probe, sums

from gorewrite.rules import RULES

RULE = RULES["make-const"]
PARAMS = "xs []int64, v uint64"
SIGNED = "xs []int64, v int64"
GUARD = "\tif v > 999 {\n\t\treturn -1\n\t}\n"
DIVIDED = "\tfor w >= 10 {\n\t\tw /= 10\n\t\tm++\n\t}"
POST = "\tfor x := w; x >= 10; x /= 10 {\n\t\tm++\n\t}"


def _case(name: str, loop: str, params: str = PARAMS, guard: str = "") -> str:
    return sums(name, "m+maxItems", guard + "\tw := v\n\tm := 1\n" + loop, params)


BOUNDED = {
    "digits": (_case("digits", "\tfor w >= 10 {\n\t\tw /= 10\n\t\tm++\n\t}"), "[40]int64"),
    "digits_post": (_case("digits_post", "\tfor x := w; x >= 10; x /= 10 {\n\t\tm++\n\t}"), "[40]int64"),
    # two counts summed: each is at least where it started (its increments are >= 0 and cannot wrap), so the
    # sum of their upper ends holds (probe39c varint `Tag`: sizeOf(tag) + sizeOf(v))
    "two_counts": (
        _case(
            "two_counts",
            "\tk := 1\n\tfor x := v; x >= 0x80; x >>= 7 {\n\t\tk++\n\t}\n"
            "\tfor w >= 10 {\n\t\tw /= 10\n\t\tm++\n\t}\n\tm += k",
        ),
        "[50]int64",
    ),
    "varint_groups": (_case("varint_groups", "\tfor w >= 0x80 {\n\t\tw >>= 7\n\t\tm++\n\t}"), "[30]int64"),
    # an int64 >= 10 is positive, and stays >= 0 divided: at most 18 passes below 2^63
    "signed_value": (_case("signed_value", DIVIDED, SIGNED), "[39]int64"),
    # from the bound where the loop starts: 999 -> 99 -> 9, two passes
    "signed_guarded": (_case("signed_guarded", DIVIDED, SIGNED, GUARD), "[23]int64"),
    "signed_post_guarded": (_case("signed_post_guarded", POST, SIGNED, GUARD), "[23]int64"),
    # v grew after the guard by a product that may wrap: only the type's most bounds it (a naive [23] panics)
    "signed_grown_before_loop": (
        sums("signed_grown_before_loop", "m+maxItems", GUARD + "\tv *= 1000\n\tw := v\n\tm := 1\n" + POST, SIGNED),
        "[39]int64",
    ),
}

HUGE = "Sum([]int64{1}, 1<<63)"
NEGATIVE = "Sum([]int64{1}, -(1 << 62))"
NOT_BOUNDED = {
    "division_skipped": (
        _case("division_skipped", "\tfor w >= 10 {\n\t\tm++\n\t\tif m < 30 {\n\t\t\tcontinue\n\t\t}\n\t\tw /= 10\n\t}"),
        HUGE,
    ),
    "value_reset": (
        _case("value_reset", "\tfor w >= 10 {\n\t\tw /= 10\n\t\tm++\n\t\tif m == 10 {\n\t\t\tw = v\n\t\t}\n\t}"),
        HUGE,
    ),
    # a negative value passes `!= 0` too: -2^62 takes 19 passes where 999 takes 3
    "signed_not_zero": (_case("signed_not_zero", "\tfor w != 0 {\n\t\tw /= 10\n\t\tm++\n\t}", SIGNED, GUARD), NEGATIVE),
}
NAIVE = {
    "division_skipped": (array("buf", "m+maxItems", "int64", 40), probe("{pkg}." + HUGE)),
    "value_reset": (array("buf", "m+maxItems", "int64", 40), probe("{pkg}." + HUGE)),
    "signed_not_zero": (array("buf", "m+maxItems", "int64", 24), probe("{pkg}." + NEGATIVE)),
    # read from the guard rather than where the loop starts, v <= 999 would give 2 passes: 999000 takes 5
    "signed_grown_before_loop": (array("buf", "m+maxItems", "int64", 23), probe("{pkg}.Sum([]int64{1}, 999)")),
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {n: c for n, (c, _) in {**BOUNDED, **NOT_BOUNDED}.items()}
    return proposals_by_case(tmp_path_factory.mktemp("make-const-shrinking"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    cases = {**NOT_BOUNDED, "signed_grown_before_loop": BOUNDED["signed_grown_before_loop"]}
    return naive_mutants(tmp_path_factory.mktemp("make-const-shrinking-naive"), toolchain, cases, NAIVE)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in BOUNDED.items()], ids=list(BOUNDED))
def test_a_loop_shrinking_an_unsigned_value_makes_bounded_passes(proposed, name, expected):
    exact_array(proposed[name], BOUNDED[name][0], expected, scope="Sum")


@pytest.mark.parametrize("name", list(NOT_BOUNDED))
def test_a_value_that_may_not_shrink_each_pass_bounds_nothing(proposed, name):
    at_most_speculative(proposed[name])


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)


PENDING = """package pending

var pending uint64

// Count counts the digits it strips from pending, refilling it k times on the way.
func Count(k int) int {
	n := 0
	for pending >= 10 {
		pending /= 10
		if k > 0 {
			refill()
			k--
		}
		n++
	}
	buf := make([]int64, n)
	for i := range buf {
		buf[i] = int64(i)
	}
	return len(buf)
}
"""
REFILL = "package pending\n\nfunc refill() { pending = 1 << 63 }\n"
PENDING_TEST = """package pending

import "testing"

func TestCount(t *testing.T) {
	pending = 1 << 40
	if got := Count(5); got != 23 {
		t.Fatalf("Count(5) = %d, want 23", got)
	}
}
"""


def test_a_package_variable_another_file_writes_bounds_nothing(tmp_path, toolchain):
    """adv39c: `for pending >= 10 { pending /= 10; … refill() … }` with refill in another file of the package,
    which the loop's file does not show writing it: a package variable is not proven; the naive 19-element
    array panics where the original returns 23."""
    files = {"pending/pending.go": PENDING, "pending/refill.go": REFILL, "pending/pending_test.go": PENDING_TEST}
    root = module(tmp_path / "orig", files)
    at_most_speculative(next(iter(proposals(root, RULE).values())))
    assert toolchain.run(["test", "./..."], str(root)).returncode == 0
    naive = PENDING.replace("\tbuf := make([]int64, n)\n", "\tvar bufBuf [19]int64\n\tbuf := bufBuf[:n:n]\n")
    mutant = module(tmp_path / "naive", {**files, "pending/pending.go": naive})
    ran = toolchain.run(["test", "./..."], str(mutant))
    assert ran.returncode != 0 and b"slice bounds out of range" in ran.stdout + ran.stderr, ran
