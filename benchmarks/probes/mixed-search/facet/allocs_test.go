package facet

import (
	"io"
	"testing"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestFacet(t *testing.T) {
	c := NewCounter("lang")
	for _, v := range []string{"go", "go", "rust", "c"} {
		c.Add(v)
	}
	if top := c.Top(); top[0].Value != "go" || c.TopTotal() != 4 {
		t.Fatal(top)
	}
	if b := Buckets([]float64{0, 5, 11.9}, 0, 12); b[0] != 1 || b[5] != 1 || b[11] != 1 {
		t.Fatal(b)
	}
	if Histogram([]int{0, 1, 1, 2}, 40) != 2 {
		t.Fatal("hist")
	}
	docs := []map[string]string{{"lang": "go", "os": "linux"}, {"lang": "go"}, {"lang": "gleam", "os": "mac"}}
	if cs := Parallel(docs, []string{"lang", "os"}); cs[0].Top()[0].N != 2 || len(cs[1].Top()) != 2 {
		t.Fatal(cs)
	}
	if n, f := Distinct(docs, "lang", Filter{Prefix: "g"}); n != 2 || f.Prefix != "" {
		t.Fatal(n, f)
	}
	c.Write(io.Discard)
	allocs(t, "TopTotal", func() { c.TopTotal() })
	allocs(t, "Histogram", func() { Histogram([]int{0, 1, 1, 2}, 40) })
	allocs(t, "Write", func() { c.Write(io.Discard) })
	allocs(t, "Parallel", func() { Parallel(docs, []string{"lang", "os"}) })
	allocs(t, "Distinct", func() { Distinct(docs, "lang", Filter{Prefix: "g"}) })
}
