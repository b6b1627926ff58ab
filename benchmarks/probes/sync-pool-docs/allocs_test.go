package docs

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var (
	blocks = []Block{
		{Kind: "h", Level: 1, Lines: []string{"Intro & <usage>"}},
		{Kind: "p", Lines: []string{"Run `tool -v` for **more**."}},
		{Kind: "code", Lang: "go", Lines: []string{"x := 1 < 2"}},
		{Kind: "list", Lines: []string{"one", "two"}},
	}
	hunks    = []Hunk{{FromLine: 1, FromCount: 2, ToLine: 1, ToCount: 2, Edits: []Edit{{' ', "a"}, {'-', "b"}, {'+', "c"}}}}
	rows     = []Row{{Name: "api", Count: 3, Ratio: 0.5, Updated: time.Unix(0, 0).UTC()}, {Name: "web|ui", Count: 1, Ratio: 0.25, Updated: time.Unix(86400, 0).UTC()}}
	mail     = &Mail{From: "a@x.io", To: "b@x.io", Subject: "héllo", Date: time.Unix(0, 0).UTC(), Text: "hi = there", HTML: "<p>hi</p>", Boundary: "BOUND"}
	man      = &ManPage{Name: "tool", Section: "1", Short: "does things", Date: time.Unix(0, 0).UTC(), Synopsis: "tool [-v] file", Options: []Option{{"v", "", "verbose"}, {"o", "file", "output"}}, Description: []string{"Tool does.", ".dot"}}
	releases = []Release{{Version: "1.0.0", Date: time.Unix(0, 0).UTC(), Changes: map[string][]string{"Added": {"x"}, "Fixed": {"y"}}}}
)

type nopFilter struct{}

func (nopFilter) Apply(w io.Writer) io.Writer { return w }

type keepSink struct{ got [][]byte }

func (k *keepSink) Token(class string, text []byte) { k.got = append(k.got, text) }

func TestAllocs(t *testing.T) {
	var sink bytes.Buffer
	sink.Grow(1 << 20)
	lg := &Logger{out: &sink, now: func() time.Time { return time.Unix(0, 0) }}
	path := filepath.Join(t.TempDir(), "f")
	os.WriteFile(path, bytes.Repeat([]byte("line\n"), 200), 0o600)
	text := strings.Repeat("line one\n", 20)
	goSrc := []byte("package p\n\n// c\nfunc f() int { return 1 + \"s\" }\n")
	cases := []struct {
		name string
		f    func()
	}{
		{"RenderHTML", func() { sink.Reset(); RenderHTML(&sink, blocks) }},
		{"inline", func() { inline("a `b` **c**") }},
		{"Heading", func() { Heading(2, "Getting started") }},
		{"Slug", func() { Slug("Getting Started, Again") }},
		{"TOC", func() { sink.Reset(); TOC(&sink, blocks) }},
		{"Sanitize", func() { Sanitize("<b>x</b><script>y</script>") }},
		{"EscapeAttr", func() { sink.Reset(); EscapeAttr(&sink, "title", `a "b" <c>`) }},
		{"StripTags", func() { StripTags("<p>hi <b>there</b></p>") }},
		{"Linkify", func() { Linkify("see https://go.dev now") }},
		{"WelcomeBody", func() { WelcomeBody("Ann", "ann") }},
		{"WriteHeaders", func() { sink.Reset(); WriteHeaders(&sink, mail) }},
		{"WriteAlternative", func() { sink.Reset(); WriteAlternative(&sink, mail) }},
		{"EncodeAttachment", func() { sink.Reset(); EncodeAttachment(&sink, "a.bin", []byte("hello world")) }},
		{"AddressList", func() { AddressList([]string{"Ann", ""}, []string{"a@x.io", "b@x.io"}) }},
		{"Unified", func() { sink.Reset(); Unified(&sink, "a", "b", hunks) }},
		{"HunkHeader", func() { HunkHeader(hunks[0]) }},
		{"DiffStat", func() { DiffStat(hunks) }},
		{"ColorDiff", func() { sink.Reset(); ColorDiff(&sink, strings.NewReader("+a\n-b\n c\n")) }},
		{"Changelog", func() { sink.Reset(); Changelog(&sink, releases) }},
		{"MarkdownTable", func() { MarkdownTable(rows) }},
		{"TextReport", func() { sink.Reset(); TextReport(&sink, rows) }},
		{"ExportCSV", func() { sink.Reset(); ExportCSV(&sink, rows) }},
		{"ExportTSV", func() { sink.Reset(); ExportTSV(&sink, rows) }},
		{"CSVRecord", func() { CSVRecord([]string{"a", "b,c"}) }},
		{"Summary", func() { Summary(rows) }},
		{"WriteMan", func() { sink.Reset(); WriteMan(&sink, man) }},
		{"roffEscape", func() { roffEscape(".x\\y") }},
		{"OptionsTable", func() { OptionsTable(man.Options) }},
		{"HighlightGo", func() { sink.Reset(); HighlightGo(&sink, goSrc) }},
		{"HighlightLines", func() { sink.Reset(); HighlightLines(&sink, "a\n<b>") }},
		{"Snippet", func() { sink.Reset(); Snippet(&sink, "T", []string{"A", "B"}) }},
		{"Info", func() { sink.Reset(); lg.Info("hello", "n", 1, "ok", true) }},
		{"Audit", func() { sink.Reset(); lg.Audit(Event{Actor: "a", Action: "b"}) }},
		{"AccessLine", func() { sink.Reset(); lg.AccessLine("GET", "/x", 200, time.Millisecond) }},
		{"Truncate", func() { Truncate("héllo world", 4) }},
		{"CopyWithChecksum", func() { sink.Reset(); CopyWithChecksum(&sink, strings.NewReader(text)) }},
		{"Concat", func() { sink.Reset(); Concat(&sink, []string{path}) }},
		{"Indent", func() { sink.Reset(); Indent(&sink, strings.NewReader(text), "> ") }},
		{"Wrap", func() { Wrap(text, 20) }},
		{"CountLines", func() { CountLines(strings.NewReader(text)) }},
	}
	for _, c := range cases {
		t.Logf("ALLOCS %-18s %v", c.name, testing.AllocsPerRun(50, c.f))
	}
}

func TestBehaviour(t *testing.T) {
	var b bytes.Buffer
	RenderHTML(&b, blocks)
	want := "<h1>Intro &amp; &lt;usage&gt;</h1>\n<p>Run <code>tool -v</code> for <strong>more</strong>.</p>\n" +
		"<pre><code class=\"language-go\">x := 1 &lt; 2\n</code></pre>\n<ul>\n  <li>one</li>\n  <li>two</li>\n</ul>\n"
	if b.String() != want {
		t.Fatalf("%q", b.String())
	}
	if got := Sanitize(`<B onclick="x">hi</B><script>`); got != "<b>hi</b>&lt;script&gt;" {
		t.Fatalf("%q", got)
	}
	if got := DiffStat(hunks); got != "1 insertion(+), 1 deletion(-)" {
		t.Fatal(got)
	}
	if got := CSVRecord([]string{"a", "b,c"}); got != `a,"b,c"` {
		t.Fatal(got)
	}
	b.Reset()
	ExportTSV(&b, rows)
	if b.String() != "name\tcount\tratio\napi\t3\t0.5000\nweb|ui\t1\t0.2500\n" {
		t.Fatalf("%q", b.String())
	}
	// Must-declines: each keeps the buffer or its bytes past the call.
	r1 := RenderBytes(blocks[:1])
	r2 := RenderBytes(blocks[3:])
	if bytes.Equal(r1, r2) || !bytes.HasPrefix(r1, []byte("<h1>")) {
		t.Fatalf("rendered bytes alias: %q %q", r1, r2)
	}
	p1 := NewPage("a", blocks[:1])
	NewPage("b", blocks[3:])
	if !strings.HasPrefix(p1.Body.String(), "<h1>") {
		t.Fatal(p1.Body.String())
	}
	m1 := MakePatch("x", hunks)
	MakePatch("y", nil)
	if !bytes.HasPrefix(m1.Text, []byte("--- a/x")) {
		t.Fatalf("%q", m1.Text)
	}
	var rep Report
	rep.Render(rows)
	first := rep.last
	rep.Render(rows[:1])
	if !strings.Contains(first.String(), "web") {
		t.Fatal(first.String())
	}
	var ll LastLine
	ll.Remember("a", 1)
	kept := ll.line
	ll.Remember("b", 2)
	if string(kept) != "msg=\"a\" n=1\n" {
		t.Fatalf("%q", kept)
	}
	o := &Outbox{queue: make(chan *bytes.Buffer, 2)}
	o.Queue(mail)
	o.Queue(&Mail{From: "z", Text: "other"})
	if got := (<-o.queue).String(); !strings.Contains(got, "hi = there") {
		t.Fatal(got)
	}
	var ks keepSink
	Tokens(&ks, "alpha beta")
	if len(ks.got) != 2 || string(ks.got[0]) == "" {
		t.Fatalf("%q", ks.got)
	}
	c1, _ := Collect(strings.NewReader("x"))
	Collect(strings.NewReader("y"))
	if c1.String() != "x" {
		t.Fatal(c1.String())
	}
	if got := SanitizeThrough(nopFilter{}, "<a>"); got != "&lt;a&gt;" {
		t.Fatal(got)
	}
	b.Reset()
	if err := Snippet(&b, "T", []string{"A"}); err != nil || b.String() != "type T struct {\n\tA string\n}\n" {
		t.Fatalf("%q %v", b.String(), err)
	}
}
