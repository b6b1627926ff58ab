package serve

import "testing"

func TestBehaviour(t *testing.T) {
	got := make(chan int, 1)
	Start(func(limit int) { got <- limit }, 100, true)()
	if n := <-got; n != 50 {
		t.Fatalf("served with limit %d, want 50", n)
	}
}
