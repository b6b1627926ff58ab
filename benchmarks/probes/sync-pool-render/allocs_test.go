package renderkit

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var rows = []Row{{ID: 1, Name: "ann", Email: "a@x.io", Score: 1.5}, {ID: 2, Name: "bob", Email: "b@x.io", Score: 2.25}}

func TestAllocs(t *testing.T) {
	var sink bytes.Buffer
	sink.Grow(1 << 20)
	lg := NewLogger(&sink)
	hunks := []Hunk{{OldStart: 1, OldLines: 2, NewStart: 1, NewLines: 2, Ops: []Op{{' ', "a"}, {'-', "b"}, {'+', "c"}}}}
	msg := &Message{From: "a@x", To: "b@x", Subject: "s", Text: "hi", Attachments: []Attachment{{"f.txt", "text/plain", []byte("data")}}}
	recs := []Record{{Seq: 1, Kind: 2, Key: "k", Val: []byte("v")}}
	path := filepath.Join(t.TempDir(), "f")
	os.WriteFile(path, bytes.Repeat([]byte("x"), 600), 0o600)
	text := strings.Repeat("line\n", 10)
	cases := []struct {
		name string
		f    func()
	}{
		{"Logfmt", func() { sink.Reset(); lg.Logfmt("info", "hello", Field{"n", 1}) }},
		{"JSONLine", func() { sink.Reset(); lg.JSONLine("info", "hello", nil) }},
		{"Caller", func() { sink.Reset(); Caller(&sink, "a/b.go", 12) }},
		{"ExportCSV", func() { sink.Reset(); ExportCSV(&sink, rows) }},
		{"ExportTSV", func() { sink.Reset(); ExportTSV(&sink, rows) }},
		{"MarkdownTable", func() { sink.Reset(); MarkdownTable(&sink, []string{"a"}, [][]string{{"x"}}) }},
		{"HTMLTable", func() { sink.Reset(); HTMLTable(&sink, []string{"a"}, [][]string{{"x"}}) }},
		{"CSVLine", func() { CSVLine([]string{"a", "b"}) }},
		{"WriteUnified", func() { sink.Reset(); WriteUnified(&sink, "a", "b", hunks, true) }},
		{"Hexdump", func() { sink.Reset(); Hexdump(&sink, []byte("hello")) }},
		{"HexLines", func() { sink.Reset(); HexLines(&sink, []byte("hello")) }},
		{"DiffStat", func() { DiffStat(hunks) }},
		{"WriteMIME", func() { sink.Reset(); WriteMIME(&sink, msg) }},
		{"EncodeHeaderWord", func() { EncodeHeaderWord("héllo") }},
		{"GzipBody", func() { sink.Reset(); GzipBody(&sink, []byte("hello")) }},
		{"CopyAttachment", func() { sink.Reset(); CopyAttachment(&sink, strings.NewReader("abc")) }},
		{"Select", func() { Select("t", []string{"a"}, []string{"b"}, 3) }},
		{"InsertMany", func() { InsertMany("t", []string{"a"}, 2) }},
		{"WriteRecords", func() { sink.Reset(); WriteRecords(&sink, recs) }},
		{"RenderReport", func() { sink.Reset(); RenderReport(&sink, rows) }},
		{"CountLongLines", func() { CountLongLines(strings.NewReader(text), 3) }},
		{"Pretty", func() { sink.Reset(); Pretty(&sink, []any{1, "a"}) }},
		{"DumpFile", func() { sink.Reset(); DumpFile(&sink, path) }},
	}
	for _, c := range cases {
		t.Logf("ALLOCS %-16s %v", c.name, testing.AllocsPerRun(50, c.f))
	}
}

func TestBehaviour(t *testing.T) {
	var b bytes.Buffer
	lg := NewLogger(&b)
	lg.Logfmt("info", "a b", Field{"k", "v"})
	if !strings.HasSuffix(b.String(), ` level=info msg="a b" k=v`+"\n") {
		t.Fatalf("%q", b.String())
	}
	b.Reset()
	ExportCSV(&b, rows)
	if b.String() != "id,name,email,score\n1,ann,a@x.io,1.50\n2,bob,b@x.io,2.25\n" {
		t.Fatalf("%q", b.String())
	}
	if got := CSVLine([]string{"a", "b c", `"`}); got != `a,b c,""""` {
		t.Fatalf("%q", got)
	}
	if got := Select("t", []string{"a", "b"}, []string{"x"}, 2); got != "SELECT a, b FROM t WHERE x = $1 LIMIT 2" {
		t.Fatal(got)
	}
	l1 := FormatLine("info", "one")
	l2 := FormatLine("warn", "two")
	if string(l1) != "level=info msg=one" || string(l2) != "level=warn msg=two" {
		t.Fatalf("%q %q", l1, l2)
	}
	c1 := Compressed("aaaa")
	c2 := Compressed("bbbb")
	if bytes.Equal(c1, c2) {
		t.Fatal("compressed outputs alias")
	}
	a := &AsyncLogger{lines: make(chan []byte, 2)}
	a.Log("x", 1)
	a.Log("y", 2)
	if got := string(<-a.lines) + string(<-a.lines); got != "msg=\"x\" n=1\nmsg=\"y\" n=2\n" {
		t.Fatalf("%q", got)
	}
	Snapshot(rows)
	first := lastReport
	Snapshot(rows[:1])
	if first.String() != "1\n2\n" {
		t.Fatalf("%q", first.String())
	}
}
