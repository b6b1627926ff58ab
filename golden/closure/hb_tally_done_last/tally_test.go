package tally

import "testing"

var shards = [][]int{{1, 5, 9}, {2, 6}, {3, 7, 8}}

func TestBehaviour(t *testing.T) {
	if got := AtLeast(shards, 10, 30); got != 6 {
		t.Fatalf("AtLeast = %d, want 6", got)
	}
}

func TestAllocs(t *testing.T) {
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { AtLeast(shards, 10, 30) }))
}
