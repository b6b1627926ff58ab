"""make-const with a guard written through a conversion (bounds.py, terms.compared): `T(x) > C` bounds x
where T keeps every value x's type has on every GOARCH (a `type Bytes int`, int64 of an int), or the values
the code has already proven x to have; a narrowing T (int8(n), uint8(len(b)), int32 of an int64, a named
type over a narrower one) wraps, and a float conversion never bounds.

For each decline, NAIVE keeps the array a naive rule would make from the guard, and a test runs it beside
the original: it panics where the original does not.
"""

from __future__ import annotations

import pytest
from conftest import at_most_speculative, edited, naive_mutants, naive_panics, proposals_by_case

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["make-const"]


def case(name: str, guard: str, size: str = "n", params: str = "xs []int64, n int", types: str = "") -> str:
    """A function that copies xs into `make([]int64, size)` after guard and sums it (nothing escapes)."""
    return f"""package {name}

// Bytes is a count as the API states it: an int underneath.
type Bytes int

// Small is a count the wire carries in one signed byte.
type Small int8

const (
	MaxItems Bytes = 20
	maxSmall Small = 50
)
{types}
// Sum copies xs into a scratch slice and sums it.
func Sum({params}) int64 {{
{guard}
	buf := make([]int64, {size})
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


def guard(condition: str) -> str:
    return f"\tif {condition} {{\n\t\treturn -1\n\t}}"


COUNT = "\n// Count is a count held in 32 bits.\ntype Count uint32\n"

# case -> (Go source, what the rewritten file must contain)
BOUNDED = {
    "named_same_width": (case("named_same_width", guard("n < 0 || Bytes(n) > MaxItems")), "[20]int64"),
    "named_flipped": (case("named_flipped", guard("MaxItems < Bytes(n)")), "[20]int64"),
    "named_at_least": (case("named_at_least", guard("Bytes(n) >= MaxItems")), "[19]int64"),
    "named_compound": (case("named_compound", guard("Bytes(n) > MaxItems || len(xs) == 0")), "[20]int64"),
    "named_length_sum": (
        case("named_length_sum", guard("Bytes(len(xs)) > MaxItems"), size="5+len(xs)", params="xs []int64"),
        "[25]int64",
    ),
    "named_clamp": (case("named_clamp", "\tn = int(min(Bytes(n), MaxItems))"), "[20]int64"),
    "widening": (case("widening", guard("int64(n) > 20")), "[20]int64"),
    "widening_named_unsigned": (
        case("widening_named_unsigned", guard("Count(n) > 20"), params="xs []int64, n uint16", types=COUNT),
        "[20]int64",
    ),
    # n is proven in 0..1000 first, which int8 does not hold: int8(n) > 50 adds nothing (int8(300) is 44)
    "narrowing_after_wide_range": (
        case("narrowing_after_wide_range", guard("n < 0 || n > 1000") + "\n" + guard("int8(n) > 50")),
        "[1000]int64",
    ),
    # n is proven in 0..100 first: int8(n) keeps it, so the second guard bounds it
    "narrowing_after_range": (
        case("narrowing_after_range", guard("n < 0 || n > 100") + "\n" + guard("int8(n) > 10")),
        "[10]int64",
    ),
}

# case -> (Go source, the call that makes the naive array panic)
NOT_BOUNDED = {
    # int8(300) is 44: the guard passes a size of 300
    "int8_guard": (case("int8_guard", guard("int8(n) > 50")), "Sum([]int64{1}, 300)"),
    # uint8(300) is 44
    "uint8_length": (
        case("uint8_length", guard("uint8(len(xs)) > 64"), "len(xs)", "xs []int64"),
        "Sum(make([]int64, 300))",
    ),
    # int32(1<<32) is 0: the guard passes, and n>>24 is 256 (a size of n itself would need 32 GiB to show it)
    "int32_of_int64": (
        case("int32_of_int64", guard("int32(n) > 20"), "n>>24", params="xs []int64, n int64"),
        "Sum([]int64{1}, 1<<32)",
    ),
    # Small is an int8 underneath: Small(300) is 44
    "named_narrower": (case("named_narrower", guard("Small(n) > maxSmall")), "Sum([]int64{1}, 300)"),
    # a float never bounds (here it would in value: float64 rounds monotonically, and 1e3 is exact)
    "float_guard": (case("float_guard", guard("float64(n) > 1e3")), None),
}


def array(size: str, k: int):
    """The naive rewrite: an exact array sized by the guard the naive rule sees."""
    new = f"\tvar bufBuf [{k}]int64\n\tbuf := bufBuf[:{size}:{size}]\n"
    return lambda source: source.replace(f"\tbuf := make([]int64, {size})\n", new, 1)


def probe(call: str) -> str:
    """A Go expression: the call's result, or the panic it raises, as a string."""
    return (
        'func() (out string) { defer func() { if r := recover(); r != nil { out = fmt.Sprint("panic: ", r) } }(); '
        f"return fmt.Sprint({{pkg}}.{call}) }}()"
    )


NAIVE = {
    "int8_guard": (array("n", 50), probe(NOT_BOUNDED["int8_guard"][1])),
    "uint8_length": (array("len(xs)", 64), probe(NOT_BOUNDED["uint8_length"][1])),
    "int32_of_int64": (array("n>>24", 1), probe(NOT_BOUNDED["int32_of_int64"][1])),
    "named_narrower": (array("n", 50), probe(NOT_BOUNDED["named_narrower"][1])),
    "narrowing_after_wide_range": (array("n", 50), probe("Sum([]int64{1}, 300)")),
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {n: c for n, (c, _) in {**BOUNDED, **NOT_BOUNDED}.items()}
    return proposals_by_case(tmp_path_factory.mktemp("make-const-conversions"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    cases = {**NOT_BOUNDED, "narrowing_after_wide_range": BOUNDED["narrowing_after_wide_range"]}
    return naive_mutants(tmp_path_factory.mktemp("make-const-conversions-naive"), toolchain, cases, NAIVE)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in BOUNDED.items()], ids=list(BOUNDED))
def test_a_guard_through_a_value_keeping_conversion_gives_an_exact_array(proposed, name, expected):
    (fix,) = proposed[name]
    assert isinstance(fix, Fix) and not fix.speculative, fix
    rewritten = edited(BOUNDED[name][0], fix)
    assert expected in rewritten and "make(" not in rewritten, rewritten
    assert rewritten.count("Buf [") == 1, rewritten


@pytest.mark.parametrize("name", list(NOT_BOUNDED))
def test_a_guard_through_a_wrapping_or_float_conversion_bounds_nothing(proposed, name):
    found = proposed[name]
    at_most_speculative(found)
    assert all("Buf [" not in e.new.decode() for p in found if isinstance(p, Fix) for e in p.edits)


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)
