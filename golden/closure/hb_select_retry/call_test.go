package retry

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"
)

func TestBehaviour(t *testing.T) {
	var seen []time.Duration
	do := func(timeout time.Duration) error {
		seen = append(seen, timeout)
		if timeout < 4*time.Millisecond {
			return errors.New("too slow")
		}
		return nil
	}
	err := Call(context.Background(), 5, time.Millisecond, do)
	if got := fmt.Sprint(err, seen); got != "<nil> [1ms 2ms 4ms]" {
		t.Fatal(got)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	block := func(time.Duration) error { select {} }
	if err := Call(ctx, 3, time.Millisecond, block); !errors.Is(err, context.Canceled) {
		t.Fatal(err)
	}
}

func TestAllocs(t *testing.T) {
	fail := errors.New("busy")
	do := func(time.Duration) error { return fail }
	ctx := context.Background()
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { _ = Call(ctx, 4, time.Millisecond, do) }))
}
