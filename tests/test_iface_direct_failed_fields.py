"""iface-direct on a field of a local literal asserted several times, one check failing (several.py): the
optional-interface idiom on an options struct (`opts.Hook.(fmt.Stringer)` then `opts.Hook.(Formatter)`, the
hook a `*plain` with no String). go/types says the failing check's type is not implemented, so its comma-ok
`if` never runs and goes; the other becomes its conversion, and the literal goes, as for a local variable.
The must-decline case asserts without comma-ok where it fails: that panics, and the naive rewrite dropping it as
never run returns instead. AllocsPerRun under both releases.
"""

from __future__ import annotations

import pytest
from conftest import allocs_of, assert_naive_is_wrong, edited, naive_mutants, proposals_by_case

from gorewrite.proposals import Declined, Fix
from gorewrite.rules import RULES

RULE = RULES["iface-direct"]

HEAD = """package {name}

import "fmt"

type Formatter interface {{ Format(key string, value any) string }}

type Options struct {{
	Hook any
	Name string
}}

type plain struct{{ sep string }}

func (p *plain) Format(key string, value any) string {{ return key + p.sep + fmt.Sprint(value) }}
"""

HOOK = """
// Hook names the options' hook: its String, or its Format of a sample.
func Hook(sep string) string {
	f := plain{sep: sep}
	opts := Options{Hook: &f}
	if s, ok := opts.Hook.(fmt.Stringer); ok {
		return s.String()
	}
	if fm, ok := opts.Hook.(Formatter); ok {
		return fm.Format("k", sep)
	}
	return "none"
}
"""

STRICT = """
// Hook formats a sample with the hook, then, when strict, names it by its String (which it lacks: a panic).
func Hook(sep string, strict bool) (out string) {
	f := plain{sep: sep}
	opts := Options{Hook: &f}
	if fm, ok := opts.Hook.(Formatter); ok {
		out = fm.Format("k", sep)
	}
	if strict {
		out = opts.Hook.(fmt.Stringer).String()
	}
	return out
}
"""

CASES = {"hook": HEAD.format(name="hook") + HOOK, "strict": HEAD.format(name="strict") + STRICT}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    return proposals_by_case(tmp_path_factory.mktemp("iface-failed-fields"), RULE, CASES)


def test_the_failing_check_goes_and_the_literal_with_it(tmp_path, proposed):
    (fix,) = proposed["hook"]
    assert isinstance(fix, Fix) and "drop the if whose assertion go/types says fails" in fix.summary, fix
    source = edited(CASES["hook"], fix)
    assert "opts" not in source and "fmt.Stringer" not in source and "Formatter(&f)" in source, source
    call = '{pkg}.Hook(": ")'
    for version, measured in allocs_of(tmp_path, {"hook": (CASES["hook"], source, call)}).items():
        before, after, *results = measured["hook"]
        assert results[0] == results[1] == '"k: : "', results
        assert after < before, (version, measured)
        print(version, before, "->", after)


def test_a_failing_assertion_without_comma_ok_declines(proposed):
    found = proposed["strict"]
    assert found and all(isinstance(p, Declined) for p in found), found
    assert any("opts.Hook is read elsewhere (line 24)" in p.reason for p in found), found


RECOVERED = "func() (got string) {{ defer func() {{ got = fmt.Sprint(recover() != nil) }}(); {call}; return }}()"

NAIVE = {
    # the failing assertion dropped as never run: Hook returns where it panicked
    "strict": (
        lambda s: (
            s.replace("\topts := Options{Hook: &f}\n", "")
            .replace("opts.Hook.(Formatter)", "Formatter(&f), true")
            .replace("\t\tout = opts.Hook.(fmt.Stringer).String()\n", "")
        ),
        RECOVERED.format(call='{pkg}.Hook(": ", true)'),
    ),
}


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    declines = {name: (CASES[name], "") for name in NAIVE}
    return naive_mutants(tmp_path_factory.mktemp("iface-failed-fields-naive"), toolchain, declines, NAIVE)


def test_the_naive_rewrite_changes_what_the_code_does(mutants):
    assert_naive_is_wrong(mutants, CASES["strict"], NAIVE["strict"], "strict")
