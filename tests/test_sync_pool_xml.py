"""sync-pool pools a buffer handed to xml.NewEncoder (marshaling.py): the Encoder holds it, and Encode hands the
Encoder to the MarshalXML methods of the value's types, which go/types names and the compiler must clear (`e does not
escape` under every release). A MarshalXML that keeps the Encoder and writes through it later, an `any` field that
may hold such a value, and the Encoder returned decline, each with its naive pool shown to change what the code
returns. Allocation evidence under both releases: the RSS feed below, measured by conftest.case_suite.

Tables as for conftest.case_suite (proposals and naive mutants under go1.24.11): FIXES name -> (source, a call with
`{pkg}` AllocsPerRun runs), DECLINES name -> (source, reason), NAIVE name -> (rewrite, probe)."""

from __future__ import annotations

from conftest import case_suite, edited, module, only_fix, proposals

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["sync-pool"]

RSS = """package rss

import (
	"bytes"
	"encoding/xml"
	"io"
	"time"
)

// Item is one entry of the feed; pubDate is RFC 1123, as RSS 2.0 wants.
type Item struct {
	Title   string   `xml:"title"`
	Link    string   `xml:"link"`
	GUID    guid     `xml:"guid"`
	PubDate rfc1123  `xml:"pubDate"`
	Tags    []string `xml:"category"`
}

type guid struct {
	Permalink bool   `xml:"isPermaLink,attr"`
	ID        string `xml:",chardata"`
}

// rfc1123 formats a time as RSS dates are written (a MarshalText: the Encoder never sees it).
type rfc1123 time.Time

func (t rfc1123) MarshalText() ([]byte, error) { return []byte(time.Time(t).Format(time.RFC1123Z)), nil }

type channel struct {
	Title string `xml:"title"`
	Link  string `xml:"link"`
	Items []Item `xml:"item"`
}

type document struct {
	XMLName xml.Name `xml:"rss"`
	Version string   `xml:"version,attr"`
	Channel channel  `xml:"channel"`
}

// WriteFeed writes the channel as an RSS 2.0 document in one Write.
func WriteFeed(w io.Writer, title, link string, items []Item) error {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(document{Version: "2.0", Channel: channel{title, link, items}}); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	_, err := buf.WriteTo(w)
	return err
}
"""

FEED = (
    "func() string { var b strings.Builder; err := {pkg}.WriteFeed(&b, `News`, `https://x.test`, []{pkg}.Item{{"
    "Title: `a <b>`, Link: `https://x.test/a`, Tags: []string{`go`, `xml`}}}); return fmt.Sprint(b.String(), err) }()"
)

FIXES = {"rss": (RSS, FEED)}

# Footer's MarshalXML closes the previous document's run through the Encoder it kept: a pooled buffer is the one the
# next document is written into.
FOOTER = """
// Footer ends a page; its MarshalXML notes, in the previous page, that the run continues.
type Footer struct{ Text string }

var last *xml.Encoder

func (f Footer) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	if last != nil {
		last.EncodeToken(xml.Comment("continued"))
		last.Flush()
	}
	last = e
	return e.EncodeElement(f.Text, start)
}
"""

STASHED = (
    """package stashed

import (
	"bytes"
	"encoding/xml"
)
"""
    + FOOTER
    + """
type page struct {
	XMLName xml.Name `xml:"page"`
	Body    string   `xml:"body"`
	Footer  Footer   `xml:"footer"`
}

// Page renders a page with its footer.
func Page(body, footer string) string {
	var buf bytes.Buffer
	enc := xml.NewEncoder(&buf)
	enc.Encode(page{Body: body, Footer: Footer{footer}})
	enc.Flush()
	return buf.String()
}
"""
)

ENVELOPE = (
    """package envelope

import (
	"bytes"
	"encoding/xml"
)
"""
    + FOOTER
    + """
type envelope struct {
	XMLName xml.Name `xml:"Envelope"`
	Body    any      `xml:"Body"`
}

// Envelope wraps a SOAP body, whatever its type.
func Envelope(body any) string {
	var buf bytes.Buffer
	enc := xml.NewEncoder(&buf)
	enc.Encode(envelope{Body: body})
	enc.Flush()
	return buf.String()
}
"""
)

RETURNED = """package returned

import (
	"bytes"
	"encoding/xml"
)

// Section writes a section's start, calls done, and returns the Encoder for the caller to go on with and what
// it wrote.
func Section(title string, done func()) (*xml.Encoder, string) {
	var buf bytes.Buffer
	enc := xml.NewEncoder(&buf)
	enc.EncodeToken(xml.StartElement{Name: xml.Name{Local: title}})
	done()
	enc.Flush()
	return enc, buf.String()
}

// Note writes a comment through the Encoder.
func Note(e *xml.Encoder, text string) {
	e.EncodeToken(xml.Comment(text))
	e.Flush()
}
"""

# Sig's MarshalXML keeps a copy of the Encoder, whose bufio.Writer goes on writing into the buffer: the compiler says
# `leaking param content: e`, which marshaling.py judges with what e points to.
COPIED = """package copied

import (
	"bytes"
	"encoding/xml"
)

var saved *xml.Encoder

// Sig notes, in the previous document, that the run continues, through a copy of that document's Encoder.
type Sig struct{ Text string }

func (s Sig) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	if saved != nil {
		saved.EncodeToken(xml.Comment("continued"))
		saved.Flush()
	}
	copied := *e
	saved = &copied
	return nil
}

type doc struct {
	XMLName xml.Name `xml:"doc"`
	Body    string   `xml:"body"`
	Sig     Sig      `xml:"sig"`
}

// Render renders a document.
func Render(body string) string {
	var buf bytes.Buffer
	enc := xml.NewEncoder(&buf)
	enc.Encode(doc{Body: body})
	enc.Flush()
	return buf.String()
}
"""

ELEMENT = (
    """package element

import (
	"bytes"
	"encoding/xml"
)
"""
    + FOOTER
    + """
// Foot renders a footer alone, as a <foot> element.
func Foot(text string) string {
	var buf bytes.Buffer
	enc := xml.NewEncoder(&buf)
	enc.EncodeElement(Footer{text}, xml.StartElement{Name: xml.Name{Local: "foot"}})
	enc.Flush()
	return buf.String()
}
"""
)

INDEXED = (
    """package indexed

import (
	"bytes"
	"encoding/xml"
)
"""
    + FOOTER
    + """
// First renders the first of the footers.
func First(footers []Footer) string {
	var buf bytes.Buffer
	enc := xml.NewEncoder(&buf)
	enc.Encode(footers[0])
	enc.Flush()
	return buf.String()
}
"""
)

DECLINES = {
    "stashed": (STASHED, "it may call (*Footer).MarshalXML, whose parameter go1.24.11 reports as `leaking param: e`"),
    "envelope": (ENVELOPE, "it may reach any, an interface, and xml encodes what it holds"),
    "returned": (RETURNED, "is held by enc, which is used as a value on line"),
    "copied": (COPIED, "(*Sig).MarshalXML, whose parameter go1.24.11 reports as `leaking param content: e`"),
    "element": (ELEMENT, "it may call (*Footer).MarshalXML, whose parameter go1.24.11 reports as `leaking param: e`"),
    "indexed": (INDEXED, "which encodes a value whose type gorewrite cannot read"),
}

POOL = """
var pool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func get() *bytes.Buffer { b := pool.Get().(*bytes.Buffer); b.Reset(); return b }
"""


def pooled(source: str) -> str:
    """The naive pool: `var buf bytes.Buffer` becomes a Get from a package pool, put back when the function returns."""
    source = source.replace('"bytes"\n', '"bytes"\n\t"sync"\n', 1).replace("\n//", POOL + "\n//", 1)
    source = source.replace("\tvar buf bytes.Buffer\n", "\tbuf := get()\n\tdefer pool.Put(buf)\n")
    return source.replace("xml.NewEncoder(&buf)", "xml.NewEncoder(buf)")


NAIVE = {
    # the second page's buffer is the first's: the first Footer's Encoder writes its comment into it
    "stashed": (pooled, "{pkg}.Page(`a`, `end`) + {pkg}.Page(`b`, `end`)"),
    # the same through the `any` body
    "envelope": (pooled, "{pkg}.Envelope({pkg}.Footer{`a`}) + {pkg}.Envelope({pkg}.Footer{`b`})"),
    # the first Section's Encoder, returned, writes into the second's buffer while it is being written
    "returned": (
        pooled,
        "func() string { first, a := {pkg}.Section(`a`, func() {}); _, b := {pkg}.Section(`b`, func() {"
        " {pkg}.Note(first, `late`) }); return a + `|` + b }()",
    ),
    # the copy's bufio.Writer is the first document's: its comment lands in the second's pooled buffer
    "copied": (pooled, "{pkg}.Render(`a`) + `|` + {pkg}.Render(`b`)"),
    # as stashed, the Footer handed to the Encoder by EncodeElement
    "element": (pooled, "{pkg}.Foot(`a`) + {pkg}.Foot(`b`)"),
    # as stashed, the Footer reached through an index expression, whose type marshaling.py does not read
    "indexed": (pooled, "{pkg}.First([]{pkg}.Footer{{`a`}}) + {pkg}.First([]{pkg}.Footer{{`b`}})"),
}

globals().update(case_suite("sync-pool-xml", RULE, FIXES, DECLINES, NAIVE))


def test_pools_the_feed_buffer(proposed):
    rewritten = edited(RSS, only_fix(proposed["rss"]))
    assert "buf := getBuffer()\n\tdefer putBuffer(buf)\n" in rewritten and "xml.NewEncoder(buf)" in rewritten


NOTE = """package note

import (
	"bytes"
	"encoding/xml"
)

// Note is a page's note; the tests give it a MarshalXML that keeps the Encoder.
type Note struct{ Text string }

// Render renders a note.
func Render(text string) string {
	var buf bytes.Buffer
	enc := xml.NewEncoder(&buf)
	enc.Encode(Note{text})
	enc.Flush()
	return buf.String()
}
"""

NOTE_TEST = (
    """package note

import (
	"encoding/xml"
	"testing"
)
"""
    + FOOTER.replace("type Footer struct{ Text string }\n", "").replace("f Footer", "f Note")
    + """
func TestNotesStayApart(t *testing.T) {
	Render("a")
	if got := Render("b"); got != "<Note>b</Note>" {
		t.Fatalf("the second note reads %q", got)
	}
}
"""
)


def test_a_marshal_xml_of_a_test_file_declines(tmp_path, toolchain):
    """note_test.go gives Note a MarshalXML that keeps the Encoder: `go test` compiles it, and the naive pool
    makes the first note's Encoder write into the second's buffer."""
    files = {"note/note.go": NOTE, "note/note_test.go": NOTE_TEST}
    (found,) = proposals(module(tmp_path / "m", files), RULE).values()
    assert not any(isinstance(p, Fix) for p in found), found
    assert any("note_test.go may change" in p.reason for p in found), found
    assert toolchain.run(["test", "-count=1", "./..."], str(module(tmp_path / "orig", files))).returncode == 0
    naive = module(tmp_path / "naive", {**files, "note/note.go": pooled(NOTE)})
    ran = toolchain.run(["test", "-count=1", "./..."], str(naive))
    assert ran.returncode != 0 and b"the second note reads" in ran.stdout, ran.stdout.decode()


FOOT = """package other

// Foot ends a page; its traced build gives it a MarshalXML.
type Foot struct{ Text string }
"""

FOOT_TRACE = "//go:build trace\n\n" + (
    """package other

import "encoding/xml"
"""
    + FOOTER.replace("type Footer struct{ Text string }\n", "").replace("f Footer", "f Foot")
)

PAGE = """package page

import (
	"bytes"
	"encoding/xml"

	"example.com/m/other"
)

// Render renders a page's footer.
func Render(text string) string {
	var buf bytes.Buffer
	enc := xml.NewEncoder(&buf)
	enc.Encode(other.Foot{Text: text})
	enc.Flush()
	return buf.String()
}
"""

PAGE_TEST = """package page

import (
	"strings"
	"testing"
)

func TestPagesStayApart(t *testing.T) {
	Render("a")
	if got := Render("b"); strings.Contains(got, "continued") {
		t.Fatalf("the second page reads %q", got)
	}
}
"""


def test_a_type_of_another_package_declines(tmp_path, toolchain):
    """other.Foot has no MarshalXML in this build, but its `trace` build gives it one that keeps the Encoder: the
    walk's `named` entry declines, and the naive pool makes the first page's Encoder write into the second's
    buffer under `go test -tags trace`."""
    files = {
        "other/foot.go": FOOT,
        "other/foot_trace.go": FOOT_TRACE,
        "page/page.go": PAGE,
        "page/page_test.go": PAGE_TEST,
    }
    found = [p for each in proposals(module(tmp_path / "m", files), RULE).values() for p in each]
    assert not any(isinstance(p, Fix) for p in found), found
    assert any("whose other builds may declare it otherwise" in p.reason for p in found), found
    traced = ["test", "-count=1", "-tags", "trace", "./..."]
    assert toolchain.run(traced, str(module(tmp_path / "orig", files))).returncode == 0
    naive = module(tmp_path / "naive", {**files, "page/page.go": pooled(PAGE)})
    ran = toolchain.run(traced, str(naive))
    assert ran.returncode != 0 and b"the second page reads" in ran.stdout, ran.stdout.decode()
