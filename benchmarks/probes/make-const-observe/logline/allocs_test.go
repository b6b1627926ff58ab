package logline

import (
	"testing"
	"time"
)

func TestAllocs(t *testing.T) {
	if s, _ := Component("db", 6); s != "db    " {
		t.Fatalf("%q", s)
	}
	allocs(t, "Component", func() { Component("scheduler", 48) })
	if LevelTag(Warn) != "[WARN]" {
		t.Fatal(LevelTag(Warn))
	}
	allocs(t, "LevelTag", func() { LevelTag(Error) })
	if s := UnixNano(1700000000123456789, 3); s != "1700000000.123" {
		t.Fatal(s)
	}
	allocs(t, "UnixNano", func() { UnixNano(1700000000123456789, 9) })
	ts := time.Date(2026, 12, 5, 12, 0, 0, 42, time.UTC)
	if s := Stamp(ts, false, "UTC"); s != "2026-12-05 12:00:00 UTC" {
		t.Fatal(s)
	}
	allocs(t, "Stamp", func() { Stamp(ts, true, "Europe/B") })
	if s := Caller("/src/app/server/handler.go", 42); s != "handler.go:42" {
		t.Fatal(s)
	}
	allocs(t, "Caller", func() { Caller("/src/app/server/a_rather_long_generated_file_name_for_handlers.go", 123456) })
	if s := Human(3723*time.Second, 2); s != "1h 2m" {
		t.Fatal(s)
	}
	allocs(t, "Human", func() { Human(3723*time.Second+5*time.Millisecond, 4) })
	if s := Align(1500*time.Millisecond, 8); s != "    1.5s" {
		t.Fatalf("%q", s)
	}
	allocs(t, "Align", func() { Align(1500*time.Millisecond, 48) })
	allocs(t, "KV", func() { KV(nil, "user_agent_with_a_long_key_name", "Mozilla/5.0 (X11; Linux x86_64)") })
}
