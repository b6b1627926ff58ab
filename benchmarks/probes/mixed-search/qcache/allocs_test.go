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
	n := c.Prefetch([]string{"a", "b", "c"}, struct{ K int }{1}, func(string, int) []rank.Hit { return nil })
	if n != 2 || c.Hits() < 3 {
		t.Fatal(n, c.Hits())
	}
	allocs(t, "Lookup", func() { c.Lookup("go", 10) })
	allocs(t, "Get", func() { c.Get("go", 10) })
}
