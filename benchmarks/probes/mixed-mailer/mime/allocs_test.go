package mime

import (
	"bytes"
	"encoding/base64"
	"io"
	"strings"
	"testing"
)

func TestAllocs(t *testing.T) {
	data := bytes.Repeat([]byte("attachment bytes "), 20)
	var b bytes.Buffer
	WriteBase64(&b, data)
	lines := strings.Split(strings.TrimSpace(b.String()), "\r\n")
	if len(lines) != EncodedLines(len(data)) || len(lines[0]) != 76 {
		t.Fatal(len(lines), len(lines[0]))
	}
	dec, _ := base64.StdEncoding.DecodeString(strings.Join(lines, ""))
	if !bytes.Equal(dec, data) {
		t.Fatal("round trip")
	}
	allocs(t, "WriteBase64", func() { WriteBase64(io.Discard, data) })
	text := strings.Repeat("Grüße aus Köln = viele ", 6) + "\nline two"
	b.Reset()
	WriteQuotedPrintable(&b, text)
	for _, l := range strings.Split(b.String(), "\r\n") {
		if len(l) > 76 {
			t.Fatalf("%d: %q", len(l), l)
		}
	}
	allocs(t, "WriteQuotedPrintable", func() { WriteQuotedPrintable(io.Discard, text) })
	h := FoldHeader("To", strings.Repeat("someone@example.com, ", 8))
	for _, l := range strings.Split(h, "\r\n") {
		if len(l) > 78 {
			t.Fatal(l)
		}
	}
	allocs(t, "FoldHeader", func() { FoldHeader("To", "a@b.c, d@e.f") })
	m := &Message{Header: map[string]string{"Subject": "Hallo Jürgen", "From": "a@x.org"}, Text: "hi", Parts: []Part{{"application/pdf", "a.pdf", data}}}
	allocs(t, "Size", func() { m.Size("b1") })
	r1, _ := m.Render("b1")
	r2, _ := m.Render("b2")
	if bytes.Equal(r1, r2) || !bytes.Contains(r1, []byte("--b1--")) || !bytes.HasPrefix(r1, []byte("From: a@x.org")) {
		t.Fatalf("%s", r1)
	}
	bnd, _ := Boundary(strings.NewReader("0123456789abcdef"))
	if bnd != "=_303132333435363738396162" {
		t.Fatal(bnd)
	}
	if ct := ContentType("text/plain", map[string]string{"charset": "utf-8"}); ct != `text/plain; charset="utf-8"` {
		t.Fatal(ct)
	}
}
