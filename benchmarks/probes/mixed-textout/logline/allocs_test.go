package logline

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestLines(t *testing.T) {
	var b strings.Builder
	Pair(&b, "user", "ann")
	if b.String() != "user=ann " {
		t.Fatal(b.String())
	}
	if got := Line("GET", "/x", 200, 3*time.Millisecond); got != "method=GET path=/x status=200 took_ms=3\n" {
		t.Fatal(got)
	}
	var buf bytes.Buffer
	Access(&buf, "10.0.0.1", "-", "GET", "/", 200, 12)
	Raw(&buf, "k", []byte("v"))
	Caller(&buf, "a.go", 3)
	if n := Counted(&buf, "a", "b"); n != 4 {
		t.Fatal(n)
	}
	if got := Fields([]string{"a", "b"}, []string{"1", "2"}); got != "a=1 b=2 " {
		t.Fatal(got)
	}
}

func TestAllocs(t *testing.T) {
	k, v := strings.Repeat("k", 3), strings.Repeat("v", 5)
	var b strings.Builder
	b.Grow(256)
	var buf bytes.Buffer
	buf.Grow(256)
	raw := []byte("value")
	for name, f := range map[string]func(){
		"Pair":    func() { b.Reset(); b.Grow(64); Pair(&b, k, v) },
		"Line":    func() { _ = Line(k, v, 200, time.Second) },
		"Access":  func() { buf.Reset(); Access(&buf, k, v, k, v, 200, 1) },
		"Leveled": func() { b.Reset(); b.Grow(64); Leveled(&b, Warn, v) },
		"Caller":  func() { buf.Reset(); Caller(&buf, k, 7) },
		"Raw":     func() { buf.Reset(); Raw(&buf, k, raw) },
		"Fields":  func() { _ = Fields([]string{k, v}, []string{v, k}) },
	} {
		t.Logf("%s %v", name, testing.AllocsPerRun(100, f))
	}
}
