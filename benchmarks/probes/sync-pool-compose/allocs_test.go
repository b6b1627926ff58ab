package composekit

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

var sales = []Sale{{"eu", "a-1", 3, 9.5}, {"us", "b\t2", 1, 20}}

func gzipped(s string) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	zw.Close()
	return b.Bytes()
}

func TestAllocs(t *testing.T) {
	var sink bytes.Buffer
	sink.Grow(1 << 20)
	mail := &Mail{From: "a@x", To: "b@x", Subject: "héllo", Text: "hi there", Files: []File{{"a.txt", "text/plain", []byte("data")}}}
	q := SelectWhere("t", []string{"a"}, []Cond{{"a", "=", 1}}, 0)
	zdata := gzipped(strings.Repeat("hello ", 100))
	h := Gzip(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, strings.Repeat("x", 200)) }), 100)
	req := httptest.NewRequest("GET", "/", nil)
	req.Header.Set("Accept-Encoding", "gzip")
	rw := httptest.NewRecorder()
	md := "# T\n- `a` **b**\n\npara\n"
	ev := `{"id":"1","type":"t","data":{"k":"v"}}`
	env := `{"events":[{"id":"1","type":"t"}],"meta":{"x":[1,"y"]}}`
	raw := `{"type":"t","raw":{"a":1}}`
	fields := map[string]string{"a": "1", "b": "two words"}
	now := time.Unix(0, 0)
	cases := []struct {
		name string
		f    func()
	}{
		{"SelectWhere", func() { SelectWhere("t", []string{"a", "b"}, []Cond{{"a", "=", 1}}, 10) }},
		{"UpsertSQL", func() { UpsertSQL("t", []string{"id", "a"}, "id") }},
		{"BulkInsert", func() { BulkInsert("t", []string{"a", "b"}, 3) }},
		{"InList", func() { InList("id", 4, 1) }},
		{"Explain", func() { sink.Reset(); Explain(&sink, q) }},
		{"Logfmt", func() { sink.Reset(); Logfmt(&sink, now, "info", "hello world", KV{"n", 1}) }},
		{"SortedFields", func() { SortedFields(fields) }},
		{"AccessLog", func() { sink.Reset(); AccessLog(&sink, "h", "GET", "/", 200, 5, time.Second) }},
		{"Stack", func() { Stack([]string{"main.go:1", "x.go:2"}) }},
		{"JournalLine", func() { sink.Reset(); JournalLine(&sink, 6, "m", fields) }},
		{"ComposeText", func() { sink.Reset(); ComposeText(&sink, mail) }},
		{"ComposeMultipart", func() { sink.Reset(); ComposeMultipart(&sink, mail) }},
		{"EncodeSubject", func() { EncodeSubject(strings.Repeat("héllo wörld ", 8)) }},
		{"RenderMarkdown", func() { sink.Reset(); RenderMarkdown(&sink, strings.NewReader(md)) }},
		{"InlineHTML", func() { InlineHTML("`a` **b** c") }},
		{"TOC", func() { TOC([]string{"One", "Two words"}) }},
		{"CodeBlock", func() { sink.Reset(); CodeBlock(&sink, "go", "a\nb") }},
		{"SalesCSV", func() { sink.Reset(); SalesCSV(&sink, sales) }},
		{"SalesTSV", func() { sink.Reset(); SalesTSV(&sink, sales) }},
		{"SalesXML", func() { sink.Reset(); SalesXML(&sink, sales) }},
		{"SalesJSON", func() { sink.Reset(); SalesJSON(&sink, sales) }},
		{"SalesTable", func() { sink.Reset(); SalesTable(&sink, sales) }},
		{"SalesHTML", func() { SalesHTML(sales) }},
		{"Gzip", func() { rw.Body.Reset(); h.ServeHTTP(rw, req) }},
		{"GzipBytes", func() { GzipBytes([]byte("hello hello hello")) }},
		{"GunzipTo", func() { sink.Reset(); GunzipTo(&sink, bytes.NewReader(zdata)) }},
		{"ErrorPage", func() { rw.Body.Reset(); ErrorPage(rw, 404, "no") }},
		{"ReadEvent", func() { ReadEvent(strings.NewReader(ev), len(ev)) }},
		{"ReadEnvelope", func() { ReadEnvelope(strings.NewReader(env)) }},
		{"ReadAny", func() { ReadAny(strings.NewReader(env)) }},
		{"ReadRaw", func() { ReadRaw(strings.NewReader(raw)) }},
	}
	for _, c := range cases {
		t.Logf("ALLOCS %-16s %v", c.name, testing.AllocsPerRun(50, c.f))
	}
}

func TestBehaviour(t *testing.T) {
	q := SelectWhere("t", []string{"a", "b"}, []Cond{{"a", "=", 1}, {"b", ">", 2}}, 5)
	if want := `SELECT "a", "b" FROM "t" WHERE "a" = $1 AND "b" > $2 LIMIT 5`; q.SQL != want {
		t.Errorf("SelectWhere = %q", q.SQL)
	}
	if got := BulkInsert("t", []string{"a", "b"}, 2); got != `INSERT INTO "t" (a, b) VALUES ($1, $2), ($3, $4)` {
		t.Errorf("BulkInsert = %q", got)
	}
	if got := InList("id", 3, 2); got != `"id" IN ($2,$3,$4)` {
		t.Errorf("InList = %q", got)
	}
	var b bytes.Buffer
	Logfmt(&b, time.Unix(0, 0), "info", "a b", KV{"k", "v"})
	if got := b.String(); got != "time=1970-01-01T00:00:00Z level=info msg=\"a b\" k=v\n" {
		t.Errorf("Logfmt = %q", got)
	}
	b.Reset()
	RenderMarkdown(&b, strings.NewReader("# T\n- `a` **b**\n\np<\n"))
	if got := b.String(); got != "<h1>T</h1>\n<ul>\n<li><code>a</code> <strong>b</strong></li>\n</ul>\n<p>p&lt;</p>\n" {
		t.Errorf("RenderMarkdown = %q", got)
	}
	b.Reset()
	SalesCSV(&b, sales)
	if !strings.HasSuffix(b.String(), "total,,,29.50\n") {
		t.Errorf("SalesCSV = %q", b.String())
	}
	if got := string(Summary(sales)); got != "2 sales, total 29.50" {
		t.Errorf("Summary = %q", got)
	}
	var p1, p2 Page
	p1.Render("# one")
	p2.Render("# two")
	if string(p1.body) != "<h1>one</h1>\n" {
		t.Errorf("Page = %q", p1.body)
	}
	z, _ := GzipBytes([]byte("abc"))
	var out bytes.Buffer
	GunzipTo(&out, bytes.NewReader(z))
	if out.String() != "abc" {
		t.Errorf("GunzipTo = %q", out.String())
	}
	env, err := ReadEnvelope(strings.NewReader(`{"events":[{"id":"1","type":"t","data":{"k":"v"}}],"meta":"m"}`))
	if err != nil || env.Meta != "m" || env.Events[0].Data["k"] != "v" {
		t.Errorf("ReadEnvelope = %+v, %v", env, err)
	}
	v, _ := ReadAny(strings.NewReader(`["x"]`))
	if s := v.([]any)[0]; s != "x" {
		t.Errorf("ReadAny = %v", v)
	}
	ev, _ := ReadRaw(strings.NewReader(`{"type":"t","raw":{"a":1}}`))
	ReadRaw(strings.NewReader(`{"type":"u","raw":[2222222]}`))
	if string(ev.Raw) != `{"a":1}` {
		t.Errorf("ReadRaw kept %q", ev.Raw)
	}
}
