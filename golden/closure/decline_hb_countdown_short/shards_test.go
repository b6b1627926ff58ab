package shards

import "testing"

func TestBehaviour(t *testing.T) {
	ask := func(shard string, limit int) int { return min(limit, len(shard)) }
	if got := Query([]string{"primary-a", "primary-b", "replica-eu-west"}, 25, ask); got != 25 {
		t.Fatalf("got %d rows, want 25 (the replica fills the remaining 7)", got)
	}
}
