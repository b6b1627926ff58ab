"""iface-direct where the function writes another field of the struct holding the value (written.py):
`env := Envelope{Topic: "users", Payload: &u}; env.Attempt++; if v, ok := env.Payload.(Validator); ok { … }`.
A field is its own storage: a write of another field the struct declares itself leaves Payload holding &u, so the
assertion is `Validator(&u)`. AllocsPerRun under both releases. Declined, each with its naive rewrite: the stored
field itself written (on a branch: the naive conversion validates the event it no longer holds), and the struct
written whole. A written field is never read as what the literal stored (the group rewrite of a plain read):
`opts.Label = "sum"` before `opts.Label` is read, whose naive group rewrite prints the literal's "total".
"""

from __future__ import annotations

import pytest
from conftest import case_proposals, case_suite, edited, naive_rewrites, only_fix, releases
from test_iface_direct import RULE

from gorewrite.proposals import Fix

HEAD = """package {name}

import "strings"

type Validator interface{{ Validate() error }}

type badEmail string

func (e badEmail) Error() string {{ return "bad email " + string(e) }}

type UserCreated struct{{
	ID    int
	Email string
}}

func (u *UserCreated) Validate() error {{
	if !strings.Contains(u.Email, "@") {{
		return badEmail(u.Email)
	}}
	return nil
}}

type Envelope struct{{
	Topic   string
	Payload any
	Attempt int
	Meta    struct{{ Retried bool }}
}}
"""


def package(name: str, body: str) -> str:
    return HEAD.format(name=name) + "\n" + body


FIXES = {
    "attempt_bumped": (
        package(
            "attempt_bumped",
            """// Redeliver bumps the attempt of an envelope and checks whether its payload still validates.
func Redeliver(id int, email string) (int, error) {
	u := UserCreated{ID: id, Email: email}
	env := Envelope{Topic: "users", Payload: &u}
	env.Attempt++
	env.Meta.Retried = true
	if v, ok := env.Payload.(Validator); ok {
		return env.Attempt, v.Validate()
	}
	return env.Attempt, nil
}

// Both redelivers a good and a bad event.
func Both() string {
	n, err := Redeliver(1, "a@b")
	m, err2 := Redeliver(2, "ab")
	return strings.Repeat("x", n+m) + " " + describe(err) + " " + describe(err2)
}

func describe(err error) string {
	if err == nil {
		return "ok"
	}
	return err.Error()
}
""",
        ),
        "v := Validator(&u)",
        "{pkg}.Both()",
    ),
}

DECLINES = {
    # the payload itself is replaced on a retry: the assertion then reads the fallback, not &u
    "payload_replaced": (
        package(
            "payload_replaced",
            """// Redeliver validates the event, or the fallback after the first attempt.
func Redeliver(email string, retry bool) error {
	u := UserCreated{ID: 1, Email: email}
	fallback := UserCreated{ID: 2, Email: "ops@example.com"}
	env := Envelope{Topic: "users", Payload: &u}
	if retry {
		env.Attempt++
		env.Payload = &fallback
	}
	return env.Payload.(Validator).Validate()
}
""",
        ),
        "env is assigned after its declaration (line 37)",
    ),
    # the struct written whole
    "whole_written": (
        package(
            "whole_written",
            """// Redeliver validates the event, or a blank one after the first attempt.
func Redeliver(email string, retry bool) error {
	u := UserCreated{ID: 1, Email: email}
	blank := UserCreated{}
	env := Envelope{Topic: "users", Payload: &u}
	if retry {
		env = Envelope{Topic: "users", Payload: &blank, Attempt: 1}
	}
	return env.Payload.(Validator).Validate()
}
""",
        ),
        "env is assigned after its declaration",
    ),
}

NAIVE = {
    "payload_replaced": (
        lambda s: s.replace("return env.Payload.(Validator).Validate()", "return Validator(&u).Validate()"),
        'fmt.Sprint({pkg}.Redeliver("ab", true))',
    ),
    "whole_written": (
        lambda s: s.replace("return env.Payload.(Validator).Validate()", "_ = env\n\treturn Validator(&u).Validate()"),
        'fmt.Sprint({pkg}.Redeliver("ab", true))',
    ),
}


globals().update(case_suite("iface-written", RULE, FIXES, DECLINES, NAIVE))


@pytest.mark.parametrize("name", list(FIXES))
def test_the_other_field_stays_written(proposed, name):
    source, expected, _ = FIXES[name]
    after = edited(source, only_fix(proposed[name]))
    assert expected in after and "env.Attempt++" in after and ".(Validator)" not in after, after


# --- a written field is never read as what the literal stored: group.py reads `opts.Label` as "total" where
# nothing writes it; here `opts.Label = "sum"` does, and the naive group rewrite prints "total".

LABELLED = """package labelled

type Formatter interface{ Format(label string) string }

type plain struct{ width int }

func (p *plain) Format(label string) string { return label + ":" + string(rune('0'+p.width)) }

type options struct {
	Label string
	Out   any
}

// Total formats the totals line, labelled "sum" when asked.
func Total(sum bool) string {
	pf := plain{width: 3}
	opts := options{Label: "total", Out: &pf}
	if sum {
		opts.Label = "sum"
	}
	return opts.Out.(Formatter).Format(opts.Label)
}
"""


def test_a_written_field_is_not_read_as_the_literal(tmp_path):
    found = case_proposals(tmp_path / "p", RULE, {"labelled": LABELLED}, releases()[1])["labelled"]
    fixes = [p for p in found if isinstance(p, Fix)]
    assert all(b'"total"' not in e.new for f in fixes for e in f.edits), fixes
    naive = LABELLED.replace("return opts.Out.(Formatter).Format(opts.Label)", 'return Formatter(&pf).Format("total")')
    naive = naive.replace('\topts := options{Label: "total", Out: &pf}\n\tif sum {\n\t\topts.Label = "sum"\n\t}\n', "")
    naive = naive.replace("func Total(sum bool)", "func Total(_ bool)")
    _, values = naive_rewrites(
        tmp_path / "n", releases()[1], {"labelled": LABELLED}, {"labelled": naive}, {"labelled": "{pkg}.Total(true)"}
    )
    assert values["labelled"] == ('"sum:3"', '"total:3"'), values
