package index

import (
	"strings"
	"testing"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	docs := make([]uint32, BlockSize)
	for i := range docs {
		docs[i] = uint32(3*i + 1)
	}
	enc, err := AppendBlock(nil, docs)
	if err != nil || len(enc) != BlockSize {
		t.Fatal("AppendBlock", len(enc), err)
	}
	dst := make([]byte, 0, 1024)
	allocs(t, "AppendBlock", func() { AppendBlock(dst, docs) })
	if n := BlockBytes(docs); n != BlockSize {
		t.Fatal("BlockBytes", n)
	}
	allocs(t, "BlockBytes", func() { BlockBytes(docs) })
	if s, err := SumBlock(enc, BlockSize); err != nil || s != uint64(3*BlockSize*(BlockSize-1)/2+BlockSize) {
		t.Fatal("SumBlock", s, err)
	}
	allocs(t, "SumBlock", func() { SumBlock(enc, BlockSize) })
	if d, _ := DecodeBlock(enc, 3); len(d) != 3 || d[2] != 7 {
		t.Fatal("DecodeBlock", d)
	}
	big := make([]uint32, 1000)
	for i := range big {
		big[i] = uint32(2 * i)
	}
	if b := BlockMaxima(big, 300); b != 1 {
		t.Fatal("BlockMaxima", b)
	}
	if b := SegmentSkips(big, 1900); b != 7 {
		t.Fatal("SegmentSkips", b)
	}
	allocs(t, "SegmentSkips", func() { SegmentSkips(big, 1900) })
	if n := IntersectCount(docs, big); n != 64 {
		t.Fatal("IntersectCount", n)
	}
	var c Cursor
	if err := c.Load(enc, 4); err != nil || c.block[3] != 10 {
		t.Fatal("Load", err)
	}
	q, err := ParseQuery("+search -spam engine index")
	if err != nil || q.Len() != 4 {
		t.Fatal("ParseQuery", err)
	}
	allocs(t, "ParseQuery", func() { ParseQuery("+search -spam engine index of the web") })
	has := func(s string) bool { return s == "search" || s == "index" }
	if !q.Matches(has) {
		t.Fatal("Matches")
	}
	allocs(t, "Matches", func() { q.Matches(has) })
	if len(TermsOf("a -b +c")) != 2 {
		t.Fatal("TermsOf")
	}
	if Phrase("quick brown fox") == Phrase("quick fox brown") {
		t.Fatal("Phrase")
	}
	allocs(t, "Phrase", func() { Phrase("the quick brown fox jumps over the lazy dog") })
	s := &BM25{K1: 1.2, B: 0.75, Weights: [NumFields]float64{3, 1, 2, 0.5}, AvgLen: [NumFields]float64{8, 400, 20, 6}}
	tf := [][NumFields]int{{1, 4, 0, 1}, {0, 2, 1, 0}, {1, 1, 1, 1}}
	lens := [NumFields]int{7, 350, 12, 5}
	idf := []float64{1.5, 0.7, 2.2}
	if sc := s.Score(tf, lens, idf); sc <= 0 {
		t.Fatal("Score", sc)
	}
	allocs(t, "Score", func() { s.Score(tf, lens, idf) })
	df := func(string) int { return 10 }
	if IDF(&q, df, 1000) <= 0 {
		t.Fatal("IDF")
	}
	allocs(t, "IDF", func() { IDF(&q, df, 1000) })
	scores := make([]float64, 500)
	for i := range scores {
		scores[i] = float64((i * 37) % 501)
	}
	if k := KthScore(scores, 10); k != 491 {
		t.Fatal("KthScore", k)
	}
	allocs(t, "KthScore", func() { KthScore(scores, 10) })
	if top := TopK(scores, 3); len(top) != 3 || scores[top[0]] != 500 {
		t.Fatal("TopK", top)
	}
	tfs := [][][NumFields]int{tf, tf, tf}
	if ScoreShards(s, tfs, lens, idf) <= 0 {
		t.Fatal("ScoreShards")
	}
	if v := <-Prefetch(s, tfs, lens, idf); v <= 0 {
		t.Fatal("Prefetch")
	}
	_ = strings.Fields
}
