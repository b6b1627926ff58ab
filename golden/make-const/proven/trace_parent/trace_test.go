package trace

import (
	"encoding/hex"
	"testing"
)

func TestBehaviour(t *testing.T) {
	var c Context
	hex.Decode(c.TraceID[:], []byte("4bf92f3577b34da6a3ce929d0e0e4736"))
	hex.Decode(c.SpanID[:], []byte("00f067aa0ba902b7"))
	c.Sampled = true
	if got := c.Header(); got != "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01" {
		t.Fatal(got)
	}
	c.Sampled = false
	if got := c.Header(); got != "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00" {
		t.Fatal(got)
	}
}

func TestAllocs(t *testing.T) {
	c := Context{Sampled: true}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { _ = c.Header() }))
}
