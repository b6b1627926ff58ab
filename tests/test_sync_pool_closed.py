"""sync-pool through a closed interface (closed.py) and through bufio's Write and Read (stdtable.py).

A buffer handed to an interface method of an unexported name is pooled when every method of that name
the package declares, in every build and in its tests, keeps nothing of it; a []byte handed to
`(*bufio.Writer).Write` or `(*bufio.Reader).Read` as to the io.Writer (io.Reader) bufio wraps. For each
decline, the naive pool it must not become, whose callers then read bytes another call wrote."""

from __future__ import annotations

import re

import pytest
from conftest import DETERMINISTIC_POOL, module, naive_rewrites, proposal_at, proposals, proposals_by_case

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["sync-pool"]

HEAD = """package {name}

import (
	"bufio"
	"bytes"
	"io"
	"strings"
)

var _, _, _ = bufio.NewWriter, io.EOF, strings.Repeat

type node interface{{ render(w *bytes.Buffer) }}

type text string

func (t text) render(w *bytes.Buffer) {{ w.WriteString(string(t)) }}

"""

POOLED = {
    # the probe's markdown: a container node renders its children through the interface again
    "recursive": """type emph []node

func (e emph) render(w *bytes.Buffer) {
	w.WriteString("<em>")
	for _, c := range e {
		c.render(w)
	}
	w.WriteString("</em>")
}

func Render(ns []node) string {
	var buf bytes.Buffer
	for _, n := range ns {
		n.render(&buf)
	}
	return buf.String()
}
""",
    # through a helper of the package, and a method promoted from an embedded struct of the package
    "helper_promoted": """type box struct{ label string }

func (b *box) render(w *bytes.Buffer) { w.WriteString("[" + b.label + "]") }

type titled struct {
	*box
	title string
}

func renderAll(w *bytes.Buffer, ns []node) {
	for _, n := range ns {
		n.render(w)
	}
}

func Render(title string) string {
	var buf bytes.Buffer
	renderAll(&buf, []node{text(title), titled{box: &box{label: title}}})
	return buf.String()
}
""",
    # an exported interface of the unexported method, embedded in an exported struct another package fills:
    # whatever it holds is one of this package's types, whose render runs
    "embedded_interface": """type Node interface{ render(w *bytes.Buffer) }

type Wrapped struct {
	Node
	Class string
}

func Text(s string) Node { return text(s) }

func Render(ns []Node) string {
	var buf bytes.Buffer
	for _, n := range ns {
		n.render(&buf)
	}
	return buf.String()
}
""",
    # the probe's csvjson: a line buffer written through a bufio.Writer
    "bufio_write": """func WriteLines(w io.Writer, words []string) error {
	bw := bufio.NewWriterSize(w, 64)
	line := make([]byte, 0, 512)
	for _, word := range words {
		line = append(line[:0], word...)
		line = append(line, '\\n')
		if _, err := bw.Write(line); err != nil {
			return err
		}
	}
	return bw.Flush()
}
""",
    "bufio_read": """func Count(r io.Reader, c byte) (int, error) {
	br := bufio.NewReader(r)
	chunk := make([]byte, 4096)
	total := 0
	for {
		n, err := br.Read(chunk)
		total += strings.Count(string(chunk[:n]), string(c))
		if err == io.EOF {
			return total, nil
		}
		if err != nil {
			return total, err
		}
	}
}
""",
}

DECLINED = {
    # one implementation keeps w: the naive pool hands the first call's kept buffer to the second call
    "kept": (
        """type recorder struct{}

var first *bytes.Buffer

func (recorder) render(w *bytes.Buffer) {
	if first == nil {
		first = w
	}
}

func Render(s string) string {
	var buf bytes.Buffer
	for _, n := range []node{text(s), recorder{}} {
		n.render(&buf)
	}
	return buf.String()
}

func First() string { return first.String() }
""",
        "buf is passed to n.render, which may run recorder.render (kept.go:",
        'func() string { {pkg}.Render("first"); {pkg}.Render("second"); return {pkg}.First() }()',
    ),
    # an exported method name: a type of any package implements it (here a func the caller gives)
    "exported_name": (
        """type Renderer interface{ Render(w *bytes.Buffer) }

type Func func(w interface{ String() string })

func (f Func) Render(w *bytes.Buffer) { f(w) }

func Render(s string, rs ...Renderer) string {
	var buf bytes.Buffer
	buf.WriteString(s)
	for _, r := range rs {
		r.Render(&buf)
	}
	return buf.String()
}
""",
        "is passed to r.Render, an interface method: the dynamic type that runs it is unknown",
        """func() string {
		var kept interface{ String() string }
		keep := {pkg}.Func(func(w interface{ String() string }) { if kept == nil { kept = w } })
		{pkg}.Render("first", keep)
		{pkg}.Render("second", keep)
		return kept.String()
	}()""",
    ),
    # the closed method hands w to an interface field of exported method the caller sets
    "hook_field": (
        """type Hook interface{ Render(w *bytes.Buffer) }

type HookFunc func(w interface{ String() string })

func (f HookFunc) Render(w *bytes.Buffer) { f(w) }

type hooked struct{ hook Hook }

func (h hooked) render(w *bytes.Buffer) { h.hook.Render(w) }

func Render(s string, h Hook) string {
	var buf bytes.Buffer
	for _, n := range []node{text(s), hooked{h}} {
		n.render(&buf)
	}
	return buf.String()
}
""",
        "which may run hooked.render (hook_field.go:",
        """func() string {
		var kept interface{ String() string }
		keep := {pkg}.HookFunc(func(w interface{ String() string }) { if kept == nil { kept = w } })
		{pkg}.Render("first", keep)
		{pkg}.Render("second", keep)
		return kept.String()
	}()""",
    ),
    # bufio hands a long line to the io.Writer it wraps, and the package's own Write keeps p
    "bufio_own_sink": (
        """type Sink struct{ lines [][]byte }

func (s *Sink) Write(p []byte) (int, error) { s.lines = append(s.lines, p); return len(p), nil }

func (s *Sink) First() string { return string(s.lines[0]) }

func WriteLines(s *Sink, words []string) {
	bw := bufio.NewWriterSize(s, 16)
	line := make([]byte, 0, 512)
	for _, word := range words {
		line = append(line[:0], word...)
		bw.Write(line)
	}
	bw.Flush()
}
""",
        "Sink.Write",
        """func() string {
		a, b := new({pkg}.Sink), new({pkg}.Sink)
		{pkg}.WriteLines(a, []string{"the first call's line"})
		{pkg}.WriteLines(b, []string{"the second call's line"})
		return a.First()
	}()""",
    ),
}

BUFFER = re.compile(r"^\tvar (\w+) bytes\.Buffer$", re.M)
LINE = re.compile(r"^\t(\w+) := make\(\[\]byte, 0, 512\)$", re.M)
NAIVE_POOLS = (
    DETERMINISTIC_POOL
    + """
var naiveBuffers = &naivePool{New: func() any { return new(bytes.Buffer) }}

func naivePut(b *bytes.Buffer) { b.Reset(); naiveBuffers.Put(b) }

var naiveArrays = &naivePool{New: func() any { return new([512]byte) }}
"""
)


def _naive(source: str) -> str:
    """The source with its buffer or 512-byte line taken from a pool anyway: Get, reset, deferred Put."""
    for name in BUFFER.findall(source):
        source = re.sub(rf"&{name}\b", name, source)
    source = BUFFER.sub(r"\t\1 := naiveBuffers.Get().(*bytes.Buffer)\n\tdefer naivePut(\1)", source)
    source = LINE.sub(r"\t\1p := naiveArrays.Get().(*[512]byte)\n\tdefer naiveArrays.Put(\1p)\n\t\1 := \1p[:0]", source)
    return source.replace('\t"io"\n', '\t"io"\n\t"sync"\n', 1) + NAIVE_POOLS


def _site(code: str) -> str:
    return next(line for line in code.splitlines() if BUFFER.match(line) or " := make([]byte, " in line)


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    cases = {name: HEAD.format(name=name) + code for name, code in POOLED.items()}
    cases |= {name: HEAD.format(name=name) + code for name, (code, _, _) in DECLINED.items()}
    return proposals_by_case(tmp_path_factory.mktemp("closed"), RULE, cases)


@pytest.mark.parametrize("case", sorted(POOLED))
def test_pooled(results, case):
    result = proposal_at(results[case], HEAD.format(name=case) + POOLED[case], _site(POOLED[case]))
    assert isinstance(result, Fix), result


@pytest.mark.parametrize("case", sorted(DECLINED))
def test_declined(results, case):
    code, reason, _ = DECLINED[case]
    result = proposal_at(results[case], HEAD.format(name=case) + code, _site(code))
    assert not isinstance(result, Fix) and reason in result.reason, result


def test_every_naive_pool_of_a_declined_case_changes_what_its_callers_see(tmp_path, toolchain):
    originals = {name: HEAD.format(name=name) + code for name, (code, _, _) in DECLINED.items()}
    naive = {name: _naive(source) for name, source in originals.items()}
    probes = {name: probe for name, (_, _, probe) in DECLINED.items()}
    built, values = naive_rewrites(tmp_path, toolchain, originals, naive, probes)
    assert values.keys() == DECLINED.keys(), built
    for name, (before, after) in values.items():
        assert before != after, f"{name}: the naive pool gives the same {before}"


# A method of the name declared where this build does not look: a file of another build, a test file.
PAGE = HEAD.format(name="page") + (
    """func Render(s string, extra ...node) string {
	var buf bytes.Buffer
	for _, n := range append([]node{text(s)}, extra...) {
		n.render(&buf)
	}
	return buf.String()
}
"""
)
SPY = """{header}package page

import "bytes"

var Kept *bytes.Buffer

type spy struct{{}}

func (spy) render(w *bytes.Buffer) {{
	if Kept == nil {{
		Kept = w
	}}
}}
"""
SPY_TEST = """package page

import "testing"

func TestCallsStayApart(t *testing.T) {
	Render("first", spy{})
	Render("second", spy{})
	if got := Kept.String(); got != "first" {
		t.Fatalf("the first call's buffer now reads %q", got)
	}
}
"""


@pytest.mark.parametrize(
    ("spy", "test", "reason"),
    [
        ("page/spy_trace.go", "page/spy_trace_test.go", "spy_trace.go, which this build does not compile"),
        ("page/spy_test.go", "page/page_test.go", "spy_test.go, which this build does not compile"),
    ],
    ids=["build_constraint", "test_file"],
)
def test_a_method_of_the_name_this_build_does_not_compile_declines(tmp_path, toolchain, spy, test, reason):
    header = "//go:build trace\n\n" if "trace" in spy else ""
    files = {"page/page.go": PAGE, spy: SPY.format(header=header), test: header + SPY_TEST}
    found = proposals(module(tmp_path / "m", files), RULE)
    reasons = [p.reason for each in found.values() for p in each if not isinstance(p, Fix)]
    assert not any(isinstance(p, Fix) for each in found.values() for p in each), found
    assert any(reason in r for r in reasons), reasons
    tags = ["-tags", "trace"] if header else []
    root = module(tmp_path / "orig", files)
    assert toolchain.run(["test", "-count=1", *tags, "./..."], str(root)).returncode == 0
    naive = module(tmp_path / "naive", {**files, "page/page.go": _naive(PAGE)})
    ran = toolchain.run(["test", "-count=1", *tags, "./..."], str(naive))
    assert ran.returncode != 0 and b"now reads" in ran.stdout, ran.stdout.decode()
