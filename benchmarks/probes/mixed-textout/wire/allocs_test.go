package wire

import (
	"bytes"
	"strings"
	"testing"
)

func TestWire(t *testing.T) {
	if got := string(Heartbeat(7)); got != "8=FIX.4.2\x0135=0\x0134=7\x01" {
		t.Fatalf("%q", got)
	}
	if got := string(Request("GET", "/", "h")); got != "GET / HTTP/1.1\r\nHost: h\r\n" {
		t.Fatalf("%q", got)
	}
	var b strings.Builder
	Escaped(&b, "50")
	Reordered(&b, "k", "v")
	if b.String() != "progress: 50%\r\nv <- k\n" {
		t.Fatalf("%q", b.String())
	}
	var buf bytes.Buffer
	Bulk(&buf, []byte("hi"))
	Auth(&buf, nil)
	if buf.String() != "$2\r\nhi\r\nAUTH PLAIN \r\n" {
		t.Fatalf("%q", buf.String())
	}
}

func TestAllocs(t *testing.T) {
	n, v := strings.Repeat("n", 4), strings.Repeat("v", 3)
	var buf bytes.Buffer
	buf.Grow(256)
	var b strings.Builder
	cred := []byte("AGFubgBzZWNyZXQ=")
	for name, f := range map[string]func(){
		"Header":    func() { buf.Reset(); Header(&buf, n, v) },
		"Request":   func() { _ = Request(n, v, n) },
		"Heartbeat": func() { _ = Heartbeat(42) },
		"Tag":       func() { buf.Reset(); Tag(&buf, 55, v) },
		"Stomp":     func() { _ = Stomp(n, v, 12) },
		"Privmsg":   func() { b.Reset(); b.Grow(64); Privmsg(&b, n, v) },
		"Join":      func() { b.Reset(); b.Grow(64); Join(&b, n, v) },
		"Mail":      func() { _ = Mail(n, []string{v, n}) },
		"Auth":      func() { buf.Reset(); Auth(&buf, cred) },
		"Escaped":   func() { b.Reset(); b.Grow(64); Escaped(&b, v) },
		"Bulk":      func() { buf.Reset(); Bulk(&buf, cred) },
	} {
		t.Logf("%s %v", name, testing.AllocsPerRun(100, f))
	}
}
