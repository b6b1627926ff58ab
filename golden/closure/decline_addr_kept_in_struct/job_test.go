package job

import "testing"

func TestBehaviour(t *testing.T) {
	out := make(chan int, 1)
	h := Launch(1, out)
	h.Opts.Level = 9
	h.Go()
	if got := <-out; got != 9 {
		t.Fatalf("level %d, want the adjusted 9", got)
	}
}
