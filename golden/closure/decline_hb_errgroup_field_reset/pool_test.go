package pool

import "testing"

func TestBehaviour(t *testing.T) {
	got := make(chan string, 1)
	p := &Pool{}
	p.Run(make(chan struct{}), func(s string) { got <- s })
	if s := <-got; s != "b" {
		t.Fatalf("the goroutine saw %q, want the write made before close(ready)", s)
	}
}
