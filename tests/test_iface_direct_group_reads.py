"""iface-direct on a struct literal whose interface field is only called through and whose other field is only
read (`m := Matcher{Cmp: &pc, Want: want}; m.Cmp.Compare(user, m.Want)`, probe iface-rules' `MatchPrefix`).
Escape analysis is field-insensitive: the direct call alone keeps m, whose Want leaks to Compare, and go1.24.11 and
go1.27.3 alike keep pc on the heap with it (rejected at lead). The group (group.py) takes the call as calls.py proves
one and the plain read as the variable stored there, unchanged since, and the literal goes. The must-decline case
changes that variable after the store: the group's naive read compares with the new value where the field held the
old one.
"""

from __future__ import annotations

import pytest
from conftest import allocs_of, assert_naive_is_wrong, edited, naive_mutants, proposals_by_case

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["iface-direct"]

HEAD = """package {name}

import "strings"

type Comparator interface {{ Compare(a, b string) int }}

type Matcher struct {{
	Attr string
	Cmp  Comparator
	Want string
}}

type prefixCmp struct{{ n int }}

func (p *prefixCmp) Compare(a, b string) int {{
	if len(a) > p.n {{
		a = a[:p.n]
	}}
	if len(b) > p.n {{
		b = b[:p.n]
	}}
	return strings.Compare(a, b)
}}
"""

MATCH = """
// Match compares the first n bytes of user with want.
func Match(user, want string, n int) bool {
	pc := prefixCmp{n: n}
	m := Matcher{Attr: "user", Cmp: &pc, Want: want}
	return m.Cmp.Compare(user, m.Want) == 0
}
"""

CHANGED = """
// Match compares with the want the matcher was given, then normalizes want for the caller's check.
func Match(user, want string, n int) bool {
	pc := prefixCmp{n: n}
	m := Matcher{Attr: "user", Cmp: &pc, Want: want}
	want = strings.ToUpper(want)
	return m.Cmp.Compare(user, m.Want) == 0 && want != ""
}
"""

CALLS = """
// Match tries the prefix, then the whole string: two comparators, each only called.
func Match(user, want string, n int) bool {
	pc := prefixCmp{n: n}
	whole := prefixCmp{n: len(want)}
	c := Chain{First: &pc, Then: &whole}
	return c.First.Compare(user, want) == 0 && c.Then.Compare(user, want) <= 0
}

type Chain struct{ First, Then Comparator }
"""

READS = """
var seen []string

// Match records the matcher's wanted value and reports its attribute, both only read back.
func Match(user, want string, n int) string {
	pc := prefixCmp{n: n}
	m := Matcher{Attr: "user", Cmp: &pc, Want: want}
	seen = append(seen, m.Want)
	return m.Attr
}
"""

SHADOWED = """
var seen []string

// Match records the matcher's wanted value and reports its attribute, both only read back; its comparator goes
// unused. The inner m, asserted, shares the outer one's name: that makes the outer literal, read only plainly, a
// candidate.
func Match(user, want string, n int) string {
	pc := prefixCmp{n: n}
	m := Matcher{Attr: "user", Cmp: &pc, Want: want}
	seen = append(seen, m.Want)
	out := m.Attr
	if n > 100 {
		m := any(n)
		if v, ok := m.(int); ok {
			out += strings.Repeat("!", v)
		}
	}
	return out
}
"""

LOOP_SHARED = """
// Match remembers the first user whose prefix matches want and reports it after the loop: the file is go1.21's, so
// user is one variable for every iteration, and the closure built in the matching iteration runs after the last.
func Match(users []string, want string, n int) string {
	var first func() string
	for _, user := range users {
		pc := prefixCmp{n: n}
		m := Matcher{Attr: "user", Cmp: &pc, Want: user}
		if m.Cmp.Compare(user, want) == 0 && first == nil {
			first = func() string { return m.Want }
		}
	}
	if first == nil {
		return ""
	}
	return first()
}
"""

CASES = {
    "match": HEAD.format(name="match") + MATCH,
    "changed": HEAD.format(name="changed") + CHANGED,
    "calls": HEAD.format(name="calls") + CALLS,
    "reads": HEAD.format(name="reads") + READS,
    "shadowed": HEAD.format(name="shadowed") + SHADOWED,
    "loop_shared": "//go:build go1.21\n\n" + HEAD.format(name="loop_shared") + LOOP_SHARED,
}
CALL = '{pkg}.Match("annabel", "anne", 3)'


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    return proposals_by_case(tmp_path_factory.mktemp("iface-group-reads"), RULE, CASES)


def test_the_call_goes_direct_the_read_becomes_the_variable_and_the_literal_goes(tmp_path, proposed):
    (fix,) = proposed["match"]
    assert isinstance(fix, Fix) and {t.message for t in fix.targets} == {"moved to heap: pc"}, fix
    said = "call Compare on &pc directly, read m.Want as the value stored there, and drop m, built only for those calls"
    assert fix.summary == said, fix.summary  # the calls said once: first, with no assertion to lead
    assert [text for f in fix.instead for text in [f.summary]] == [
        "call Compare on &pc directly instead of through m.Cmp"
    ]
    source = edited(CASES["match"], fix)
    assert "Matcher{" not in source and "(&pc).Compare(user, want) == 0" in source, source
    for version, measured in allocs_of(tmp_path, {"match": (CASES["match"], source, CALL)}).items():
        before, after, *results = measured["match"]
        assert results[0] == results[1] == '"true"', results
        assert (before, after) == (1, 0), (version, measured)
        print(version, before, "->", after)


def test_a_variable_changed_after_the_store_is_no_plain_read(proposed):
    found = proposed["changed"]
    fixes = [p for p in found if isinstance(p, Fix)]
    assert fixes, found  # the smaller rewrite, which keeps m and its Want, stands
    assert all(b"Matcher{" not in e.new and e.new != b"want" for f in fixes for e in f.edits), fixes
    assert all(not f.instead and "read m.Want" not in f.summary for f in fixes), fixes


def test_calls_alone_stay_with_calls_py(proposed):
    (fix,) = proposed["calls"]
    assert isinstance(fix, Fix) and not fix.instead, fix
    assert "and those on &whole likewise, and drop c, built only for those calls" in fix.summary, fix.summary


def test_plain_reads_alone_are_no_group(proposed):
    found = proposed.get("reads", [])  # no candidate: nothing asserts or calls through m
    assert not any(isinstance(p, Fix) for p in found), found


def test_plain_reads_alone_are_no_group_even_as_a_candidate(proposed):
    """sites.asserted matches the container by name, so the inner `m := any(n)`'s assertion makes the outer literal,
    only read plainly, a candidate, and group.pairs sees reads alone. Letting them group (the mutant `not kinds &
    {"read"}`, which adv-reach53e found is not equivalent) drops m and pc and reads "user" and want: a group with no
    call and no assertion, outside the proof's scope, whose summary begins " directly"."""
    found = proposed["shadowed"]
    assert found and not any(isinstance(p, Fix) for p in found), found
    assert any("no type assertion reads m.Cmp back" in p.reason for p in found), found


def test_a_shared_loop_variable_read_later_is_no_plain_read(proposed):
    """contents.plain_read's loopvars check on the call-and-read shape: m.Want, read in a func literal that runs after
    the loop, holds the matching iteration's user; user itself then holds the last one. Only the single call, which
    keeps m, is proposed."""
    found = proposed["loop_shared"]
    fixes = [p for p in found if isinstance(p, Fix)]
    assert fixes, found
    assert all(b"Matcher{" not in e.new and e.new != b"user" for f in fixes for e in f.edits), fixes
    assert all(not f.instead and "read m.Want" not in f.summary for f in fixes), fixes


NAIVE = {
    # the group's read of want compares with "ANNE"; m.Want held "anne"
    "changed": (
        lambda s: s.replace('\tm := Matcher{Attr: "user", Cmp: &pc, Want: want}\n', "").replace(
            "m.Cmp.Compare(user, m.Want)", "(&pc).Compare(user, want)"
        ),
        CALL,
    ),
    # the group's closure reads the shared user, "bob" after the loop; m.Want held "annabel"
    "loop_shared": (
        lambda s: (
            s.replace('\t\tm := Matcher{Attr: "user", Cmp: &pc, Want: user}\n', "")
            .replace("m.Cmp.Compare(user, want)", "(&pc).Compare(user, want)")
            .replace("return m.Want }", "return user }")
        ),
        '{pkg}.Match([]string{"annabel", "anne", "bob"}, "ann", 3)',
    ),
}


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    declines = {name: (CASES[name], "") for name in NAIVE}
    return naive_mutants(tmp_path_factory.mktemp("iface-group-reads-naive"), toolchain, declines, NAIVE)


def test_the_naive_rewrite_changes_what_the_code_does(mutants):
    assert_naive_is_wrong(mutants, CASES["changed"], NAIVE["changed"], "changed")


def test_the_naive_rewrite_of_a_shared_loop_variable_reads_the_last_iteration(mutants):
    assert_naive_is_wrong(mutants, CASES["loop_shared"], NAIVE["loop_shared"], "loop_shared")
