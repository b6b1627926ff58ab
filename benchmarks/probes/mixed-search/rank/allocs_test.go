package rank

import (
	"example.com/probes/mixed-search/limits"
	"testing"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func stats() *Stats {
	return &Stats{Docs: 3, AvgLen: 10, DocFreq: map[string]int{"go": 2, "search": 1}, K1: 1.2, B: 0.75}
}

func docs() []Doc {
	return []Doc{
		{1, 10, map[string]int{"go": 2}},
		{2, 12, map[string]int{"go": 1, "search": 3}},
		{3, 8, map[string]int{"rust": 1}},
	}
}

func TestRank(t *testing.T) {
	s, d, terms := stats(), docs(), []string{"go", "search"}
	hits := s.ScoreAll(d, terms)
	if len(hits) != 2 || s.Score(&d[1], terms) <= s.Score(&d[0], terms) {
		t.Fatal(hits)
	}
	if top := TopK(hits, 1); len(top) != 1 || top[0].ID != 2 {
		t.Fatal(top)
	}
	if s.BestScore(d, terms) != TopK(hits, 1)[0].Score || Threshold(hits) != 0 {
		t.Fatal("best")
	}
	var ids [limits.TopK]uint64
	if TopIDs(hits, &ids) != 2 || ids[0] != 2 {
		t.Fatal(ids)
	}
	Normalize(hits)
	allocs(t, "BestScore", func() { s.BestScore(d, terms) })
	allocs(t, "ScoreAll", func() { s.ScoreAll(d, terms) })
	allocs(t, "Threshold", func() { Threshold(hits) })
}
