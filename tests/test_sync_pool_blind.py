"""sync-pool pools a strings.Builder handed to the package's own helper as the bytes.Buffer that stands for it
(rules/sync_pool/blind.py) where the helper's parameter is an interface used only as a writer: SAME_METHODS called
on it, the writer of a std function WRITER_AT names, or an argument of another helper followed in turn. For each
decline, the naive pool it must not become (a pooled Buffer in the Builder's place), whose callers then read
something else."""

from __future__ import annotations

import pytest
from conftest import naive_rewrites, proposal_at, proposals_by_case
from test_sync_pool_holders import _naive  # every `var x strings.Builder` as a pooled bytes.Buffer anyway

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["sync-pool"]

HEAD = """package {name}

import (
	"bytes"
	"fmt"
	"io"
	"strings"
)

var _, _, _, _ = bytes.MinRead, fmt.Sprint, io.EOF, strings.ToUpper

"""

SITE = "\tvar b strings.Builder"

POOLED = {
    # probe47's AppendSample: label pairs written through io.WriteString and a Replacer by a helper
    "label_helper": """var escaper = strings.NewReplacer(`"`, `\\"`, "\\n", `\\n`)

func writeLabels(w io.Writer, labels [][2]string) {
	io.WriteString(w, "{")
	for i, l := range labels {
		if i > 0 {
			w.Write([]byte{','})
		}
		fmt.Fprintf(w, "%s=\\"", l[0])
		escaper.WriteString(w, l[1])
		io.WriteString(w, `"`)
	}
	io.WriteString(w, "}")
}

func Sample(dst []byte, name string, labels [][2]string) []byte {
	var b strings.Builder
	b.WriteString(name)
	writeLabels(&b, labels)
	return append(dst, b.String()...)
}
""",
    # text/template's HTMLEscapeString shape, two helpers deep, one taking an interface of its own
    "nested_helpers": """type stringWriter interface {
	io.Writer
	WriteString(s string) (int, error)
}

func escapeByte(w stringWriter, c byte) {
	switch c {
	case '<':
		w.WriteString("&lt;")
	case '>':
		w.WriteString("&gt;")
	default:
		w.Write([]byte{c})
	}
}

func escape(w stringWriter, s string) {
	for i := 0; i < len(s); i++ {
		escapeByte(w, s[i])
	}
}

func Escape(s string) string {
	var b strings.Builder
	escape(&b, s)
	return b.String()
}
""",
    # a count a len() and a small constant bound: never negative nor huge, so Grow answers alike
    "counted_grow": """type grower interface {
	io.Writer
	Grow(n int)
}

func writeQuoted(w grower, s string) {
	w.Grow((len(s) + 2))
	io.WriteString(w, `"`+s+`"`)
}

func Quoted(s string) string {
	var b strings.Builder
	writeQuoted(&b, s)
	return b.String()
}
""",
}

# Each: the code, a part of the reason, and a probe (a Go string expression) the naive pool changes.
DECLINED = {
    # the helper asks which writer it got: a Buffer takes the other branch
    "asserted": (
        """func writeName(w io.Writer, s string) {
	if sb, ok := w.(*strings.Builder); ok {
		sb.WriteString(strings.ToUpper(s))
		return
	}
	io.WriteString(w, s)
}

func Name(s string) string {
	var b strings.Builder
	writeName(&b, s)
	return b.String()
}
""",
        "is used in a type assertion expression, which may tell a bytes.Buffer from a strings.Builder",
        '{pkg}.Name("abc")',
    ),
    # the helper prints its writer's type: `*bytes.Buffer` where it was `*strings.Builder`
    "operand": (
        """func writeDebug(w io.Writer, s string) {
	fmt.Fprintf(w, "%s (%T)", s, w)
}

func Debug(s string) string {
	var b strings.Builder
	writeDebug(&b, s)
	return b.String()
}
""",
        "is passed to fmt.Fprintf, which may need a strings.Builder",
        '{pkg}.Debug("abc")',
    ),
    # the helper reports the capacity, which a Buffer grows otherwise (and a pooled one keeps from earlier calls)
    "capacity": (
        """type sizedWriter interface {
	io.Writer
	Cap() int
}

func writeSized(w sizedWriter, s string) {
	io.WriteString(w, s)
	fmt.Fprintf(w, " cap=%d", w.Cap())
}

func Sized(s string) string {
	var b strings.Builder
	writeSized(&b, s)
	return b.String()
}
""",
        "calls Cap, which a Buffer and a Builder answer otherwise",
        'func() string { {pkg}.Sized(strings.Repeat("x", 300)); return {pkg}.Sized("abc") }()',
    ),
    # review adv47e: a negative count panics with "strings.Builder.Grow: negative count", a Buffer's with
    # "bytes.Buffer.Grow: negative count", and the helper's recover returns it
    "negative_grow": (
        """type grower interface {
	io.Writer
	Grow(n int)
}

func header(w grower, n int) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint(r)
		}
	}()
	w.Grow(n)
	io.WriteString(w, "hdr")
	return ""
}

func Header(n int) string {
	var b strings.Builder
	msg := header(&b, n)
	return b.String() + "|" + msg
}
""",
        "calls Grow with a count gorewrite cannot prove neither negative nor huge",
        "{pkg}.Header(-1)",
    ),
    # the same Grow on the Builder itself (review adv47e; pooled since the Builder first stood as a Buffer)
    "direct_negative_grow": (
        """func Sized(n int) (out string) {
	var b strings.Builder
	defer func() {
		if r := recover(); r != nil {
			out = fmt.Sprint(r)
		}
	}()
	b.Grow(n)
	fmt.Fprintf(&b, "%d", n)
	return b.String()
}
""",
        "calls Grow with a count gorewrite cannot prove neither negative nor huge",
        "{pkg}.Sized(-1)",
    ),
}


def _source(case: str) -> str:
    return HEAD.format(name=case) + (POOLED[case] if case in POOLED else DECLINED[case][0])


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    return proposals_by_case(tmp_path_factory.mktemp("blind"), RULE, {c: _source(c) for c in (*POOLED, *DECLINED)})


@pytest.mark.parametrize("case", sorted(POOLED))
def test_a_builder_a_helper_only_writes_to_is_pooled_as_a_buffer(results, case):
    result = proposal_at(results[case], _source(case), SITE)
    assert isinstance(result, Fix), result


@pytest.mark.parametrize("case", sorted(DECLINED))
def test_a_builder_a_helper_may_tell_from_a_buffer_is_not_pooled(results, case):
    result = proposal_at(results[case], _source(case), SITE)
    assert not isinstance(result, Fix) and DECLINED[case][1] in result.reason, result


def test_every_naive_pool_of_a_declined_case_changes_what_its_callers_see(tmp_path, toolchain):
    originals = {name: _source(name) for name in DECLINED}
    naive = {name: _naive(source) for name, source in originals.items()}
    probes = {name: probe for name, (_, _, probe) in DECLINED.items()}
    built, values = naive_rewrites(tmp_path, toolchain, originals, naive, probes)
    assert values.keys() == DECLINED.keys(), built
    for name, (before, after) in values.items():
        assert before != after, f"{name}: the naive pool gives the same {before}"
