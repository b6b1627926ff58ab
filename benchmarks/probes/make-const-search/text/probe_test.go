package text

import (
	"strings"
	"testing"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	long := "InternationalizationOfSearchEnginesAndTheirTokenizers"
	if LowerKey("HeLLo") != LowerKey("hello") {
		t.Fatal("LowerKey")
	}
	allocs(t, "LowerKey", func() { LowerKey(long) })
	if StemKey("Nationalization") != StemKey("nationalization") || StemKey("running") != StemKey("runn") {
		t.Fatal("StemKey")
	}
	allocs(t, "StemKey", func() { StemKey(long) })
	if n := FoldRunes("AaBbéÉ"); n != 4 {
		t.Fatal("FoldRunes", n)
	}
	allocs(t, "FoldRunes", func() { FoldRunes(long) })
	tok, err := NewTokenizer(2, 40)
	if err != nil {
		t.Fatal(err)
	}
	if tok.Fingerprint("a Hello, world") != tok.Fingerprint("hello WORLD") {
		t.Fatal("Fingerprint")
	}
	doc := strings.Repeat("the quick brown fox jumps over the lazy dog ", 4)
	allocs(t, "Fingerprint", func() { tok.Fingerprint(doc) })
	if n := len(TokenStarts("ab cd  ef")); n != 3 {
		t.Fatal("TokenStarts", n)
	}
	if n := CountTokens(doc); n != 36 {
		t.Fatal("CountTokens", n)
	}
	allocs(t, "CountTokens", func() { CountTokens(doc) })
	if NgramSignature("search", 3) == 0 || NgramSignature("search", 9) != 0 {
		t.Fatal("NgramSignature")
	}
	allocs(t, "NgramSignature", func() { NgramSignature(long, 3) })
	if o := TrigramOverlap("search", "search"); o != 1 {
		t.Fatal("TrigramOverlap", o)
	}
	allocs(t, "TrigramOverlap", func() { TrigramOverlap(long, "internationalisation") })
	if len(Trigrams("abcd")) != 2 {
		t.Fatal("Trigrams")
	}
	words := strings.Fields(doc)
	if n := ShingleCount(words, 3); n != 9 {
		t.Fatal("ShingleCount", n)
	}
	allocs(t, "ShingleCount", func() { ShingleCount(words, 3) })
	if len(Shingles(words, 3)) != len(words)-2 {
		t.Fatal("Shingles")
	}
	m := NewMinHasher(32)
	a, b := Shingles(words, 2), Shingles(words[1:], 2)
	if s := m.Similarity(a, a); s != 1 {
		t.Fatal("Similarity", s)
	}
	allocs(t, "Similarity", func() { m.Similarity(a, b) })
	if len(m.Signature(a)) != 32 {
		t.Fatal("Signature")
	}
	stored := map[uint64]bool{}
	if n := m.Bands(a, 4, stored); n != 0 {
		t.Fatal("Bands", n)
	}
	allocs(t, "Bands", func() { m.Bands(a, 4, stored) })
}
