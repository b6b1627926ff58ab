package qcache

import (
	"testing"

	"example.com/probes/mixed-search/rank"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestCache(t *testing.T) {
	c := New(2)
	c.Put("go", 10, []rank.Hit{{ID: 1, Score: 1}})
	if _, ok := c.Get("go", 10); !ok {
		t.Fatal("get")
	}
	if _, ok := c.Lookup("go", 10); !ok {
		t.Fatal("lookup")
	}
	c.Put("a", 1, nil)
	c.Put("b", 1, nil)
	if _, ok := c.Get("go", 10); ok {
		t.Fatal("evict")
	}
	// a cache with room for every query: no Put of a goroutine evicts what another is about to find
	p := New(8)
	p.Put("a", 1, nil)
	p.Put("b", 1, nil)
	n := p.Prefetch([]string{"a", "b", "c"}, struct{ K int }{1}, func(string, int) []rank.Hit { return nil })
	if n != 2 || p.Hits() != 2 {
		t.Fatal(n, p.Hits())
	}
	allocs(t, "Lookup", func() { c.Lookup("go", 10) })
	allocs(t, "Get", func() { c.Get("go", 10) })
}
