"""sync-pool pools a buffer go/printer prints into (printer.Fprint, a Config's Fprint, go/format.Node), a buffer std's
escapers write into (the templates' HTMLEscape and JSEscape, xml.EscapeText and xml.Escape) and a scratch buffer
net/http sniffs (http.DetectContentType): stdtable.py's PRINTER, ESCAPERS and SNIFF entries, each proven by its Go
test in tests/retention (TestPrinterFprint, TestEscapers, TestDetectContentType). Each pooled case fails when its
entry is deleted (the compiler's `leaking param: output` / `w` / `data` then declines it); the declined case's naive
pool hands the caller bytes the next call overwrites."""

from __future__ import annotations

import pytest
from conftest import naive_rewrites, proposal_at, proposals_by_case

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["sync-pool"]

HEAD = """package {name}

import (
	"bytes"
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
	"net/http"
	"text/template"
)

var _, _, _, _, _ = ast.NewIdent, format.Node, printer.Fprint, io.EOF, http.DetectContentType
var _ bytes.Buffer
var _, _, _, _ = xml.EscapeText, htmltemplate.HTMLEscape, template.JSEscape, pem.Encode
var _ token.Pos
var _ = parser.ParseFile
var _ = fmt.Sprint

"""

POOLED = {
    # a code generator's expression printer: the Buffer escapes only through printer.Fprint's output
    "printer_expr": (
        """func ExprString(fset *token.FileSet, x ast.Expr) string {
	var buf bytes.Buffer
	printer.Fprint(&buf, fset, x)
	return buf.String()
}
""",
        "\tvar buf bytes.Buffer",
    ),
    "config_fprint": (
        """func Indented(fset *token.FileSet, decl ast.Decl) (string, error) {
	cfg := printer.Config{Mode: printer.UseSpaces | printer.TabIndent, Tabwidth: 4}
	var buf bytes.Buffer
	if err := cfg.Fprint(&buf, fset, decl); err != nil {
		return "", err
	}
	return buf.String(), nil
}
""",
        "\tvar buf bytes.Buffer",
    ),
    "format_node": (
        """func WriteDecl(w io.Writer, fset *token.FileSet, decl ast.Decl) error {
	var buf bytes.Buffer
	if err := format.Node(&buf, fset, decl); err != nil {
		return err
	}
	buf.WriteString("\\n\\n")
	_, err := w.Write(buf.Bytes())
	return err
}
""",
        "\tvar buf bytes.Buffer",
    ),
    # a code generator parsing what it generated: ParseFile's tree holds copies of src, never src
    "parse_generated": (
        """func Generate(fset *token.FileSet, pkg string, names []string) (*ast.File, error) {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "package %s\\n\\n", pkg)
	for _, n := range names {
		fmt.Fprintf(&buf, "// %s is generated.\\nconst %s = %q\\n", n, n, n)
	}
	return parser.ParseFile(fset, pkg+".go", buf.Bytes(), parser.ParseComments)
}
""",
        "\tvar buf bytes.Buffer",
    ),
    # a certificate report's PEM block: the Buffer escapes only through pem.Encode's out
    "pem_encode": (
        """func CertText(der []byte) (string, error) {
	var buf bytes.Buffer
	if err := pem.Encode(&buf, &pem.Block{Type: "CERTIFICATE", Bytes: der}); err != nil {
		return "", err
	}
	return buf.String(), nil
}
""",
        "\tvar buf bytes.Buffer",
    ),
    # an upload handler's sniffer: the first 512 bytes, read in full, then sniffed
    "sniff_upload": (
        """func Sniff(r io.Reader) (string, error) {
	head := make([]byte, 512)
	n, err := io.ReadFull(r, head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return "", err
	}
	return http.DetectContentType(head[:n]), nil
}
""",
        "\thead := make([]byte, 512)",
    ),
}

# a sanitiser's escapes, one case per escaper, each one entry
ESCAPERS = {
    "html_escape": "htmltemplate.HTMLEscape(&buf, []byte(s))",
    "text_html_escape": "template.HTMLEscape(&buf, []byte(s))",
    "js_escape": "htmltemplate.JSEscape(&buf, []byte(s))",
    "text_js_escape": "template.JSEscape(&buf, []byte(s))",
    "xml_escape_text": 'if err := xml.EscapeText(&buf, []byte(s)); err != nil {\n\t\treturn ""\n\t}',
    "xml_escape": "xml.Escape(&buf, []byte(s))",
}
POOLED |= {
    name: (
        f"""func Escaped(prefix, s string) string {{
	var buf bytes.Buffer
	buf.WriteString(prefix)
	{call}
	return buf.String()
}}
""",
        "\tvar buf bytes.Buffer",
    )
    for name, call in ESCAPERS.items()
}

# The printed bytes handed back: the caller's slice would be the next call's buffer.
DECLINED = {
    "printer_bytes_returned": (
        """func ExprBytes(fset *token.FileSet, x ast.Expr) []byte {
	var buf bytes.Buffer
	printer.Fprint(&buf, fset, x)
	return buf.Bytes()
}

// Twice keeps the first call's bytes across a second call.
func Twice() string {
	fset := token.NewFileSet()
	first := ExprBytes(fset, ast.NewIdent("first"))
	ExprBytes(fset, ast.NewIdent("second"))
	return string(first)
}
""",
        "and that is returned",
        "{pkg}.Twice()",
    ),
    # a sanitiser keeping its last escaped field: the struct holds the storage past the call
    "escaped_bytes_kept": (
        """type Field struct{ Escaped []byte }

func (f *Field) Set(s string) {
	var buf bytes.Buffer
	xml.EscapeText(&buf, []byte(s))
	f.Escaped = buf.Bytes()
}

// Twice keeps the first call's bytes across a second call.
func Twice() string {
	var a, b Field
	a.Set("<first>")
	b.Set("&second")
	return string(a.Escaped)
}
""",
        "and that is assigned",
        "{pkg}.Twice()",
    ),
    # go/parser reads a named slice with a Read method as an io.Reader: this Read keeps the storage
    "parse_named_source": (
        """type Src []byte

var lastSrc Src

func (s Src) Read(p []byte) (int, error) { lastSrc = s; return copy(p, s), io.EOF }

func ParseNamed(fset *token.FileSet, pkg string) error {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "package %s\\n", pkg)
	_, err := parser.ParseFile(fset, "", Src(buf.Bytes()), 0)
	return err
}

// Twice keeps the first call's source across a second call.
func Twice() string {
	fset := token.NewFileSet()
	ParseNamed(fset, "first")
	first := lastSrc
	ParseNamed(fset, "second")
	return string(first)
}
""",
        "and that is passed to Src",
        "{pkg}.Twice()",
    ),
}

NAIVE_POOL = """
var naiveBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func naivePut(b *bytes.Buffer) { b.Reset(); naiveBuffers.Put(b) }
"""


def _source(name: str, code: str) -> str:
    return HEAD.format(name=name) + code


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    cases = {name: _source(name, code) for name, (code, _) in POOLED.items()}
    cases |= {name: _source(name, code) for name, (code, _, _) in DECLINED.items()}
    return proposals_by_case(tmp_path_factory.mktemp("printed"), RULE, cases)


@pytest.mark.parametrize("case", sorted(POOLED))
def test_pooled(results, case):
    code, line = POOLED[case]
    found = proposal_at(results[case], _source(case, code), line)
    assert isinstance(found, Fix), found


@pytest.mark.parametrize("case", sorted(DECLINED))
def test_declined(results, case):
    code, reason, _ = DECLINED[case]
    found = proposal_at(results[case], _source(case, code), "\tvar buf bytes.Buffer")
    assert not isinstance(found, Fix) and reason in found.reason, found


def test_the_naive_pool_of_returned_printed_bytes_shows_the_next_call(tmp_path, toolchain):
    originals = {name: _source(name, code) for name, (code, _, _) in DECLINED.items()}
    naive = {
        name: source.replace('\t"net/http"\n', '\t"net/http"\n\t"sync"\n', 1)
        .replace("\tvar buf bytes.Buffer\n", "\tbuf := naiveBuffers.Get().(*bytes.Buffer)\n\tdefer naivePut(buf)\n")
        .replace("&buf", "buf")
        + NAIVE_POOL
        for name, source in originals.items()
    }
    probes = {name: probe for name, (_, _, probe) in DECLINED.items()}
    built, values = naive_rewrites(tmp_path, toolchain, originals, naive, probes)
    assert values.keys() == DECLINED.keys(), built
    for name, (before, after) in values.items():
        assert before != after, f"{name}: the naive pool gives the same {before}"
