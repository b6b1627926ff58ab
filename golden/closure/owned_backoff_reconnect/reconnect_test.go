package reconnect

import (
	"errors"
	"testing"
	"time"
)

func TestBehaviour(t *testing.T) {
	fails := 3
	dial := func() error {
		if fails > 0 {
			fails--
			return errors.New("refused")
		}
		return nil
	}
	start := time.Now()
	if n := <-Reconnect(dial, time.Millisecond, 2*time.Millisecond, nil); n != 4 {
		t.Fatal(n)
	}
	if d := time.Since(start); d < 5*time.Millisecond {
		t.Fatal("backoff not applied", d)
	}
	stop := make(chan struct{})
	close(stop)
	if n := <-Reconnect(func() error { return errors.New("down") }, time.Hour, time.Hour, stop); n != -1 {
		t.Fatal(n)
	}
}

func TestAllocs(t *testing.T) {
	ok := func() error { return nil }
	t.Logf("allocs=%v", testing.AllocsPerRun(50, func() { <-Reconnect(ok, time.Millisecond, time.Second, nil) }))
}
