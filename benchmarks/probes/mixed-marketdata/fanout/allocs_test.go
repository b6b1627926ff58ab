package fanout

import (
	"sync/atomic"
	"testing"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

type counter struct{ n atomic.Int64 }

func (c *counter) OnQuote(Quote) { c.n.Add(1) }

func TestAllocs(t *testing.T) {
	var h Hub
	c1, c2 := &counter{}, &counter{}
	h.Subscribe(c1)
	h.Subscribe(c2)
	batch := []Quote{{"A", 1, 2, 1}, {"B", 3, 4, 2}, {"A", 1, 3, 3}}
	f := Filter{Symbols: map[string]bool{"A": true}}
	if n := h.Publish(batch, f); n != 4 {
		t.Fatal(n)
	}
	allocs(t, "Publish", func() { h.Publish(batch, f) })
	if n := h.Snapshot(); n != 2 {
		t.Fatal(n)
	}
	allocs(t, "Snapshot", func() { h.Snapshot() })
	if n := Conflate(batch); n != 2 {
		t.Fatal(n)
	}
	allocs(t, "Conflate", func() { Conflate(batch) })
	var seq uint64
	if s := h.Broadcast(batch[0], &seq); s != "sent" || seq != 1 {
		t.Fatal(s, seq)
	}
	allocs(t, "Broadcast", func() { h.Broadcast(batch[0], &seq) })
	in := make(chan Quote)
	kept := h.Stream(in, Filter{MinSeq: 2})
	in <- Quote{"Z", 1, 1, 5}
	close(in)
	if kept.MinSeq != 2 {
		t.Fatal(kept)
	}
}
