"""adv47d: two shapes that crashed iface-direct (a traceback, no verdict).

`method_value`: a method value through a field that holds a variable by value (`g := opts.Format.Format` of
`Options{Out: &buf, Format: f}`): bound.py's `(&x).M` proof read the operand of `&x`, which a plain `f` has
not. It declines now; its naive rewrite binds `f.Format` after f changed, where the interface held the old copy.

`labels_taken`: a range loop whose break leaves it, in a function that already spells `loop` … `loop98`
(a table of names in a string): breaks.py looked for a fresh label among 98 words only. It takes `loop99`.
"""

from __future__ import annotations

import pytest
from conftest import assert_naive_is_wrong, edited, naive_mutants, only_fix, proposals_by_case

from gorewrite.proposals import Declined, Fix
from gorewrite.rules import RULES

RULE = RULES["iface-direct"]

METHOD_VALUE = """package method_value

import (
	"bytes"
	"fmt"
	"io"
)

type Formatter interface{ Format(key string, value any) string }

type Options struct {
	Out    io.Writer
	Format Formatter
}

type copied struct{ sep string }

func (c copied) Format(key string, value any) string { return key + c.sep + fmt.Sprint(value) }

// Line formats with the separator the options were given, bound before the separator changes back.
func Line(key, value string) string {
	var buf bytes.Buffer
	f := copied{sep: ": "}
	opts := Options{Out: &buf, Format: f}
	f.sep = " = "
	format := opts.Format.Format
	line := format(key, value)
	if w, ok := opts.Out.(io.StringWriter); ok {
		w.WriteString(line)
	}
	return buf.String()
}
"""

NAMES = " ".join(["loop", *(f"loop{k}" for k in range(2, 99))])

LABELS_TAKEN = f"""package labels_taken

import "io"

type counter struct{{ n int }}

func (c *counter) Write(p []byte) (int, error) {{ c.n += len(p); return len(p), nil }}

type failing struct{{}}

func (failing) Write(p []byte) (int, error) {{ return 0, io.ErrShortWrite }}

// Copy writes p to each sink until one fails; the bytes the counter saw, and the names of the loops.
func Copy(p []byte) (int, string) {{
	var f failing
	var c counter
	names := "{NAMES}"
	for _, w := range []io.Writer{{&f, &c}} {{
		if _, err := w.Write(p); err != nil {{
			break
		}}
	}}
	return c.n, names
}}
"""

CASES = {"method_value": METHOD_VALUE, "labels_taken": LABELS_TAKEN}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    return proposals_by_case(tmp_path_factory.mktemp("iface-adv47d"), RULE, CASES)


def test_a_method_value_through_a_field_holding_a_value_declines(proposed):
    found = proposed["method_value"]  # the assertion of opts.Out alone may still go: it keeps opts
    assert any(isinstance(p, Declined) and "the method value (f).Format" in p.reason for p in found), found
    assert not any(b"f.Format" in e.new for p in found if isinstance(p, Fix) for e in p.edits), found


def test_a_fresh_label_is_found_past_loop98(proposed):
    source = edited(LABELS_TAKEN, only_fix(proposed["labels_taken"]))
    assert "\tloop99:\n\tfor _, w := range" in source and source.count("break loop99") == 2, source


NAIVE = {
    # the method value bound on f after `f.sep = " = "`: the interface held the copy with ": "
    "method_value": (
        lambda s: (
            s.replace("\topts := Options{Out: &buf, Format: f}\n", "")
            .replace("opts.Format.Format", "f.Format")
            .replace("opts.Out.(io.StringWriter)", "io.StringWriter(&buf), true")
        ),
        '{pkg}.Line("port", "8080")',
    ),
}


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    declines = {name: (CASES[name], "") for name in NAIVE}
    return naive_mutants(tmp_path_factory.mktemp("iface-adv47d-naive"), toolchain, declines, NAIVE)


def test_the_naive_rewrite_changes_what_the_code_does(mutants):
    assert_naive_is_wrong(mutants, CASES["method_value"], NAIVE["method_value"], "method_value")
