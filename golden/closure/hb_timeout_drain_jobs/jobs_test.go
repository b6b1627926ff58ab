package jobs

import (
	"context"
	"testing"
	"time"
)

func run(_ context.Context, job string, weight int) int { return len(job) * weight }

func TestBehaviour(t *testing.T) {
	total, timeouts := Bounded(context.Background(), []string{"ab", "cde"}, time.Hour, 2, run)
	if total != 13 || timeouts != 0 {
		t.Fatal(total, timeouts)
	}
	slow := func(ctx context.Context, job string, weight int) int { <-ctx.Done(); return len(job) * weight }
	total, timeouts = Bounded(context.Background(), []string{"ab", "cde"}, time.Millisecond, 2, slow)
	if total != 13 || timeouts != 2 {
		t.Fatal(total, timeouts)
	}
}

func TestAllocs(t *testing.T) {
	ctx, jobs := context.Background(), []string{"ab", "cde", "f"}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Bounded(ctx, jobs, time.Hour, 2, run) }))
}
