package events

import (
	"sync/atomic"
	"testing"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestEvents(t *testing.T) {
	var b Bus
	var hits atomic.Int64
	b.On(Damage{}, func(ev any) { hits.Add(int64(ev.(Damage).Amount)) })
	b.On(Spawn{}, func(any) {})
	if n := b.Hit(1, 2, 5); n != 1 || hits.Load() != 5 {
		t.Fatal(n, hits.Load())
	}
	b.Spawned(3, "orc")
	if len(b.history) != 1 {
		t.Fatal(b.history)
	}
	if Describe(Damage{1, 2, 3}) != "damage 3 -> 1 (2)" || Describe(Spawn{Kind: "orc"}) != "spawn orc" || Describe(1) != "unknown" {
		t.Fatal("describe")
	}
	batch := []any{Score{"a", 3}, Damage{Amount: 1}, Score{"b", 4}}
	if Points(batch) != 7 || Tally(batch)["events.Score"] != 2 {
		t.Fatal(Tally(batch))
	}
	if !Validate(1, 10) || Validate(1, 0) {
		t.Fatal("validate")
	}
	if n := b.Dispatch(batch); n != 1 {
		t.Fatal(n)
	}
	allocs(t, "Hit", func() { b.Hit(1, 2, 5) })
	allocs(t, "Validate", func() { Validate(1, 10) })
	allocs(t, "Dispatch", func() { b.Dispatch(batch) })
}
