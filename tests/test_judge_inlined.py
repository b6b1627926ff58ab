"""A method a rewrite makes direct is inlined, and the compiler reports its body's escapes again at
the call: the callee's allocation, now made in the caller, not a new one (the probe's B2 and B3,
rejected as "the rewrite adds an escape" before). Only the callee's own escapes are excused."""

from __future__ import annotations

from collections import Counter

from conftest import module, releases

from gorewrite.escapes import Escape
from gorewrite.pipeline import fix
from gorewrite.rules import RULES
from gorewrite.syntax import parse
from gorewrite.verify import Verified
from gorewrite.verify.decls import declarations
from gorewrite.verify.judge import _inlined

DIRECT = """package audit

import (
	"fmt"
	"strconv"
)

type User struct {
	ID   int
	Name string
}

func (u *User) String() string { return u.Name + "#" + strconv.Itoa(u.ID) }

// Label names a user for the audit log.
func Label(id int) string {
	u := User{ID: id, Name: "local"}
	var i any = &u
	return i.(fmt.Stringer).String()
}

type Printer interface{ Printf(string, ...any) }

type memLogger struct {
	prefix string
	lines  []string
}

func (l *memLogger) Printf(format string, args ...any) {
	l.lines = append(l.lines, l.prefix+fmt.Sprintf(format, args...))
}

type Options struct {
	Name   string
	Logger any
}

func validate(o Options) error {
	if o.Name == "" {
		return fmt.Errorf("no name")
	}
	return nil
}

// Connect logs through the options' logger and says how many lines it holds.
func Connect(name string) (int, error) {
	var l memLogger
	l.prefix = "[" + name + "] "
	opts := Options{Name: name, Logger: &l}
	if err := validate(opts); err != nil {
		return 0, err
	}
	opts.Logger.(Printer).Printf("connecting %d", len(name))
	return len(l.lines), nil
}
"""


def test_a_callees_escapes_inlined_at_the_direct_call_are_the_callees(tmp_path):
    """go1.24.11 inlines String and Printf once the calls are direct and reports their
    concatenation, append and Sprintf at the call: both rewrites are verified under both releases."""
    root = module(tmp_path, {"audit/audit.go": DIRECT})
    run = fix(list(releases()), ["./..."], str(root), [RULES["iface-direct"]])
    verdicts = {v.fix.targets[0].line: v for v in run.verdicts}
    assert sorted(verdicts) == [17, 47], run.verdicts
    assert all(isinstance(v, Verified) for v in verdicts.values()), run.verdicts


def _e(line: int, col: int, message: str) -> Escape:
    return Escape("/m/a.go", line, col, message)


SOURCE = b"package a\n\nfunc callee() string {\n\treturn x + y\n}\n\nfunc caller() {\n\t_ = callee()\n}\n"
CALLEE = [_e(3, 6, "can inline callee"), _e(4, 11, "x + y escapes to heap")]


def test_only_what_the_callee_itself_reports_escaping_is_excused():
    decls = {"/m/a.go": declarations(parse(SOURCE))}
    inlined = [_e(8, 12, "inlining call to callee")]
    copy, other, elsewhere = (
        _e(8, 12, "x + y escapes to heap"),
        _e(8, 12, "z escapes to heap"),
        _e(8, 3, "x + y escapes to heap"),
    )
    after = [*CALLEE, *inlined, copy, other, elsewhere]
    excused = _inlined(None, decls, after, [copy, other, elsewhere], Counter())
    assert excused == Counter({"<expression> escapes to heap": 1})  # the copy at the inlined call alone
    assert _inlined(None, decls, [*CALLEE, copy], [copy], Counter()) == Counter()  # no inlining there
    assert _inlined(None, decls, after, [copy], Counter({"x + y escapes to heap": 1})) == Counter()  # had it before


def test_a_func_literal_is_no_callee_whose_body_is_its_declaration():
    """`caller.func1` is a literal inside caller: the declaration around it is not its body, so
    nothing caller reports excuses an escape at a call inlining it."""
    decls = {"/m/a.go": declarations(parse(SOURCE))}
    literal = [_e(8, 6, "can inline caller.func1"), _e(8, 12, "inlining call to caller.func1")]
    copy = _e(8, 12, "x + y escapes to heap")
    later = _e(8, 20, "x + y escapes to heap")  # the caller's own, which the literal's "body" would take in
    assert _inlined(None, decls, [*literal, copy, later], [copy], Counter()) == Counter()


VALUE = """package tally

import (
	"fmt"
	"strconv"
)

type box struct {
	name string
	v    any
}

type N int

func (n N) String() string { return "N" + strconv.Itoa(int(n)) }

// Joined names each count through a box built only to be read back.
func Joined(xs []N) string {
	out := ""
	for _, x := range xs {
		b := box{name: "r", v: x}
		out += b.v.(fmt.Stringer).String()
	}
	return out
}
"""


def test_an_inlined_callees_escape_at_the_target_is_not_the_target_still_there(tmp_path):
    """go1.24.11 inlines N.String at the direct call and reports its concatenation there, an escape of the
    target's kind (`<expression> escapes to heap`) where `x escapes to heap` was: the callee's, not x's
    (probe29a B6, rejected as "the compiler still reports" before: 11 -> 8 allocations per call)."""
    root = module(tmp_path, {"tally/tally.go": VALUE})
    run = fix(list(releases()), ["./..."], str(root), [RULES["iface-direct"]])
    assert [type(v).__name__ for v in run.verdicts] == ["Verified"], run.verdicts
