package recommend

import (
	"context"
	"testing"
	"time"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func flat(_ context.Context, _, sku string) float64 { return float64(len(sku)) }

func TestAllocs(t *testing.T) {
	ctx := context.Background()
	skus := []string{"TEE1", "MUG77", "CAP"}
	w := Weights{1, 1, 2, map[string]float64{"CAP": 3}}
	top := Top(ctx, "ada", skus, [3]Scorer{flat, flat, flat}, w)
	if top[0].SKU != "CAP" || top[0].Score != 9 {
		t.Fatal(top)
	}
	allocs(t, "Top", func() { Top(ctx, "ada", skus, [3]Scorer{flat, flat, flat}, w) })
	if b := Boosted(skus, w); b[2] != 3 {
		t.Fatal(b)
	}
	allocs(t, "Boosted", func() { Boosted(skus, w) })
	if s, b := Deadline(ctx, "ada", skus, flat, time.Second); s != 12 || b != 0 {
		t.Fatal(s, b)
	}
	allocs(t, "Deadline", func() { Deadline(ctx, "ada", skus, flat, time.Second) })
	if m := Segments(ctx, "ada", skus, flat); m["MUG77"] != 5 {
		t.Fatal(m)
	}
	allocs(t, "Segments", func() { Segments(ctx, "ada", skus, flat) })
	if r := Rebalance(skus, w); len(r) != 3 {
		t.Fatal(r)
	}
}
