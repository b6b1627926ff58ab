"""make-const with a size a callee returns by a bare `return` of its named result (returns.returns_of, bare): the
name's value at the return, with no defer to set it afterwards, so compress/bzip2's `ReadBits64(bits uint) (n uint64)`,
`n = (br.n >> (br.bits - bits)) & ((1 << bits) - 1); return`, is below 1<<15 for `ReadBits(15)` and readBlock's
`make([]uint8, numSelectors)` gets a `[32767]uint8` (held back as speculative before). A named result a closure
writes, or one a path leaves unbounded, bounds nothing; each must-decline keeps the naive array as a mutant, run
beside the original: it panics where the original does not.
"""

from __future__ import annotations

import pytest
from conftest import at_most_speculative, exact_array, naive_mutants, naive_panics, proposals_by_case
from test_make_const_bounds import probe

from gorewrite.rules import RULES

RULE = RULES["make-const"]


def package(name: str, bits: str) -> str:
    return f"""package {name}

// Reader reads a stream's bits, most significant first, from an accumulator.
type Reader struct {{
	acc  uint64
	left uint
}}

// New reads from acc.
func New(acc uint64) *Reader {{ return &Reader{{acc: acc, left: 64}} }}

{bits}

// Selectors reads a 6-bit count and that many one-byte selectors' worth of scratch.
func (r *Reader) Selectors() int {{
	count := r.bits(6)
	sel := make([]uint64, count)
	for i := range sel {{
		sel[i] = uint64(i)
	}}
	return len(sel)
}}
"""


MASKED = """func (r *Reader) bits(k uint) (n int) {
	if k > r.left {
		return 0
	}
	n = int((r.acc >> (r.left - k)) & (1<<k - 1))
	r.left -= k
	return
}"""
CLOSURE = """func (r *Reader) bits(k uint) (n int) {
	if k > r.left {
		return 0
	}
	n = int((r.acc >> (r.left - k)) & (1<<k - 1))
	whole := func() { n = int(r.acc) }
	if n == 0 {
		whole()
	}
	r.left -= k
	return
}"""
PATH = """func (r *Reader) bits(k uint) (n int) {
	if k > r.left {
		n = int(r.acc)
		return
	}
	n = int((r.acc >> (r.left - k)) & (1<<k - 1))
	r.left -= k
	return
}"""
BOUNDED = {"bare_masked": (package("bare_masked", MASKED), "[63]uint64")}
NOT_BOUNDED = {
    "bare_closure": package("bare_closure", CLOSURE),
    "bare_unbounded_path": package("bare_unbounded_path", PATH),
}


def naive(source: str) -> str:
    """The naive rewrite: the mask's bound, as if the masked assignment were the only one."""
    return source.replace("sel := make([]uint64, count)", "var selBuf [63]uint64\n\tsel := selBuf[:count:count]", 1)


ELEVEN = "func() (s int) { r := {pkg}.New(100); for range 11 { s = r.Selectors() }; return }()"
NAIVE = {
    "bare_closure": (naive, probe("{pkg}.New(100).Selectors()")),
    # eleven 6-bit reads leave 4 bits: the eleventh takes the whole accumulator, 100
    "bare_unbounded_path": (naive, probe(ELEVEN)),
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {**{n: c for n, (c, _) in BOUNDED.items()}, **NOT_BOUNDED}
    return proposals_by_case(tmp_path_factory.mktemp("make-const-bare"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    declines = {n: (c, None) for n, c in NOT_BOUNDED.items()}
    return naive_mutants(tmp_path_factory.mktemp("make-const-bare-naive"), toolchain, declines, NAIVE)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in BOUNDED.items()], ids=list(BOUNDED))
def test_a_bare_return_returns_its_named_result_where_it_returns(proposed, name, expected):
    exact_array(proposed[name], BOUNDED[name][0], expected)


@pytest.mark.parametrize("name", list(NOT_BOUNDED))
def test_a_named_result_a_closure_writes_or_a_path_leaves_unbounded_bounds_nothing(proposed, name):
    at_most_speculative(proposed[name])


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)
