package gather

import (
	"context"
	"testing"
)

func ask(_ context.Context, shard string, scale int) int { return len(shard) * scale }

func TestBehaviour(t *testing.T) {
	if got := Gather(context.Background(), []string{"eu", "us", "apac"}, 2, 3, ask); got != 72 {
		t.Fatal(got)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	block := func(ctx context.Context, _ string, _ int) int { <-ctx.Done(); return 1 }
	if got := Gather(ctx, []string{"eu", "us"}, 2, 3, block); got > 6 { // at most one answer per shard and round before it sees ctx done
		t.Fatal(got)
	}
}

func TestAllocs(t *testing.T) {
	ctx, shards := context.Background(), []string{"eu", "us", "apac"}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Gather(ctx, shards, 2, 2, ask) }))
}
