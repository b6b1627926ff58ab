package keys

import "testing"

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	if n, err := LongestRepeat("banana"); err != nil || n != 3 {
		t.Fatal("LongestRepeat", n, err)
	}
	if SuffixRanks("banana") == SuffixRanks("ananab") {
		t.Fatal("SuffixRanks")
	}
	key := "mississippi-river-delta-region-x"
	allocs(t, "SuffixRanks", func() { SuffixRanks(key) })
	buckets := map[uint32]bool{}
	if PrefixHashes(key, buckets) != 0 {
		t.Fatal("PrefixHashes")
	}
	allocs(t, "PrefixHashes", func() { PrefixHashes(key, buckets) })
	if Reverse("ab") == Reverse("ba") {
		t.Fatal("Reverse")
	}
	allocs(t, "Reverse", func() { Reverse(key) })
	c, err := NewCompleter([]string{"search", "sea", "seal", "season", "tree"}, 10)
	if err != nil {
		t.Fatal(err)
	}
	if n := c.Count("sea"); n != 4 {
		t.Fatal("Count", n)
	}
	allocs(t, "Count", func() { c.Count("sea") })
	if len(c.Complete("se")) != 4 {
		t.Fatal("Complete")
	}
	if n := CommonPrefix([]string{key, "mississippi-river", "missive"}); n != 5 {
		t.Fatal("CommonPrefix", n)
	}
	allocs(t, "CommonPrefix", func() { CommonPrefix([]string{key, "mississippi-river", "missive"}) })
}
