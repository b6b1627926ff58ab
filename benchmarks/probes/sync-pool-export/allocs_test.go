package exportkit

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"text/template"
	htmltemplate "html/template"
	"time"
)

type discardRW struct{ h http.Header }

func (d *discardRW) Header() http.Header         { return d.h }
func (d *discardRW) Write(p []byte) (int, error) { return len(p), nil }
func (d *discardRW) WriteHeader(int)             {}

func TestAllocs(t *testing.T) {
	var sink bytes.Buffer
	sink.Grow(1 << 20)
	core := NewCore(&sink, InfoLevel)
	ts := time.Unix(1700000000, 0)
	rw := &discardRW{h: http.Header{}}
	req := httptest.NewRequest("GET", "/items?pretty=1", nil)
	req.Header.Set("Accept-Encoding", "gzip")
	items := []Item{{1, "a", 1.5}, {2, "b", 2}}
	orders := []Order{{ID: 1, Customer: "ann", Total: 3, Placed: ts, Tags: []string{"x"}}}
	path := filepath.Join(t.TempDir(), "f")
	os.WriteFile(path, bytes.Repeat([]byte("x"), 4000), 0o600)
	entries := []Entry{{Name: "a.txt", Mode: 0o644, ModTime: ts, Data: []byte("hello")}}
	var tarball bytes.Buffer
	WriteTarGz(&tarball, entries)
	subj := template.Must(template.New("s").Parse(" hi {{.}} "))
	page := htmltemplate.Must(htmltemplate.New("p").Parse("<p>{{.}}</p>"))
	d := Welcome{Name: "Ann", Login: "ann", Links: []string{"https://x"}, To: "a@x"}
	list := ListHandler(func(int, int) ([]Item, int, error) { return items, 2, nil })
	open := func(string) (io.ReadCloser, error) { return io.NopCloser(strings.NewReader("abc")), nil }
	manifest := "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  a\n"
	cases := []struct {
		name string
		f    func()
	}{
		{"WriteJSON", func() { sink.Reset(); core.WriteJSON(ts, InfoLevel, "hello", Int("n", 1)) }},
		{"WriteLogfmt", func() { sink.Reset(); core.WriteLogfmt(ts, InfoLevel, "hello", String("k", "v")) }},
		{"RespondJSON", func() { RespondJSON(rw, 200, items) }},
		{"RespondIndented", func() { RespondIndented(rw, req, items) }},
		{"RespondGzip", func() { RespondGzip(rw, req, items) }},
		{"StreamNDJSON", func() { StreamNDJSON(rw, items) }},
		{"ListHandler", func() { list(rw, req) }},
		{"ExportOrdersCSV", func() { sink.Reset(); ExportOrdersCSV(&sink, orders) }},
		{"OrdersCSV", func() { OrdersCSV(orders) }},
		{"ExportTSV", func() { sink.Reset(); ExportTSV(&sink, []string{"a"}, [][]string{{"x"}}) }},
		{"CSVRow", func() { CSVRow("a", "b,c") }},
		{"CountCSVRows", func() { CountCSVRows(strings.NewReader("a,b\nc,d\n")) }},
		{"FileSHA256", func() { FileSHA256(path) }},
		{"Digests", func() { Digests(strings.NewReader("abc")) }},
		{"CRC32File", func() { CRC32File(path) }},
		{"VerifyManifest", func() { VerifyManifest(strings.NewReader(manifest), open) }},
		{"WriteTarGz", func() { sink.Reset(); WriteTarGz(&sink, entries) }},
		{"CopyFromTar", func() { sink.Reset(); CopyFromTar(&sink, bytes.NewReader(tarball.Bytes()), "a.txt") }},
		{"WriteZip", func() { sink.Reset(); WriteZip(&sink, entries) }},
		{"GzipSize", func() { GzipSize([]byte("hello hello")) }},
		{"WriteWelcome", func() { sink.Reset(); WriteWelcome(&sink, d, "b0") }},
		{"RenderSubject", func() { RenderSubject(subj, "x") }},
		{"RenderHTML", func() { sink.Reset(); RenderHTML(&sink, page, "x") }},
		{"WriteAttachment", func() { sink.Reset(); WriteAttachment(&sink, "a.txt", "text/plain", []byte("hello")) }},
	}
	for _, c := range cases {
		t.Logf("ALLOCS %-16s %v", c.name, testing.AllocsPerRun(50, c.f))
	}
}

func TestBehaviour(t *testing.T) {
	var b bytes.Buffer
	core := NewCore(&b, InfoLevel)
	core.WriteLogfmt(time.Unix(0, 0), WarnLevel, "a b", String("k", "v"), Int("n", 3))
	if got := b.String(); got != `ts=1970-01-01T00:00:00Z level=warn msg="a b" k=v n=3`+"\n" {
		t.Fatalf("logfmt %q", got)
	}
	b.Reset()
	core.WriteJSON(time.UnixMilli(5), InfoLevel, "q\"", Int("n", -2), Bool("ok", true))
	if got := b.String(); got != `{"level":"info","ts":5,"msg":"q\"","n":-2,"ok":true}`+"\n" {
		t.Fatalf("json %q", got)
	}
	for i := 0; i < 3; i++ {
		s, err := OrdersCSV([]Order{{ID: int64(i), Customer: "x,y", Placed: time.Unix(0, 0)}})
		if err != nil || !strings.Contains(s, `"x,y"`) || strings.Count(s, "\n") != 2 {
			t.Fatalf("csv %q %v", s, err)
		}
	}
	if got := CSVRow("a", "b,c"); got != `a,"b,c"` {
		t.Fatalf("row %q", got)
	}
	md, sha, _ := Digests(strings.NewReader("abc"))
	if md != "900150983cd24fb0d6963f7d28e17f72" || !strings.HasPrefix(sha, "ba7816bf") {
		t.Fatalf("digests %s %s", md, sha)
	}
	var tb bytes.Buffer
	WriteTarGz(&tb, []Entry{{Name: "x", Mode: 0o600, Data: []byte("hi")}})
	var out bytes.Buffer
	if ok, err := CopyFromTar(&out, bytes.NewReader(tb.Bytes()), "x"); ok || err == nil {
		// gzip stream, not tar: CopyFromTar must fail on it
		t.Fatalf("tar.gz read as tar: %v %v", ok, err)
	}
	rec := httptest.NewRecorder()
	RespondJSON(rec, 201, map[string]int{"a": 1})
	if rec.Code != 201 || rec.Body.String() != "{\"a\":1}\n" || rec.Header().Get("Content-Length") != "8" {
		t.Fatalf("respond %d %q %v", rec.Code, rec.Body.String(), rec.Header())
	}
	for i := 0; i < 2; i++ {
		var w bytes.Buffer
		n, err := WriteZip(&w, []Entry{{Name: "a", Data: []byte("z")}})
		if err != nil || n != int64(w.Len()) {
			t.Fatalf("zip %d %v", n, err)
		}
	}
}
