package counter

import "testing"

func TestBehaviour(t *testing.T) {
	start, out := make(chan struct{}), make(chan int, 1)
	Watch(3, start, out)
	ResetAll(0)
	close(start)
	if got := <-out; got != 0 {
		t.Fatalf("count %d, want the reset 0", got)
	}
}
