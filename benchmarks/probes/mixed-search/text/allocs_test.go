package text

import "testing"

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestText(t *testing.T) {
	if got := Analyze("The Quick brown fox IS fast"); len(got) != 4 || got[0] != "quick" {
		t.Fatal(got)
	}
	if _, stop := Normalize("THE"); !stop {
		t.Fatal("THE")
	}
	if Fold("HeLLo") != Fold("hello") || FoldKey("ÄBC") != FoldKey("äbc") {
		t.Fatal("fold")
	}
	if CountTerms("the Cat and the Hat") != 2 {
		t.Fatal(CountTerms("the Cat and the Hat"))
	}
	n := 0
	NgramHashes("search", func(uint32) { n++ })
	if n != 4 || len(Ngrams("ab")) != 2 {
		t.Fatal(n, Ngrams("ab"))
	}
	if len(ShingleHashes([]string{"a", "b", "c"})) != 2 || Overlap("search", "search") != 1 {
		t.Fatal("shingles")
	}
	allocs(t, "Normalize", func() { Normalize("Searching") })
	allocs(t, "FoldKey", func() { FoldKey("Searching") })
	allocs(t, "CountTerms", func() { CountTerms("the Cat and the Hat") })
	allocs(t, "NgramHashes", func() { NgramHashes("searching", func(uint32) {}) })
	allocs(t, "ShingleHashes", func() { ShingleHashes([]string{"fast", "index", "search", "engine"}) })
}
