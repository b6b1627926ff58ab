"""iface-direct on a literal of several interface fields, one asserted and another called through
(`opts := Options{Out: &buf, Format: &f}`: `opts.Format.Format(…)`, then `opts.Out.(io.StringWriter)`).
Escape analysis is field-insensitive: while the call still goes through the literal, the asserted value leaks
with it, and while the assertion reads it, so does the called one; go1.24.11 rejected each rewrite alone. The
group (group.py) takes the call as calls.py proves one, `(&f).Format(…)`, beside the conversion, and the literal
goes. The must-decline case stores a value the function changes after the store: the group's naive direct call
formats with the new separator where the interface held a copy of the old one.
"""

from __future__ import annotations

import pytest
from conftest import allocs_of, assert_naive_is_wrong, edited, naive_mutants, proposals_by_case

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["iface-direct"]

HEAD = """package {name}

import (
	"bytes"
	"fmt"
	"io"
)

type Formatter interface {{ Format(key string, value any) string }}

type Options struct {{
	Out    io.Writer
	Format Formatter
}}

type plain struct{{ sep string }}

func (p *plain) Format(key string, value any) string {{ return key + p.sep + fmt.Sprint(value) }}

type copied struct{{ sep string }}

func (c copied) Format(key string, value any) string {{ return key + c.sep + fmt.Sprint(value) }}
"""

LINE = """
// Line formats one setting into a buffer the options name, writing it when the writer takes strings.
func Line(key, value string) string {
	var buf bytes.Buffer
	f := plain{sep: ": "}
	opts := Options{Out: &buf, Format: &f}
	line := opts.Format.Format(key, value)
	if w, ok := opts.Out.(io.StringWriter); ok {
		w.WriteString(line)
	}
	return buf.String()
}
"""

CHANGED = """
// Line formats one setting with the separator the options were given, then switches separators.
func Line(key, value string) string {
	var buf bytes.Buffer
	f := copied{sep: ": "}
	opts := Options{Out: &buf, Format: f}
	f = copied{sep: " = "}
	line := opts.Format.Format(key, value) + f.sep
	if w, ok := opts.Out.(io.StringWriter); ok {
		w.WriteString(line)
	}
	return buf.String()
}
"""

CASES = {"line": HEAD.format(name="line") + LINE, "changed": HEAD.format(name="changed") + CHANGED}
CALL = '{pkg}.Line("port", "8080")'


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    return proposals_by_case(tmp_path_factory.mktemp("iface-group-calls"), RULE, CASES)


def test_the_call_goes_direct_beside_the_conversion_and_the_literal_goes(tmp_path, proposed):
    fixes = [p for p in proposed["line"] if isinstance(p, Fix)]
    assert len(fixes) == 1 and len(proposed["line"]) == 1, proposed["line"]
    (fix,) = fixes
    assert {t.message for t in fix.targets} == {"moved to heap: buf", "moved to heap: f"}, fix.targets
    assert "call Format on &f directly, and drop opts" in fix.summary, fix.summary
    source = edited(CASES["line"], fix)
    assert "opts" not in source and "(&f).Format(key, value)" in source and "io.StringWriter(&buf)" in source
    for version, measured in allocs_of(tmp_path, {"line": (CASES["line"], source, CALL)}).items():
        before, after, *results = measured["line"]
        assert results[0] == results[1] == '"port: 8080"', results
        assert after < before, (version, measured)
        print(version, before, "->", after)


def test_a_value_changed_after_the_store_is_no_partner(proposed):
    found = proposed["changed"]
    assert any("f may change after it is stored" in getattr(p, "reason", "") for p in found), found
    assert found and not any(b"f.Format(" in e.new for p in found if isinstance(p, Fix) for e in p.edits), found


NAIVE = {
    # the group's direct call on f formats with " = "; the interface held the copy with ": "
    "changed": (
        lambda s: (
            s.replace("\topts := Options{Out: &buf, Format: f}\n", "")
            .replace("opts.Format.Format(key, value)", "f.Format(key, value)")
            .replace("opts.Out.(io.StringWriter)", "io.StringWriter(&buf), true")
        ),
        CALL,
    ),
}


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    declines = {name: (CASES[name], "") for name in NAIVE}
    return naive_mutants(tmp_path_factory.mktemp("iface-group-calls-naive"), toolchain, declines, NAIVE)


def test_the_naive_rewrite_changes_what_the_code_does(mutants):
    assert_naive_is_wrong(mutants, CASES["changed"], NAIVE["changed"], "changed")
