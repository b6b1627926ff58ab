"""iface-direct on a comma-ok ok read as a value, outside any if's condition: `t, ok := r.err.(timeouter)` then `return
ok && t.Timeout()`, the net.Error idiom (commaok.py's _read_as_value). Declared by the assertion and only ever read,
ok is true at each read once the assertion cannot fail, so each boolean expression reading it folds as an if's
condition does (condition.py): `ok && X` to X, `ok` alone to `true`; a read in a func literal an operand the fold
skips holds is that operand's, gone with it (`ok || func() bool { return !ok && … }()`: before, its own edit
overlapped the fold's). Declined, each with its naive rewrite: ok written after the assertion (`ok = ok && r.id !=
0`: the naive fold forgets the write) and an operand run before ok whose result the fold would discard (`log(r) ||
ok`: the naive `true` skips the log), and a `true` the package declares (`true := id < 0`: the naive `true` the fold
writes names it). A comment in an expression folded to a constant declines too (`comment_dropped`: its naive rewrite
computes the same, the comment goes unsaid). AllocsPerRun under both releases (probe iface-codecs' `IsTimeout`)."""

from __future__ import annotations

import pytest
from conftest import case_suite, edited, only_fix
from test_iface_direct import RULE
from test_iface_direct_guarded import package  # the same net error and reply types

FIXES = {
    # the net.Error idiom: ok and the check in one return
    "return_guard": (
        package(
            "return_guard",
            """// TimedOut says whether the reply to op timed out.
func TimedOut(id int, op string, slow bool) bool {
	ne := netErr{op: op, slow: slow}
	r := reply{id: id, err: &ne}
	t, ok := r.err.(timeouter)
	return ok && t.Timeout()
}

// Both asks for a slow dial and a failed read.
func Both() string {
	return strconv.FormatBool(TimedOut(7, "dial", true)) + strconv.FormatBool(TimedOut(8, "read", false))
}
""",
        ),
        "\tt := timeouter(&ne)\n\treturn t.Timeout()\n",
        "{pkg}.Both()",
    ),
    # two reads in one return: whether the error can say, and what it says
    "result_pair": (
        package(
            "result_pair",
            """// Timeout reports whether the reply's error knows about timeouts, and whether it timed out.
func Timeout(id int, op string, slow bool) (known, timedOut bool) {
	ne := netErr{op: op, slow: slow}
	r := reply{id: id, err: &ne}
	t, ok := r.err.(timeouter)
	return ok, ok && t.Timeout()
}

// Both asks for a slow dial and a failed read.
func Both() string {
	a, b := Timeout(7, "dial", true)
	c, d := Timeout(8, "read", false)
	return strconv.FormatBool(a) + strconv.FormatBool(b) + strconv.FormatBool(c) + strconv.FormatBool(d)
}
""",
        ),
        "\tt := timeouter(&ne)\n\treturn true, t.Timeout()\n",
        "{pkg}.Both()",
    ),
    # ok read in an if's body, not its condition: a probe's reply says only whether its error can tell
    "in_body": (
        package(
            "in_body",
            """// TimedOut says whether the reply to op timed out; for a probe (id 0), whether its error could tell.
func TimedOut(id int, op string, slow bool) bool {
	ne := netErr{op: op, slow: slow}
	r := reply{id: id, err: &ne}
	t, ok := r.err.(timeouter)
	if r.id == 0 {
		return ok
	}
	return ok && t.Timeout()
}

// Both asks for a probe and a slow dial.
func Both() string {
	return strconv.FormatBool(TimedOut(0, "probe", false)) + strconv.FormatBool(TimedOut(7, "dial", true))
}
""",
        ),
        "\t\treturn true\n\t}\n\treturn t.Timeout()\n",
        "{pkg}.Both()",
    ),
    # ok read again in a func literal the fold skips: with ok true `ok || …` never calls it, and the whole goes
    "read_in_skipped_literal": (
        package(
            "read_in_skipped_literal",
            """// Knowable says whether the reply's error can tell about timeouts (else whether op is one a probe
// can tell about), and whether it timed out.
func Knowable(id int, op string, slow bool) (bool, bool) {
	ne := netErr{op: op, slow: slow}
	r := reply{id: id, err: &ne}
	t, ok := r.err.(timeouter)
	return ok || func() bool { return !ok && op == "dial" }(), t.Timeout()
}

// Both asks for a slow dial and a failed read.
func Both() string {
	a, b := Knowable(7, "dial", true)
	c, d := Knowable(8, "read", false)
	return strconv.FormatBool(a) + strconv.FormatBool(b) + strconv.FormatBool(c) + strconv.FormatBool(d)
}
""",
        ),
        "\tt := timeouter(&ne)\n\treturn true, t.Timeout()\n",
        "{pkg}.Both()",
    ),
}

DECLINES = {
    # ok is written after the assertion: a probe's reply (id 0) never counts
    "ok_rewritten": (
        package(
            "ok_rewritten",
            """// TimedOut says whether the reply to op timed out; a probe's never does.
func TimedOut(id int, op string, slow bool) bool {
	ne := netErr{op: op, slow: slow}
	r := reply{id: id, err: &ne}
	t, ok := r.err.(timeouter)
	ok = ok && r.id != 0
	return ok && t.Timeout()
}
""",
        ),
        "it is read outside the condition of the if declaring it",
    ),
    # the log runs before ok is read: with ok true the whole expression is true, but the log must still run
    "effect_before_ok": (
        package(
            "effect_before_ok",
            """var logged int

func log(r reply) bool { logged++; return r.id < 0 }

// Known logs the reply and says whether its error knows about timeouts.
func Known(id int, op string, slow bool) string {
	ne := netErr{op: op, slow: slow}
	r := reply{id: id, err: &ne}
	t, ok := r.err.(timeouter)
	known := log(r) || ok
	return strconv.FormatBool(known && t.Timeout()) + strconv.Itoa(logged)
}
""",
        ),
        "runs before ok",
    ),
    # the function declares its own `true` (a replay's flag): the constant the fold would write names it there
    "true_declared": (
        package(
            "true_declared",
            """// Known says whether the reply's error can tell about timeouts, and whether it timed out; a replay (a
// negative id) was counted already.
func Known(id int, op string, slow bool) (known, timedOut bool) {
	true := id < 0
	ne := netErr{op: op, slow: slow}
	r := reply{id: id, err: &ne}
	t, ok := r.err.(timeouter)
	return ok, t.Timeout() && !true
}
""",
        ),
        "which the package declares",
    ),
    # folded to false, the whole expression goes, and with it the comment on the operand that never ran
    "comment_dropped": (
        package(
            "comment_dropped",
            """// Opaque says whether the reply's error cannot tell about timeouts, and whether it timed out.
func Opaque(id int, op string, slow, strict bool) (opaque, timedOut bool) {
	ne := netErr{op: op, slow: slow}
	r := reply{id: id, err: &ne}
	t, ok := r.err.(timeouter)
	return !ok && /* a lenient caller retries either way */ strict, t.Timeout()
}
""",
        ),
        "would go with what the fold removes",
    ),
}

NAIVE = {
    "ok_rewritten": (
        lambda s: s.replace(
            "\tt, ok := r.err.(timeouter)\n\tok = ok && r.id != 0\n\treturn ok && t.Timeout()\n", ""
        ).replace("\tr := reply{id: id, err: &ne}\n", "\tt := timeouter(&ne)\n\treturn t.Timeout()\n"),
        'fmt.Sprint({pkg}.TimedOut(0, "dial", true))',
    ),
    "effect_before_ok": (
        lambda s: s.replace("\tt, ok := r.err.(timeouter)\n\tknown := log(r) || ok\n", "").replace(
            "\tr := reply{id: id, err: &ne}\n", "\tt := timeouter(&ne)\n\tknown := true\n"
        ),
        '{pkg}.Known(7, "dial", true)',
    ),
    "true_declared": (
        lambda s: s.replace("\tr := reply{id: id, err: &ne}\n\tt, ok := r.err.(timeouter)\n\treturn ok,", "").replace(
            "\tne := netErr{op: op, slow: slow}\n",
            "\tne := netErr{op: op, slow: slow}\n\tt := timeouter(&ne)\n\treturn true,",
        ),
        'fmt.Sprint({pkg}.Known(7, "dial", false))',
    ),
}


globals().update(case_suite("iface-ok-value", RULE, FIXES, DECLINES, NAIVE))


@pytest.mark.parametrize("name", list(FIXES))
def test_ok_reads_as_true(proposed, name):
    source, expected, _ = FIXES[name]
    after = edited(source, only_fix(proposed[name]))
    assert expected in after and "ok" not in after.split("func ")[-2], after
