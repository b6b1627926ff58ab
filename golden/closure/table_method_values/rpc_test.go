package rpc

import (
	"strings"
	"testing"
)

func TestBehaviour(t *testing.T) {
	s := NewServer("kv")
	var b strings.Builder
	if err := s.Handle(&b, "set k v"); err != nil || b.String() != "OK" {
		t.Fatal(err, b.String())
	}
	b.Reset()
	if err := s.Handle(&b, "GET k"); err != nil || b.String() != "v" {
		t.Fatal(err, b.String())
	}
	if err := s.Handle(&b, "DEL k"); err == nil || err.Error() != `kv: unknown verb "DEL"` {
		t.Fatal(err)
	}
	if err := s.Handle(&b, "get missing"); err == nil || s.requests != 4 {
		t.Fatal(err, s.requests)
	}
}

func TestAllocs(t *testing.T) {
	s := NewServer("kv")
	s.keys["k"] = "v"
	var b strings.Builder
	b.Grow(64)
	line := "GET k"
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { s.Handle(&b, line); b.Reset(); b.Grow(64) }))
}
