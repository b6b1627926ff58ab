package poll

import "testing"

func TestBehaviour(t *testing.T) {
	got := Pages([]string{"a", "bb"}, 3, func(s string, cursor int) int { return len(s) + cursor })
	if got != 14 {
		t.Fatal(got)
	}
}

func TestAllocs(t *testing.T) {
	shards := []string{"a", "b", "c"}
	read := func(string, int) int { return 1 }
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Pages(shards, 4, read) }))
}
