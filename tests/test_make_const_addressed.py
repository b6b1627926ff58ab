"""make-const with a size whose variable has its address taken (gorewrite/quiet.py `aliased`): `var p Packet` decoded,
`if p.Count > 16 { return }`, `vals := make([]int32, p.Count)`, then `copy(p.Readings[:], vals)`. An address first
taken after the make, in its own function and outside any loop around it, does not exist when the make runs; one
taken before it makes the variable reachable like a field through a pointer, and the guard bounds the make where
nothing between the two can write memory or synchronise. Each must-decline keeps the naive array as a mutant: it
panics where the original does not (a write through the pointer between, on the next pass of a loop, after a
func literal that reads the variable was made).
"""

from __future__ import annotations

import pytest
from conftest import at_most_speculative, exact_array, naive_mutants, naive_panics, proposals_by_case
from test_make_const_bounds import array, probe, sums

from gorewrite.rules import RULES

RULE = RULES["make-const"]
GUARD = "\tif n > maxItems {\n\t\treturn -1\n\t}"
PAD = "\nfunc pad(n *int) { *n += 8 }\n"
PACKET = """package {name}

// Packet is a sensor packet: a count and its readings.
type Packet struct {{
	Kind     uint8
	Count    uint8
	Readings [24]int32
}}

// decode fills p from b's header.
func (p *Packet) decode(b []byte) {{
	p.Kind, p.Count = b[0], b[1]
}}

// Decode parses a packet and its readings.
func Decode(b []byte) (Packet, int) {{
	var p Packet
{before}	if p.Count > uint8(len(p.Readings)) {{
		return p, -1
	}}
	vals := make([]int32, p.Count)
	for i := range vals {{
		vals[i] = int32(b[2+i%(len(b)-2)])
	}}
	copy(p.Readings[:], vals)
	return p, len(vals)
}}
"""
BOUNDED = {
    # the address of an array field, taken by slicing after the make (the probe's telemetry.Decode)
    "addressed_after": (PACKET.format(name="addressed_after", before="\tp.Kind, p.Count = b[0], b[1]\n"), "[24]int32"),
    # a pointer method before the guard; nothing between the guard and the make
    "addressed_before_quiet": (PACKET.format(name="addressed_before_quiet", before="\tp.decode(b)\n"), "[24]int32"),
    # `&n` handed to a call after the make
    "pointer_after": (sums("pointer_after", "n", GUARD, after="\tpad(&n)\n") + PAD, "[20]int64"),
}
NOT_BOUNDED = {
    # a pointer taken before the guard writes n between the guard and the make
    "pointer_between": sums("pointer_between", "n", "\tp := &n\n" + GUARD + "\n\tpad(p)") + PAD,
    # the address is taken after the make, but in the loop around it: the next pass makes with n+8
    "pointer_in_loop": f"""package pointer_in_loop

const maxItems = 20

// Sum sums two scratch slices of n copies of xs, padding n after each.
func Sum(xs []int64, n int) int64 {{
{GUARD}
	var total int64
	for pass := 0; pass < 2; pass++ {{
		buf := make([]int64, n)
		for i := range buf {{
			total += xs[i%len(xs)]
		}}
		pad(&n)
	}}
	return total
}}
{PAD}""",
    # the make is in a func literal made before the address is taken: it runs after the write through it
    "pointer_after_literal": f"""package pointer_after_literal

const maxItems = 20

// last is the most recent sum, for a later Again.
var last func() int64

// Sum sums a scratch slice of n copies of xs, made by a func literal.
func Sum(xs []int64, n int) int64 {{
{GUARD}
	sum := func() int64 {{
		buf := make([]int64, n)
		var total int64
		for i := range buf {{
			total += xs[i%len(xs)]
		}}
		return total
	}}
	last = sum
	pad(&n)
	return sum()
}}
{PAD}""",
    # the make is in a func literal over a captured n whose address it takes after the make: the variable is
    # the same in every call, so the first call's pointer grows n between the second call's guard and make
    "pointer_captured": """package pointer_captured

const maxItems = 20

// last is the address of the count the latest pass took after its make.
var last *int

// grow grows the count behind the latest address, if any.
func grow() {
	if last != nil {
		*last += 8
	}
}

// Sum sums two scratch slices of n copies of xs, made by one func literal over n.
func Sum(xs []int64, n int) int64 {
	var total int64
	pass := func() {
		if n > maxItems {
			return
		}
		grow()
		buf := make([]int64, n)
		for i := range buf {
			buf[i] = xs[i%len(xs)]
		}
		for _, x := range buf {
			total += x
		}
		last = &n
	}
	twice(pass)
	return total
}

// twice runs f twice.
//
//go:noinline
func twice(f func()) {
	f()
	f()
}
""",
}
NAIVE = {
    "pointer_between": (array("buf", "n", "int64", 20), probe("{pkg}.Sum([]int64{1}, 20)")),
    "pointer_in_loop": (array("buf", "n", "int64", 20), probe("{pkg}.Sum([]int64{1}, 20)")),
    "pointer_after_literal": (array("buf", "n", "int64", 20), probe("{pkg}.Sum([]int64{1}, 20)")),
    "pointer_captured": (array("buf", "n", "int64", 20), probe("{pkg}.Sum([]int64{1}, 20)")),
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {**{n: c for n, (c, _) in BOUNDED.items()}, **NOT_BOUNDED}
    return proposals_by_case(tmp_path_factory.mktemp("make-const-addressed"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    declines = {n: (c, None) for n, c in NOT_BOUNDED.items()}
    return naive_mutants(tmp_path_factory.mktemp("make-const-addressed-naive"), toolchain, declines, NAIVE)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in BOUNDED.items()], ids=list(BOUNDED))
def test_an_address_taken_after_or_before_a_quiet_guard_keeps_the_bound(proposed, name, expected):
    scope = "Decode" if "Packet" in BOUNDED[name][0] else "Sum"
    exact_array(proposed[name], BOUNDED[name][0], expected, scope=scope)


@pytest.mark.parametrize("name", list(NOT_BOUNDED))
def test_a_pointer_that_may_write_before_the_make_bounds_nothing(proposed, name):
    at_most_speculative(proposed[name])


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)
