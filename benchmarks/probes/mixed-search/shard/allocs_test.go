package shard

import (
	"context"
	"testing"

	"example.com/probes/mixed-search/rank"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func shards() []*Shard {
	st := &rank.Stats{Docs: 4, AvgLen: 10, DocFreq: map[string]int{"go": 2, "search": 2}, K1: 1.2, B: 0.75}
	return []*Shard{
		{ID: 0, Stats: st, Docs: []rank.Doc{{ID: 1, Len: 10, Freqs: map[string]int{"go": 2}}, {ID: 2, Len: 9, Freqs: map[string]int{"search": 1}}}},
		{ID: 1, Stats: st, Docs: []rank.Doc{{ID: 3, Len: 11, Freqs: map[string]int{"go": 1, "search": 2}}, {ID: 4, Len: 10, Freqs: nil}}},
	}
}

func TestShard(t *testing.T) {
	ss := shards()
	if got := Search(ss, "go search", Options{}); len(got) != 3 || got[0].ID != 3 {
		t.Fatal(got)
	}
	if got, err := SearchChecked(ss, "go", Options{K: 1}); err != nil || len(got) != 1 {
		t.Fatal(got, err)
	}
	if _, err := SearchChecked(ss, "go", Options{K: 5000}); err == nil {
		t.Fatal("k")
	}
	if got, missed := SearchCtx(context.Background(), ss, "search", Options{}); len(got) != 2 || missed != 0 {
		t.Fatal(got, missed)
	}
	if o, lines := Explain(ss, "go", Options{Explain: true}); o.Explain || lines[0] == "" {
		t.Fatal(o, lines)
	}
	if c := Counts(ss, "go"); c[0] != 1 || c[1] != 1 {
		t.Fatal(c)
	}
	if Warm(ss, "go", Options{}) == 0 || len(Merge([][]rank.Hit{{{ID: 1, Score: 2}}, {{ID: 2, Score: 3}}}, 1)) != 1 {
		t.Fatal("warm")
	}
	out, stop := make(chan []rank.Hit, 1), make(chan struct{})
	Live(ss, "go", Options{Timeout: 1e6}, out, stop)
	<-out
	close(stop)
	if Calls(ss)[0] == 0 {
		t.Fatal("calls")
	}
	allocs(t, "Search", func() { Search(ss, "go search", Options{}) })
	allocs(t, "SearchChecked", func() { SearchChecked(ss, "go", Options{K: 1}) })
	allocs(t, "SearchCtx", func() { SearchCtx(context.Background(), ss, "search", Options{}) })
	allocs(t, "Explain", func() { Explain(ss, "go", Options{Explain: true}) })
	allocs(t, "Counts", func() { Counts(ss, "go") })
}
