package hedge

import (
	"context"
	"testing"
	"time"
)

func fast(name string) Backend {
	return func(ctx context.Context, method, key string) string { return name + ":" + method + ":" + key }
}

func slow(ctx context.Context, method, key string) string {
	time.Sleep(200 * time.Millisecond)
	return "slow:" + method + ":" + key
}

func TestBehaviour(t *testing.T) {
	if got := Hedged(context.Background(), fast("p"), fast("s"), "k", Options{Hedge: time.Second}); got != "p:GET:k" {
		t.Fatal(got)
	}
	got := Hedged(context.Background(), slow, fast("s"), "k", Options{Method: "PUT", Hedge: time.Millisecond})
	if got != "s:PUT:k" {
		t.Fatal(got)
	}
}

func TestAllocs(t *testing.T) {
	p := fast("p")
	t.Logf("allocs=%v", testing.AllocsPerRun(50, func() { Hedged(context.Background(), p, p, "k", Options{Hedge: time.Second}) }))
}
