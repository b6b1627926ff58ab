"""iface-direct: a value boxed into a literal that a fix drops is that fix's target too, not a decline
(probe36a anymap.Header: `extra` in `opts := []any{&u, extra}` was declined with "no type assertion
reads opts[1] back" while the fix for `&u` removed opts, and its escape, whole). Verified by the golden
case single_use_slice_unread."""

from __future__ import annotations

from conftest import proposals_by_case

from gorewrite.proposals import Declined, Fix
from gorewrite.rules import RULES

RULE = RULES["iface-direct"]

CASES = {
    # dropped with the literal: one fix, both escapes its targets
    "dropped": """package dropped

type User struct{ Name string }

func (u *User) Display() string { return u.Name }

type displayer interface{ Display() string }

func Header(u User, extra string) string {
	opts := []any{&u, extra}
	d := opts[0].(displayer)
	return d.Display()
}
""",
    # the literal stays (opts[1] is read too): the value stored there is no target of a fix for &u, and there is
    # none: fmt.Sprint may keep opts[1], and escape analysis is field-insensitive (the rewrite keeps u on the heap)
    "kept": """package kept

import "fmt"

type User struct{ Name string }

func (u *User) Display() string { return u.Name }

type displayer interface{ Display() string }

func Header(u User, extra string) string {
	opts := []any{&u, extra}
	d := opts[0].(displayer)
	return d.Display() + fmt.Sprint(opts[1])
}
""",
}


def test_a_value_boxed_in_a_dropped_literal_is_the_fix_target(tmp_path):
    found = proposals_by_case(tmp_path, RULE, CASES)
    (fix,) = found["dropped"]
    assert isinstance(fix, Fix), fix
    assert sorted(t.message for t in fix.targets) == ["extra escapes to heap", "moved to heap: u"], fix.targets
    kept = {p.site.message: p for p in found["kept"]}
    assert all(isinstance(p, Declined) for p in kept.values()), kept
    assert "opts[1] is passed to fmt.Sprint" in kept["moved to heap: u"].reason, kept
    assert "no type assertion reads opts[1] back" in kept["extra escapes to heap"].reason, kept
