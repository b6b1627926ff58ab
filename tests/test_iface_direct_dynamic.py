"""iface-direct declines an assertion whose result goes to a method called through an interface parameter.

`root.Accept(visitors[0].(Visitor))`, root a parameter: no release devirtualizes that call, and escape analysis
takes every argument of a dynamic call to the heap, so the conversion `Visitor(&lc)` leaks as the assertion did and
the compiler rejected the rewrite every time (benchmarks/probes/iface-sync-pool's CountLeaves). Declined now, with
the naive rewrite kept: its build still says `moved to heap: lc`. A call through a local interface variable or a
concrete method is no such call: that site is still proposed (go1.27.3 inlines tree.Accept, devirtualizes its
v.Visit and keeps lc on the stack: `go build -gcflags=-m` of the rewrite reports no escape in Leaves).
"""

from __future__ import annotations

import pytest
from conftest import assert_naive_is_wrong, edited, naive_mutants, proposals, releases
from conftest import module as write_module
from test_iface_direct import RULE

from gorewrite.proposals import Declined, Fix

VISITOR = """
type Node interface{ Accept(v Visitor) }

type Visitor interface{ Visit(n Node) }

type leafCounter struct{ n int }

func (c *leafCounter) Visit(Node) { c.n++ }
"""


def package(name: str, body: str) -> str:
    return f"package {name}\n{VISITOR}\n{body}"


DECLINES = {
    # the assertion itself is the argument
    "argument_of_parameter_call": package(
        "argument_of_parameter_call",
        """// CountLeaves picks a visitor from an any-typed registry.
func CountLeaves(root Node) int {
	var lc leafCounter
	visitors := []any{&lc}
	root.Accept(visitors[0].(Visitor))
	return lc.n
}
""",
    ),
    # the variable a comma-ok assertion declares is the argument
    "comma_ok_variable_passed": package(
        "comma_ok_variable_passed",
        """type options struct {
	name    string
	visitor any
}

// Count visits the tree with the configured visitor, if it is one.
func Count(root Node) int {
	var lc leafCounter
	o := options{name: "count", visitor: &lc}
	if v, ok := o.visitor.(Visitor); ok {
		root.Accept(v)
	}
	return lc.n
}
""",
    ),
}

NAIVE = {
    "argument_of_parameter_call": (
        ("\tvisitors := []any{&lc}\n\troot.Accept(visitors[0].(Visitor))", "\troot.Accept(Visitor(&lc))"),
        "moved to heap: lc",
    ),
    "comma_ok_variable_passed": (
        (
            '\to := options{name: "count", visitor: &lc}\n\tif v, ok := o.visitor.(Visitor); ok {',
            "\t{\n\t\tv := Visitor(&lc)",
        ),
        "moved to heap: lc",
    ),
}

# still rewritten: the call goes through a concrete method, or a local interface variable the compiler sees through
FIXES = {
    "concrete_method_call": (
        package(
            "concrete_method_call",
            """type tree struct{ kids int }

func (t *tree) Accept(v Visitor) {
	for range t.kids {
		v.Visit(nil)
	}
}

// Leaves visits a tree with a visitor picked from a registry.
func Leaves(kids int) int {
	var lc leafCounter
	t := tree{kids: kids}
	visitors := []any{&lc}
	t.Accept(visitors[0].(Visitor))
	return lc.n
}
""",
        ),
        "\tt.Accept(Visitor(&lc))",
    ),
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    root = tmp_path_factory.mktemp("iface-dynamic")
    cases = {**DECLINES, **{name: source for name, (source, _) in FIXES.items()}}
    write_module(root, {f"{name}/{name}.go": code for name, code in cases.items()})
    found = proposals(root, RULE, toolchains=[releases()[0]])
    return {pkg.rsplit("/", 1)[-1]: results for pkg, results in found.items()}


@pytest.mark.parametrize("name", list(DECLINES))
def test_an_argument_of_a_call_through_an_interface_parameter_declines(proposed, name):
    found = proposed[name]
    assert found and all(isinstance(p, Declined) for p in found), found
    assert any("a method called through an interface parameter" in p.reason for p in found), found


@pytest.mark.parametrize("name", list(FIXES))
def test_a_call_the_compiler_can_follow_is_still_rewritten(proposed, name):
    source, expected = FIXES[name]
    (fix,) = [p for p in proposed[name] if isinstance(p, Fix)]
    assert expected in edited(source, fix)


def _rewrite(old_new):
    return lambda source: source.replace(*old_new)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory):
    naive = {name: (_rewrite(edit), probe) for name, (edit, probe) in NAIVE.items()}
    return naive_mutants(
        tmp_path_factory.mktemp("iface-dynamic-naive"), releases()[0], {n: (s,) for n, s in DECLINES.items()}, naive
    )


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_rewrite_leaves_the_value_on_the_heap(mutants, name):
    edit, probe = NAIVE[name]
    assert_naive_is_wrong(mutants, DECLINES[name], (_rewrite(edit), probe), name)
