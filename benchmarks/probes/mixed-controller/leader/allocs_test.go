package leader

import (
	"context"
	"testing"
	"time"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestElection(t *testing.T) {
	var s MemoryStore
	now := time.Unix(1000, 0)
	ids := []string{"a", "b", "c"}
	got := Campaign(&s, ids, Config{}, now)
	if got == "" {
		t.Fatal("nobody leads")
	}
	if again := Campaign(&s, ids, Config{}, now.Add(time.Second)); again != got {
		t.Fatal(again, got)
	}
	allocs(t, "Campaign", func() { Campaign(&s, ids, Config{}, now) })
	ctx, cancel := context.WithCancel(context.Background())
	started := make(chan bool, 1)
	e := &Elector{ID: got, Store: &s, Cfg: Config{RetryPeriod: time.Millisecond}}
	done := make(chan int)
	go func() { done <- e.Run(ctx, func() { started <- true }) }()
	<-started
	if !e.IsLeader() {
		t.Fatal("not leading")
	}
	changes := make(chan string, 4)
	Watch(ctx, &s, Config{RetryPeriod: time.Millisecond}, changes)
	if h := <-changes; h != got {
		t.Fatal(h)
	}
	cancel()
	if n := <-done; n < 1 {
		t.Fatal(n)
	}
}
