"""iface-direct on a local interface variable every assertion of which fails (several.py): `var w http.ResponseWriter
= &rec` checked only by `if h, ok := w.(http.Hijacker); ok { … }`, which a test recorder lacks (probe iface-di's
CanHijack). go/types says the assertion fails, so ok is false and the if never runs its body: it goes, its else in its
place; nothing else reads w, so w goes too, and the variables only w's declaration named (`rec` of `&rec`), when each
is one name declared with a value without effect or panic (cascade.py). Declined, each with its naive rewrite: the
recorder built by a call (`rec := newRecorder()`: removing it skips the call's count), a check whose else hands w
on (`io.Copy(w, r)`: the naive removal drops what the else wrote), and an import only w's declaration named (the
naive removal leaves io imported and not used). Each decline says that reason, not the assertion's failing, which
the one check's own rewrite would have dropped. AllocsPerRun under both releases."""

from __future__ import annotations

import pytest
from conftest import case_suite, edited, only_fix
from test_iface_direct import RULE

HEAD = """package {name}

import (
	"io"
	"strings"
)

type hijacker interface{{ Hijack() error }}

// recorder is a minimal in-memory writer for handler tests.
type recorder struct{{ body []byte }}

func (r *recorder) Write(p []byte) (int, error) {{ r.body = append(r.body, p...); return len(p), nil }}

var (
	_ = strings.NewReader
	_ io.Writer = (*recorder)(nil)
)
"""


def package(name: str, body: str) -> str:
    return HEAD.format(name=name) + "\n" + body


FIXES = {
    # the one check fails: the recorder never reaches a caller
    "hijack": (
        package(
            "hijack",
            """// CanHijack reports whether a test recorder supports hijacking (it does not).
func CanHijack() bool {
	rec := recorder{}
	var w io.Writer = &rec
	if h, ok := w.(hijacker); ok {
		return h.Hijack() == nil
	}
	return false
}
""",
        ),
        "func CanHijack() bool {\n\treturn false\n}\n",
        "{pkg}.CanHijack()",
    ),
    # two checks, both failing, the second with an else that stands in its place
    "two_checks": (
        package(
            "two_checks",
            """// Caps lists what a recorder can do beyond writing.
func Caps(prefix string) string {
	rec := recorder{}
	var w io.Writer = &rec
	caps := prefix
	if _, ok := w.(hijacker); ok {
		caps += " hijack"
	}
	if s, ok := w.(io.StringWriter); ok {
		_, _ = s.WriteString("x")
	} else {
		caps += " plain"
	}
	return caps
}
""",
        ),
        '\tcaps := prefix\n\t{\n\t\tcaps += " plain"\n\t}\n\treturn caps\n',
        '{pkg}.Caps("w:")',
    ),
}

DECLINES = {
    # the recorder comes from a constructor that counts what it builds
    "constructed": (
        package(
            "constructed",
            """var built int

func newRecorder() recorder { built++; return recorder{} }

// CanHijack reports whether a fresh recorder supports hijacking, and how many were built.
func CanHijack() (bool, int) {
	rec := newRecorder()
	var w io.Writer = &rec
	if h, ok := w.(hijacker); ok {
		return h.Hijack() == nil, built
	}
	return false, built
}
""",
        ),
        "every assertion of w fails and goes with w, but removing it would leave rec declared and not used",
    ),
    # the else hands w on: the value escapes there, and it ran
    "else_copies": (
        package(
            "else_copies",
            """// CopyBody writes a body, hijacking the writer when it can.
func CopyBody(body string) int {
	rec := recorder{}
	var w io.Writer = &rec
	if h, ok := w.(hijacker); ok {
		_ = h.Hijack()
	} else {
		_, _ = io.Copy(w, strings.NewReader(body))
	}
	return len(rec.body)
}
""",
        ),
        "",
    ),
}

# io is named only by w's declaration: dropping it would leave the import unused, which go rejects
IMPORT_LEFT = """package import_left

import "io"

type hijacker interface{ Hijack() error }

type recorder struct{ body []byte }

func (r *recorder) Write(p []byte) (int, error) { r.body = append(r.body, p...); return len(p), nil }

// CanHijack reports whether a test recorder supports hijacking (it does not).
func CanHijack() bool {
	rec := recorder{}
	var w io.Writer = &rec
	if h, ok := w.(hijacker); ok {
		return h.Hijack() == nil
	}
	return false
}
"""
DECLINES["import_left"] = (
    IMPORT_LEFT,
    "the rewrite drops code that never runs, and removing it would leave the import of io unused",
)

NAIVE = {
    "import_left": (
        lambda s: s.replace(
            "\trec := recorder{}\n\tvar w io.Writer = &rec\n\tif h, ok := w.(hijacker); ok {\n"
            "\t\treturn h.Hijack() == nil\n\t}\n",
            "",
        ),
        '"io" imported and not used',
    ),
    "constructed": (
        lambda s: s.replace(
            "\trec := newRecorder()\n\tvar w io.Writer = &rec\n\tif h, ok := w.(hijacker); ok {\n"
            "\t\treturn h.Hijack() == nil, built\n\t}\n",
            "",
        ),
        "fmt.Sprint({pkg}.CanHijack())",
    ),
    "else_copies": (
        lambda s: s.replace(
            "\tvar w io.Writer = &rec\n\tif h, ok := w.(hijacker); ok {\n\t\t_ = h.Hijack()\n\t} else {\n"
            "\t\t_, _ = io.Copy(w, strings.NewReader(body))\n\t}\n",
            "",
        ),
        '{pkg}.CopyBody("hello")',
    ),
}

globals().update(case_suite("iface-failed-local", RULE, FIXES, DECLINES, NAIVE))


@pytest.mark.parametrize("name", list(FIXES))
def test_the_failing_checks_go_with_the_variable(proposed, name):
    source, expected, _ = FIXES[name]
    fix = only_fix(proposed[name])
    assert expected in edited(source, fix), edited(source, fix)
    assert "every assertion of it fails" in fix.summary, fix.summary
