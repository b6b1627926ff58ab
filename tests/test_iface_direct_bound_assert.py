"""A method value taken from an assertion, `start := s.val.(Starter).Start` (bound.py bound_target): the
conversion `Starter(&g).Start` binds the interface and still leaks g under every release (probe40b's
registry), `(&g).Start` binds the same method when it is declared with a pointer receiver on g's own type.
A value receiver keeps the conversion: `(&g).Start` would copy g when bound, where the interface's method
value reads g at each call (the naive rewrite, kept here, changes the result). Both releases measured."""

from __future__ import annotations

import pytest
from conftest import allocs_of, assert_naive_is_wrong, edited, naive_mutants, proposals_by_case

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["iface-direct"]

PLUGIN = """package {name}

type Starter interface{{ Start() int }}

type gz struct{{ level int }}

func (g {receiver}) Start() int {{ return g.level }}

type slot struct {{
	name string
	val  any
}}

{body}"""

SLOT = """// Boot binds the plugin's Start from its slot, then raises the level before starting it.
func Boot(level int) int {
	g := gz{level: level}
	s := slot{name: "gzip", val: &g}
	start := s.val.(Starter).Start
	g.level += 10
	return start()
}
"""

ELEMENT = """// Each binds the Start of the first plugin of a list and runs it twice.
func Each(level int) int {
	g := gz{level: level}
	ps := []any{&g}
	run := ps[0].(Starter).Start
	return run() + run()
}
"""


def plugin(name: str, receiver: str, body: str) -> str:
    return PLUGIN.format(name=name, receiver=receiver, body=body)


FIXES = {
    "slot_pointer": (plugin("slot_pointer", "*gz", SLOT), "\tstart := (&g).Start\n"),
    "element_pointer": (plugin("element_pointer", "*gz", ELEMENT), "\trun := (&g).Start\n"),
}
# a value receiver: the conversion stays (and the compiler rejects it: the interface still leaks g)
KEPT = {"slot_value": (plugin("slot_value", "gz", SLOT), "\tstart := Starter(&g).Start\n")}
NAIVE = {
    "slot_value": (
        lambda s: s.replace(
            '\ts := slot{name: "gzip", val: &g}\n\tstart := s.val.(Starter).Start', "\tstart := (&g).Start"
        ),
        "fmt.Sprint({pkg}.Boot(1))",
    )
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {name: code for name, (code, _) in {**FIXES, **KEPT}.items()}
    return proposals_by_case(tmp_path_factory.mktemp("iface-bound-assert"), RULE, cases)


@pytest.mark.parametrize("name", list(FIXES) + list(KEPT))
def test_binds_the_method_directly_only_when_it_binds_alike(proposed, name):
    code, expected = {**FIXES, **KEPT}[name]
    (fix,) = [p for p in proposed[name] if isinstance(p, Fix)]
    assert expected in edited(code, fix), edited(code, fix)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    return naive_mutants(tmp_path_factory.mktemp("iface-bound-assert-naive"), toolchain, KEPT, NAIVE)


def test_the_naive_binding_of_a_value_method_changes_the_result(mutants):
    assert_naive_is_wrong(mutants, KEPT["slot_value"][0], NAIVE["slot_value"], "slot_value")


def test_the_bound_method_values_allocate_less_under_both_releases(tmp_path, proposed):
    probes = {"slot_pointer": "{pkg}.Boot(1)", "element_pointer": "{pkg}.Each(1)"}
    cases = {}
    for name, probe in probes.items():
        (fix,) = [p for p in proposed[name] if isinstance(p, Fix)]
        cases[name] = (FIXES[name][0], edited(FIXES[name][0], fix), probe)
    for version, measured in allocs_of(tmp_path, cases).items():
        for name, (before, after, was, now) in measured.items():
            assert after < before and was == now, (version, name, measured)
            print(version, name, before, "->", after)
