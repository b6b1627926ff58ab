"""sync-pool pools a buffer a template or a strings.Replacer writes into (probe45d's export code): a strings.Builder
handed to text/template's or html/template's Execute and ExecuteTemplate, or to strings.Replacer's WriteString,
where a bytes.Buffer stands for it unnoticed (sites.WRITER_AT: the callee is named by go/types, methods too),
and a Buffer handed to the Replacer's WriteString, which keeps nothing of it (stdtable.py, proven by
TestReplacerWriteString). A package's own Execute or WriteString of the same names is judged by its own body:
declined when it asks for the Builder or keeps the writer, each with the naive pool that changes what callers see."""

from __future__ import annotations

import re

import pytest
from conftest import DETERMINISTIC_POOL, naive_rewrites, proposal_at, proposals_by_case

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["sync-pool"]

HEAD = """package {name}

import (
	"bytes"
	htmltemplate "html/template"
	"io"
	"strings"
	"text/template"
)

var _, _, _ = bytes.MinRead, io.EOF, strings.ToUpper
var _ *template.Template
var _ *htmltemplate.Template

"""

POOLED = {
    # probe45d's RenderSubject: a subject line rendered into a Builder
    "template_builder": """func Subject(t *template.Template, data any) (string, error) {
	var sb strings.Builder
	if err := t.Execute(&sb, data); err != nil {
		return "", err
	}
	return strings.TrimSpace(sb.String()), nil
}
""",
    "html_template_builder": """func Row(t *htmltemplate.Template, v string) string {
	var sb strings.Builder
	t.ExecuteTemplate(&sb, "row", v)
	return sb.String()
}
""",
    # probe45d's ExportTSV: the Buffer reaches a package-level Replacer's WriteString through a helper
    "replacer_buffer": """var tsvEscaper = strings.NewReplacer("\\t", " ", "\\n", " ")

func line(w io.Writer, fields []string) {
	for i, f := range fields {
		if i > 0 {
			io.WriteString(w, "\\t")
		}
		tsvEscaper.WriteString(w, f)
	}
	io.WriteString(w, "\\n")
}

func TSV(w io.Writer, rows [][]string) error {
	buf := new(bytes.Buffer)
	for _, r := range rows {
		line(buf, r)
	}
	_, err := w.Write(buf.Bytes())
	return err
}
""",
    "replacer_builder": """var escaper = strings.NewReplacer("<", "&lt;", ">", "&gt;")

func Escape(parts ...string) string {
	var sb strings.Builder
	for _, p := range parts {
		escaper.WriteString(&sb, p)
	}
	return sb.String()
}
""",
}

DECLINED = {
    # A package's own Execute, named like template's: it asks for the Builder, which a Buffer is not.
    "own_execute_asserts": (
        """type Template struct{ text string }

func (t *Template) Execute(w io.Writer, data string) error {
	if sb, ok := w.(*strings.Builder); ok {
		for i := 0; i < 2; i++ {
			sb.WriteString(t.text)
		}
		return nil
	}
	_, err := io.WriteString(w, "<"+t.text+data+">")
	return err
}

func Render(t *Template, data string) string {
	var sb strings.Builder
	t.Execute(&sb, data)
	return sb.String()
}
""",
        "is passed to t.Execute, which may need a strings.Builder",
        'func() string { return {pkg}.Render(&{pkg}.Template{}, "x") }()',
    ),
    # A package's own Replacer, named like strings': its WriteString keeps the writer.
    "own_replacer_keeps": (
        """type Replacer struct{ last io.Writer }

func (r *Replacer) WriteString(w io.Writer, s string) (int, error) {
	r.last = w
	return io.WriteString(w, strings.ToUpper(s))
}

var shouter = &Replacer{}

func Shout(s string) string {
	var buf bytes.Buffer
	shouter.WriteString(&buf, s)
	return buf.String()
}

func Last() string { return shouter.last.(*bytes.Buffer).String() }
""",
        "is passed to shouter.WriteString",
        'func() string { {pkg}.Shout("a"); return {pkg}.Last() }()',
    ),
}

BUFFER = re.compile(r"^\tvar (\w+) (?:bytes\.Buffer|strings\.Builder)$", re.M)


def _naive(source: str) -> str:
    """The source with every `var x bytes.Buffer` or `strings.Builder` taken from a pool anyway: Get, deferred Put."""
    for name in BUFFER.findall(source):
        source = re.sub(rf"&{name}\b", name, source)
    source = BUFFER.sub(r"\t\1 := naiveBuffers.Get().(*bytes.Buffer)\n\tdefer naivePut(\1)", source)
    pools = "\nvar naiveBuffers = &naivePool{New: func() any { return new(bytes.Buffer) }}\n"
    pools += "\nfunc naivePut(b *bytes.Buffer) { b.Reset(); naiveBuffers.Put(b) }\n"
    return source.replace('\t"strings"\n', '\t"strings"\n\t"sync"\n', 1) + DETERMINISTIC_POOL + pools


def _source(case: str) -> str:
    return HEAD.format(name=case) + (POOLED.get(case) or DECLINED[case][0])


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    cases = {name: _source(name) for name in (*POOLED, *DECLINED)}
    return proposals_by_case(tmp_path_factory.mktemp("std_writers"), RULE, cases)


@pytest.mark.parametrize("case", sorted(POOLED))
def test_pooled(results, case):
    assert results[case] and all(isinstance(r, Fix) for r in results[case]), results[case]


@pytest.mark.parametrize("case", sorted(DECLINED))
def test_declined(results, case):
    site = next(line for line in DECLINED[case][0].splitlines() if line.startswith("\tvar "))
    result = proposal_at(results[case], _source(case), site)
    assert not isinstance(result, Fix) and DECLINED[case][1] in result.reason, result


def test_every_naive_pool_of_a_declined_case_changes_what_its_callers_see(tmp_path, toolchain):
    originals = {name: _source(name) for name in DECLINED}
    naive = {name: _naive(source) for name, source in originals.items()}
    probes = {name: probe for name, (_, _, probe) in DECLINED.items()}
    built, values = naive_rewrites(tmp_path, toolchain, originals, naive, probes)
    assert values.keys() == DECLINED.keys(), built
    for name, (before, after) in values.items():
        assert before != after, f"{name}: the naive pool gives the same {before}"
