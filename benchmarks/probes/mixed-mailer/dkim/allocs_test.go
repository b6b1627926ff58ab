package dkim

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

func TestAllocs(t *testing.T) {
	var b bytes.Buffer
	CanonBody(&b, []byte("Hi  there \t\r\n\r\nbye\r\n\r\n\r\n"))
	if b.String() != "Hi there\r\n\r\nbye\r\n" {
		t.Fatalf("%q", b.String())
	}
	if CanonHeader(Header{"Subject ", "  Hello   world "}) != "subject:Hello world\r\n" {
		t.Fatal(CanonHeader(Header{"Subject ", "  Hello   world "}))
	}
	body := []byte(strings.Repeat("a line of text  \r\n", 10))
	bh := BodyHash(body)
	if len(bh) != 44 {
		t.Fatal(bh)
	}
	allocs(t, "BodyHash", func() { BodyHash(body) })
	signed := []string{"from", "to", "subject"}
	tags := Tags("example.com", "s1", signed, bh)
	if !strings.Contains(tags, "h=from:to:subject;") {
		t.Fatal(tags)
	}
	allocs(t, "Tags", func() { Tags("example.com", "s1", signed, bh) })
	allocs(t, "WriteTags", func() { WriteTags(io.Discard, "example.com", "s1", signed, bh) })
	hs := []Header{{"From", "a@x.org"}, {"To", "b@y.org"}, {"Subject", "hi"}}
	if len(HeaderHash(hs, signed, tags)) != 32 {
		t.Fatal("hash")
	}
	allocs(t, "CanonBody", func() { CanonBody(io.Discard, body) })
}
