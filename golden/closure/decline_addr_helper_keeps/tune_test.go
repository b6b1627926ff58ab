package tune

import "testing"

func TestBehaviour(t *testing.T) {
	start, out := make(chan struct{}), make(chan int, 1)
	Start(1, start, out)
	Retune(5)
	close(start)
	if got := <-out; got != 5 {
		t.Fatalf("rate %d, want the retuned 5", got)
	}
}
