"""make-const with the length of a field through a pointer: `if len(h.Name) > maxName { return }` bounds
`make([]byte, len(h.Name))` of an `h *Header` when nothing between the guard and the make can write
memory another alias reaches or synchronise with a goroutine that does (gorewrite/quiet.py: no call but
quiet builtins and conversions, no write but to a local no pointer reaches, no channel operation, go or
defer; code of a guard's body that returns does not count). Another goroutine's write there would be a data
race. Each must-decline keeps the naive array as a mutant, run beside the original: it panics where the
original does not (a write through another alias, a receive that orders a feeder's write before the make).
"""

from __future__ import annotations

import pytest
from conftest import at_most_speculative, exact_array, naive_mutants, naive_panics, proposals_by_case
from test_make_const_bounds import array, probe
from test_make_const_fields import GUARD, GUARDED, LONG, record

from gorewrite.rules import RULES

RULE = RULES["make-const"]
LOCALS = "\n\tk := len(h.Name) + 1\n\tk++\n\t_ = k"
LOGGED = '\tif len(h.Name) > maxName {\n\t\t_ = strings.Repeat("long ", 2)\n\t\treturn -1\n\t}'
BOUNDED = {
    "pointer_quiet": (record("pointer_quiet", "h *Header", GUARD), "[40]byte"),
    "pointer_locals": (record("pointer_locals", "h *Header", GUARD + LOCALS), "[40]byte"),
    "pointer_logged_guard": (record("pointer_logged_guard", "h *Header", LOGGED), "[40]byte"),
    "pointer_sum_size": (record("pointer_sum_size", "h *Header", GUARD, "2+len(h.Name)"), "[42]byte"),
}
FEED = """
var ready chan struct{}

// Feed has a feeder, told by Sum once its guard passed, lengthen h.Name and signal Sum back (in that order
// whatever the scheduler does: before session 49 the feeder could write before the guard, and both the original
// and the naive array returned -1).
func Feed(h *Header) int {
	ready = make(chan struct{})
	go func() {
		<-ready
		h.Name = strings.Repeat("a", 50)
		ready <- struct{}{}
	}()
	return Sum(h)
}
"""
CHECKED = """
func longer(h *Header) bool {
	h.Name += h.Name
	return false
}
"""
NOT_BOUNDED = {
    "pointer_written": record("pointer_written", "h *Header", GUARDED + '\th.Name += "!"'),
    "pointer_alias": record("pointer_alias", "h, other *Header", GUARDED + '\tother.Name += "!"'),
    "pointer_receive": record("pointer_receive", "h *Header", GUARDED + "\tready <- struct{}{}\n\t<-ready", extra=FEED),
    "pointer_call": record("pointer_call", "h *Header", GUARDED + "\tlengthen(h)"),
    # the condition calls after its read: `|| longer(h)` runs when the length is within the bound
    "pointer_condition_call": record(
        "pointer_condition_call",
        "h *Header",
        "\tif len(h.Name) > maxName || longer(h) {\n\t\treturn -1\n\t}",
        extra=CHECKED,
    ),
    # a range clause with `=` assigns the field at each iteration (adv37a)
    "pointer_range_assigns": record(
        "pointer_range_assigns",
        "h *Header, names []string",
        GUARDED + "\tfor _, h.Name = range names {\n\t}",
    ),
    # h points into hs: a write to an element of hs writes *h
    "pointer_element_write": record(
        "pointer_element_write",
        "hs []Header, i int",
        "\th := &hs[0]\n" + GUARDED + '\ths[i] = Header{Name: strings.Repeat("a", 50)}',
    ),
}
FORTY = 'Header{Name: strings.Repeat("a", 40)}'
NAIVE = {
    "pointer_written": (array("buf", "len(h.Name)", "byte", 40), probe("{pkg}.Sum(&{pkg}." + FORTY + ")")),
    "pointer_alias": (
        array("buf", "len(h.Name)", "byte", 40),
        probe("func() int { p := &{pkg}." + FORTY + "; return {pkg}.Sum(p, p) }()"),
    ),
    "pointer_receive": (array("buf", "len(h.Name)", "byte", 40), probe('{pkg}.Feed(&{pkg}.Header{Name: "a"})')),
    "pointer_call": (array("buf", "len(h.Name)", "byte", 40), probe("{pkg}.Sum(&{pkg}." + LONG + ")")),
    "pointer_condition_call": (array("buf", "len(h.Name)", "byte", 40), probe("{pkg}.Sum(&{pkg}." + LONG + ")")),
    "pointer_range_assigns": (
        array("buf", "len(h.Name)", "byte", 40),
        probe('{pkg}.Sum(&{pkg}.Header{Name: "a"}, []string{strings.Repeat("a", 50)})'),
    ),
    "pointer_element_write": (
        array("buf", "len(h.Name)", "byte", 40),
        probe('{pkg}.Sum([]{pkg}.Header{{Name: "a"}}, 0)'),
    ),
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {**{n: c for n, (c, _) in BOUNDED.items()}, **NOT_BOUNDED}
    return proposals_by_case(tmp_path_factory.mktemp("make-const-pointer-fields"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    declines = {n: (c, None) for n, c in NOT_BOUNDED.items()}
    return naive_mutants(tmp_path_factory.mktemp("make-const-pointer-fields-naive"), toolchain, declines, NAIVE)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in BOUNDED.items()], ids=list(BOUNDED))
def test_a_guard_on_a_pointer_field_bounds_it_where_nothing_between_writes(proposed, name, expected):
    exact_array(proposed[name], BOUNDED[name][0], expected, scope="Sum")


@pytest.mark.parametrize("name", list(NOT_BOUNDED))
def test_a_write_call_or_receive_between_bounds_nothing(proposed, name):
    at_most_speculative(proposed[name])


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)
