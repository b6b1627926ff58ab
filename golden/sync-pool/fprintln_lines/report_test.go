package report

import "testing"

func TestTable(t *testing.T) {
	if got := Table(map[string]int{"b": 2, "a": 1}); got != "a: 1\nb: 2\ntotal 2" {
		t.Fatalf("Table = %q", got)
	}
	if got := Table(map[string]int{"c": 3}); got != "c: 3\ntotal 1" {
		t.Fatalf("a second Table = %q", got)
	}
}

func TestAllocsPerRun(t *testing.T) {
	counts := map[string]int{"alpha": 1, "beta": 2}
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { Table(counts) }))
}
