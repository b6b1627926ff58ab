package shipper

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("%s: %v allocs/op", name, testing.AllocsPerRun(100, f))
}

var lines = []Line{{"web", "GET /"}, {"db", "slow query"}}

func TestAllocs(t *testing.T) {
	s := NewShipper(2048)
	spool := bytes.Repeat([]byte("x"), 64<<10)
	allocs(t, "Flush", func() { _ = s.Flush(io.Discard, lines) })
	allocs(t, "Relay", func() { _, _ = Relay(io.Discard, bytes.NewReader(spool)) })
	allocs(t, "Checksum", func() { _, _ = Checksum(bytes.NewReader(spool)) })
	allocs(t, "PageSum", func() { _, _ = PageSum(bytes.NewReader(spool)) })
	allocs(t, "SumInts", func() { _, _ = SumInts(bytes.NewReader(spool)) })
	allocs(t, "IndexSum", func() { _, _ = IndexSum(bytes.NewReader(spool)) })
	allocs(t, "CopyPages", func() { _, _ = CopyPages(io.Discard, bytes.NewReader(spool)) })
	allocs(t, "Frame", func() { _ = Frame(io.Discard, spool[:100]) })
}

func TestBehaviour(t *testing.T) {
	var out bytes.Buffer
	if err := NewShipper(16).Flush(&out, lines); err != nil || out.String() != "web GET /\ndb slow query\n" {
		t.Fatalf("Flush = %q, %v", out.String(), err)
	}
	if n, err := Relay(io.Discard, strings.NewReader("abc")); n != 3 || err != nil {
		t.Fatalf("Relay = %d, %v", n, err)
	}
	if got, err := LongestLine(strings.NewReader("ab\nabcd\n")); got != 4 || err != nil {
		t.Fatalf("LongestLine = %d, %v", got, err)
	}
	if _, err := PageSum(bytes.NewReader(make([]byte, 8<<10))); err != ErrCorrupt {
		t.Fatalf("PageSum of zeros = %v", err)
	}
}

func TestShortReads(t *testing.T) {
	old := readAhead
	defer func() { readAhead = old }()
	readAhead = 3
	if n, err := Tail(strings.NewReader("hello, world")); n != 12 || err != nil {
		t.Fatalf("Tail = %d, %v", n, err)
	}
}
