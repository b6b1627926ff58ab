"""closure declines a variable whose address goes to a call of an unexported interface method (real42:
prometheus/common's `opt.applyToTLSConfigOptions(&opts)` before a func literal captures opts). Retention reads
every method of the package that may run and finds none keeps the pointer, which is enough for a pooled
object, but the compiler cannot see through the call: it moves the variable to the heap for that call alone,
so copying it before the literal leaves `moved to heap` in place and verification rejected the fix."""

from __future__ import annotations

import pytest
from conftest import assert_declines, naive_rewrites, proposals_by_case, releases

from gorewrite.rules import RULES

RULE = RULES["closure"]

OPTIONS = """package options

// Option changes the settings a Dialer is built with.
type Option interface {
	apply(*settings)
}

type settings struct {
	name  string
	retry int
}

type named string

func (n named) apply(s *settings) { s.name = string(n) }

type retries int

func (r retries) apply(s *settings) { s.retry = int(r) }

// Dialer dials through its hook.
type Dialer struct {
	Hook func(host string) string
}

// New builds a Dialer whose hook names the settings the options gave.
func New(options ...Option) *Dialer {
	s := settings{retry: 1}
	for _, o := range options {
		o.apply(&s)
	}
	return &Dialer{Hook: func(host string) string {
		return s.name + "@" + host
	}}
}
"""
# What the rule proposed before it declined: a copy the literal captures instead of s.
COPY = "\tt := s // captured by value: keeps s off the heap\n"
NAIVE = OPTIONS.replace("\treturn &Dialer{", COPY + "\treturn &Dialer{").replace("return s.name", "return t.name")


def test_declines(tmp_path):
    found = proposals_by_case(tmp_path, RULE, {"options": OPTIONS})
    assert_declines(found.get("options", []), "the address of s goes to an interface method call (line 30)")


@pytest.mark.parametrize("release", releases(), ids=lambda t: t.version)
def test_the_naive_copy_leaves_s_on_the_heap(tmp_path, release):
    built, _ = naive_rewrites(tmp_path, release, {"options": OPTIONS}, {"options": NAIVE}, {})
    assert NAIVE != OPTIONS
    assert "naive/options/options.go:28:2: moved to heap: s" in built, built
