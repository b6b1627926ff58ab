package env

import "testing"

func TestBehaviour(t *testing.T) {
	t.Setenv("MAX_CONNS", "7")
	start, out := make(chan struct{}), make(chan int, 1)
	Serve(start, out)
	close(start)
	if got := <-out; got != 7 {
		t.Fatalf("max conns %d, want 7 from the environment", got)
	}
}
