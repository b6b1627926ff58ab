package quotes

import (
	"context"
	"testing"
	"time"
)

// quote prices a venue by its name and the deadline it was given.
func quote(ctx context.Context, venue string) int {
	deadline, _ := ctx.Deadline()
	return len(venue)*100 + int(time.Until(deadline)/time.Hour)
}

func TestBehaviour(t *testing.T) {
	if got := Best(context.Background(), []string{"nyse", "lse", "tse"}, 3, time.Hour+time.Minute, quote); got != 301 {
		t.Fatal(got)
	}
	if got := Best(context.Background(), nil, 2, time.Hour, quote); got != -1 {
		t.Fatal(got)
	}
}

func TestAllocs(t *testing.T) {
	ctx, venues := context.Background(), []string{"nyse", "lse", "tse"}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Best(ctx, venues, 2, time.Hour, quote) }))
}
