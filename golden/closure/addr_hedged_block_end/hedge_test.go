package hedge

import (
	"context"
	"testing"
	"time"
)

func fast(name string) Backend {
	return func(ctx context.Context, method, key string) string { return name + ":" + method + ":" + key }
}

// slow answers only once the test lets it: the secondary wins however loaded the machine is.
func slow(release <-chan struct{}) Backend {
	return func(ctx context.Context, method, key string) string {
		<-release
		return "slow:" + method + ":" + key
	}
}

func TestBehaviour(t *testing.T) {
	if got := Hedged(context.Background(), fast("p"), slow(nil), "k", Options{Hedge: time.Hour}); got != "p:GET:k" {
		t.Fatal(got)
	}
	release := make(chan struct{})
	defer close(release)
	got := Hedged(context.Background(), slow(release), fast("s"), "k", Options{Method: "PUT", Hedge: time.Millisecond})
	if got != "s:PUT:k" {
		t.Fatal(got)
	}
}

func TestAllocs(t *testing.T) {
	p := fast("p")
	t.Logf("allocs=%v", testing.AllocsPerRun(50, func() { Hedged(context.Background(), p, p, "k", Options{Hedge: time.Second}) }))
}
