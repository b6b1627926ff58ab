"""make-const with a size a random draw gives (lengths.BELOW, by go/types' object): `n := rng.Intn(maxName)` is
below maxName, as math/rand's doc says ("a non-negative pseudo-random number in the half-open interval [0,n)"), so
`make([]rune, n)` gets a `[39]rune` (testing/quick's sizedValue has this shape, speculative before). math/rand's
*Rand methods are non-negative only for a Source that keeps its contract: one whose Int63 is negative makes
`Intn(5)` -4, so `10 - rng.Intn(5)` bounds nothing, where math/rand/v2's `r2.IntN(5)` is 0 to 4 over any
Source (its uint64n). A draw below what nothing bounds, and a package's own `Intn`,
bound nothing either; each must-decline keeps the naive array as a mutant, run beside the original: it panics where
the original does not.
"""

from __future__ import annotations

import pytest
from conftest import at_most_speculative, exact_array, naive_mutants, naive_panics, proposals_by_case
from test_make_const_bounds import probe

from gorewrite.rules import RULES

RULE = RULES["make-const"]


def package(name: str, body: str, imports: str = '"math/rand"') -> str:
    return f"""package {name}

import {imports}

const maxName = 40

// Fixed is a source whose every draw is its value shifted into Int31's bits: the same number each time.
type Fixed int64

func (f Fixed) Int63() int64 {{ return int64(f) << 32 }}
func (Fixed) Seed(int64)       {{}}

// Source gives a *rand.Rand over Fixed(v).
func Source(v int64) *rand.Rand {{ return rand.New(Fixed(v)) }}

{body}

func sum(rs []rune) (s int) {{
	for i := range rs {{
		rs[i] = 'a' + rune(i%26)
		s += int(rs[i])
	}}
	return s
}}
"""


METHOD = """// Score draws a name's length below maxName.
func Score(rng *rand.Rand, limit int) int {
	n := rng.Intn(maxName)
	name := make([]rune, n)
	return sum(name)
}"""
FUNCTION = """// Score draws a name ten runes long less a random few.
func Score(rng *rand.Rand, limit int) int {
	name := make([]rune, 10-rand.Intn(5))
	return sum(name)
}"""
VERSION2 = """// Score draws a name's length below maxName.
func Score(rng *rand.Rand, limit int) int {
	n := rand2.IntN(maxName)
	name := make([]rune, n)
	return sum(name)
}"""
METHOD2 = """// Score draws a name ten runes long less a random few, from a math/rand/v2 generator: any Source's Uint64
// gives IntN a value from 0 to n-1 (uint64n), so the draw is never negative.
func Score(rng *rand.Rand, limit int) int {
	r2 := rand2.New(rand2.NewPCG(uint64(limit), 1))
	name := make([]rune, 10-r2.IntN(5))
	return sum(name)
}"""
UNBOUNDED = """// Score draws a name's length below the caller's limit.
func Score(rng *rand.Rand, limit int) int {
	n := rng.Intn(limit)
	name := make([]rune, n)
	return sum(name)
}"""
LOWER = """// Score draws a name ten runes long less a random few.
func Score(rng *rand.Rand, limit int) int {
	name := make([]rune, 10-rng.Intn(5))
	return sum(name)
}"""
OWN = """var Scale = 3

// Intn is the package's own: a length of n times the scale (exported: any importer may change it).
func Intn(n int) int { return n * Scale }

// Score sizes a name by Intn.
func Score(rng *rand.Rand, limit int) int {
	n := Intn(maxName)
	name := make([]rune, n)
	return sum(name)
}"""
BOTH = '(\n\t"math/rand"\n\trand2 "math/rand/v2"\n)'
BOUNDED = {
    "random_method": (package("random_method", METHOD), "[39]rune"),
    "random_function": (package("random_function", FUNCTION), "[10]rune"),
    "random_v2": (package("random_v2", VERSION2, BOTH), "[39]rune"),
    "random_v2_method": (package("random_v2_method", METHOD2, BOTH), "[10]rune"),
}
NOT_BOUNDED = {
    "random_unbounded": package("random_unbounded", UNBOUNDED),
    "random_lower": package("random_lower", LOWER),
    "random_own": package("random_own", OWN),
}


def naive(size: str, k: int):
    """The naive rewrite: the array a draw from 0 to its argument less one would need."""
    return lambda source: source.replace(
        f"name := make([]rune, {size})", f"size := {size}\n\tvar nameBuf [{k}]rune\n\tname := nameBuf[:size:size]", 1
    )


NAIVE = {
    "random_unbounded": (naive("n", 39), probe("{pkg}.Score({pkg}.Source(99), 100)")),
    "random_lower": (naive("10-rng.Intn(5)", 10), probe("{pkg}.Score({pkg}.Source(-4), 0)")),
    "random_own": (naive("n", 39), probe("{pkg}.Score(nil, 0)")),
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {**{n: c for n, (c, _) in BOUNDED.items()}, **NOT_BOUNDED}
    return proposals_by_case(tmp_path_factory.mktemp("make-const-random"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    declines = {n: (c, None) for n, c in NOT_BOUNDED.items()}
    return naive_mutants(tmp_path_factory.mktemp("make-const-random-naive"), toolchain, declines, NAIVE)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in BOUNDED.items()], ids=list(BOUNDED))
def test_a_random_draw_is_below_its_argument(proposed, name, expected):
    exact_array(proposed[name], BOUNDED[name][0], expected)


@pytest.mark.parametrize("name", list(NOT_BOUNDED))
def test_a_draw_below_what_nothing_bounds_a_method_over_any_source_subtracted_or_an_own_intn_bound_nothing(
    proposed, name
):
    at_most_speculative(proposed[name])


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)
