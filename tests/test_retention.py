"""retention.kept with a real go: the compiler's parameter verdicts (same package, std), the std
table through the argument's dynamic type, and the declines; and the table's own Go proof
(tests/retention) under go1.24.11 and the pinned release."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import module, proposals, releases

from gorewrite import operands, retention, stdsubslices
from gorewrite.decoding import DECODERS
from gorewrite.parameters import Signature
from gorewrite.proposals import Candidate, PackageView, Rule
from gorewrite.retention import RECEIVER, TABLE, kept
from gorewrite.stdsubslices import SUBSLICES
from gorewrite.syntax import declaration_range, text, walk

PROOFS = Path(__file__).parent / "retention"

CODE = """package r

import (
	"bytes"
	"encoding/binary"
	"encoding/pem"
	"encoding/xml"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/printer"
	"go/token"
	htmltemplate "html/template"
	"io"
	"strings"
	"text/template"
)

type Keeper interface{ Keep(b *bytes.Buffer) }

var sink *bytes.Buffer

func keep(b *bytes.Buffer)                 { sink = b }
func look(b *bytes.Buffer) int             { return b.Len() }
func same(b *bytes.Buffer) *bytes.Buffer   { return b }
func keepAll(bs ...*bytes.Buffer)          { sink = bs[0] }

type onlyWrite struct{ n int }

// Src is a named []byte with a Read that keeps its receiver: go/parser reads it as an io.Reader.
type Src []byte

var lastSrc Src

func (s Src) Read(p []byte) (int, error) { lastSrc = s; return copy(p, s), io.EOF }

func (w *onlyWrite) Write(p []byte) (int, error) { w.n += len(p); return len(p), nil }

// keepWriter's Write keeps its receiver: a Buffer it wraps would outlive the printer's or escaper's call.
type keepWriter struct{ n int }

var lastWriter *keepWriter

func (w *keepWriter) Write(p []byte) (int, error) { lastWriter = w; return len(p), nil }

func Use(k Keeper, w io.Writer, f func(*bytes.Buffer)) string {
	buf := new(bytes.Buffer)
	var local bytes.Buffer
	ow := &onlyWrite{}
	fmt.Fprintf(buf, "%d", 1)
	fmt.Fprintf(&local, "%d", 1)
	io.WriteString(buf, "x")
	io.WriteString(ow, "x")
	look(buf)
	keep(buf)
	same(buf)
	keepAll(buf)
	k.Keep(buf)
	fmt.Fprintf(w, "%v", buf)
	f(buf)
	_ = buf.Bytes()
	buf.Reset()
	var sb strings.Builder
	sb.WriteString("a")
	buf.WriteRune('x')
	scratch := make([]byte, 512)
	io.CopyBuffer(w, strings.NewReader("x"), scratch)
	binary.Write(buf, binary.BigEndian, uint32(1))
	binary.Write(w, binary.BigEndian, scratch)
	fmt.Fprintf(w, "%x", scratch[:3])
	fset := token.NewFileSet()
	parser.ParseFile(fset, "", scratch, 0)
	parser.ParseFile(fset, "", Src(scratch), 0)
	kw, cfg := &keepWriter{}, printer.Config{}
	printer.Fprint(kw, fset, ast.NewIdent("x"))
	cfg.Fprint(kw, fset, ast.NewIdent("x"))
	format.Node(kw, fset, ast.NewIdent("x"))
	template.HTMLEscape(kw, scratch)
	template.JSEscape(kw, scratch)
	htmltemplate.HTMLEscape(kw, scratch)
	htmltemplate.JSEscape(kw, scratch)
	xml.EscapeText(kw, scratch)
	xml.Escape(kw, scratch)
	pem.Encode(kw, &pem.Block{Bytes: scratch})
	return buf.String() + sb.String() + local.String()
}
"""

# (the call as written, the argument, contents) -> a part of the reason to decline, or None: not kept
EXPECTED = {
    ('fmt.Fprintf(buf, "%d", 1)', 0, True): None,
    ('fmt.Fprintf(&local, "%d", 1)', 0, True): None,
    ('io.WriteString(buf, "x")', 0, True): None,
    ('io.WriteString(ow, "x")', 0, True): "WriteString, a method *onlyWrite does not declare itself",
    ("look(buf)", 0, True): None,
    ("keep(buf)", 0, False): "is passed to keep, whose parameter go1.2",
    ("same(buf)", 0, False): "which returns it: go1.2",
    ("keepAll(buf)", 0, False): "reports as `leaking param content: bs`",
    ("k.Keep(buf)", 0, False): "an interface method: the dynamic type that runs it is unknown",
    ('fmt.Fprintf(w, "%v", buf)', 0, False): "its dynamic type is not a known pointer",
    ('fmt.Fprintf(w, "%v", buf)', 2, False): "reports as `leaking param content: a`",
    ('fmt.Fprintf(w, "%v", buf)', 2, True): "which formats it as an operand of `*bytes.Buffer`",
    ('fmt.Fprintf(w, "%x", scratch[:3])', 2, True): None,
    ("f(buf)", 0, False): "a function value gorewrite cannot follow",
    ("buf.Bytes()", RECEIVER, False): None,
    ("buf.Bytes()", RECEIVER, True): "`leaking param: b to result ~r0 level=1`",
    ("buf.Reset()", RECEIVER, True): None,
    ("buf.WriteRune('x')", RECEIVER, True): None,
    ('sb.WriteString("a")', RECEIVER, False): None,
    ('sb.WriteString("a")', RECEIVER, True): "`leaking param content: b`",
    ("buf.String()", RECEIVER, True): None,
    ("sb.String()", RECEIVER, True): "`leaking param: b to result ~r0 level=1`",
    ('io.CopyBuffer(w, strings.NewReader("x"), scratch)', 2, False): None,
    ('io.CopyBuffer(w, strings.NewReader("x"), scratch)', 0, False): "reports as `leaking param: dst`",
    ("binary.Write(buf, binary.BigEndian, uint32(1))", 0, True): None,
    ("binary.Write(w, binary.BigEndian, scratch)", 0, False): "its dynamic type is not a known pointer",
    ("binary.Write(w, binary.BigEndian, scratch)", 2, True): "reports as `leaking param content: data`",
    # go/parser's src: an unnamed slice declares no methods; a named one may, and ParseFile reads it as an io.Reader
    ('parser.ParseFile(fset, "", scratch, 0)', 2, True): None,
    ('parser.ParseFile(fset, "", Src(scratch), 0)', 2, True): "its dynamic type is not a known pointer",
    # session 51's writers: each entry lists Write, so a writer whose Write keeps its receiver is still declined
    **{
        (call, 0, True): "calls (*keepWriter).Write"
        for call in (
            'printer.Fprint(kw, fset, ast.NewIdent("x"))',
            'cfg.Fprint(kw, fset, ast.NewIdent("x"))',
            'format.Node(kw, fset, ast.NewIdent("x"))',
            "template.HTMLEscape(kw, scratch)",
            "template.JSEscape(kw, scratch)",
            "htmltemplate.HTMLEscape(kw, scratch)",
            "htmltemplate.JSEscape(kw, scratch)",
            "xml.EscapeText(kw, scratch)",
            "xml.Escape(kw, scratch)",
            "pem.Encode(kw, &pem.Block{Bytes: scratch})",
        )
    },
}


def _asker(answers: dict) -> Rule:
    """A rule whose one candidate (the first heap escape) lets it ask retention about every call in the file."""

    def find(view: PackageView) -> list[Candidate]:
        heap = [e for e in view.escapes if e.heap and e.path in view.package.files]
        root = view.tree(heap[0].path).root_node
        return [Candidate("asker", heap[0], heap[0].path, declaration_range(root.named_children[-1]))]

    def propose(view: PackageView, candidates: list[Candidate]) -> list:
        for call in walk(view.tree(candidates[0].path).root_node):
            if call.type != "call_expression":
                continue
            for (written, argument, contents), _ in EXPECTED.items():
                if text(call).decode() == written:
                    answers[(written, argument, contents)] = kept(view, call, argument, contents=contents)
        return []

    return Rule("asker", "asks retention", (), find, propose, retention=True)


@pytest.mark.parametrize("both", [False, True], ids=["pinned", "go1.24.11+pinned"])
def test_verdicts(tmp_path, both):
    answers: dict = {}
    toolchains = list(releases()) if both else [releases()[0]]
    proposals(module(tmp_path, {"r.go": CODE}), _asker(answers), toolchains)
    got = answers
    assert got.keys() == EXPECTED.keys()
    for key, expected in EXPECTED.items():
        if expected is None:
            assert got[key] is None, (key, got[key])
        else:
            assert got[key] is not None and expected in got[key], (key, got[key])


def test_without_parameters_it_declines(tmp_path):
    answers: dict = {}
    rule = _asker(answers)
    quiet = Rule(rule.name, rule.summary, (), rule.find, rule.propose)  # retention not asked for
    proposals(module(tmp_path, {"r.go": CODE}), quiet)
    assert all("no parameter verdicts" in reason for reason in answers.values())


def test_every_table_entry_cites_source_and_has_its_proof():
    proofs = (PROOFS / "retention_test.go").read_text()
    for key, entry in {**TABLE, **retention.SELF_STORES, **retention.CONTRACTS, **SUBSLICES, **DECODERS}.items():
        assert re.search(r"\w+/\w+\.go: ", entry.source), key
        assert f"func {entry.test}(t *testing.T)" in proofs, key
    assert re.search(r"\w+/\w+\.go: ", operands.SOURCE) and f"func {operands.TEST}(t *testing.T)" in proofs


@pytest.mark.parametrize("release", [0, 1], ids=["pinned", "go1.24.11"])
def test_the_table_is_proven_by_the_gc(release):
    """Each entry's Go test: the object is collected after the call, and the harness sees a keeper."""
    done = releases()[release].run(["test", "-count=1", "-v", "."], str(PROOFS))
    out = done.stdout.decode() + done.stderr.decode()
    assert done.returncode == 0, out
    for entry in {
        *TABLE.values(),
        *retention.SELF_STORES.values(),
        *retention.CONTRACTS.values(),
        *SUBSLICES.values(),
        *DECODERS.values(),
    }:
        assert f"--- PASS: {entry.test} " in out
    assert f"--- PASS: {operands.TEST} " in out
    assert "--- PASS: TestHarnessSeesAKeeper " in out


def test_only_format_source_has_its_leak_to_the_heap_cleared():
    """stdsubslices.agreed: a trim's argument may leak only to its result; go/format.Source's may also leak to the
    heap (its parser's scanner, a local of the call: TestFormatSource), and only so, never its content. Every
    toolchain of the run must agree (adv-reach49f: a mutant dropping the entry's `clears` check took a trim that
    leaks to the heap)."""
    source, trim = ("go/format", "", "Source"), ("bytes", "", "TrimSuffix")

    def agreed(key, *said):
        verdicts = {f"go{i}": {key: Signature(None, (s, None), False)} for i, s in enumerate(said)}
        return stdsubslices.agreed(verdicts, key)

    assert agreed(source, "leaking param: src", "leaking param: src to result ~r0 level=0")
    assert not agreed(source, "leaking param content: src")
    assert not agreed(source, "leaking param: src", None)
    assert agreed(trim, "leaking param: s to result ~r0 level=0", "s does not escape")
    assert not agreed(trim, "leaking param: s")
    assert not agreed(trim, "leaking param: s to result ~r0 level=1")
    assert not stdsubslices.agreed({"go0": {}}, trim)
