package retry

import (
	"errors"
	"testing"
	"time"
)

func TestBehaviour(t *testing.T) {
	var seen []time.Duration
	err := Call(func(b time.Duration) error {
		seen = append(seen, b)
		if b < 40*time.Millisecond {
			return errors.New("busy")
		}
		return nil
	}, 5)
	if err != nil || len(seen) != 3 || seen[2] != 40*time.Millisecond {
		t.Fatal(err, seen)
	}
}

func TestAllocs(t *testing.T) {
	busy := errors.New("busy")
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Call(func(time.Duration) error { return busy }, 4) }))
}
