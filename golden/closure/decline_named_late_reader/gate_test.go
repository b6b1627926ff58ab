package gate

import "testing"

func TestBehaviour(t *testing.T) {
	if got := Total(1, []int{2, 3}); got != 15 {
		t.Fatalf("Total = %d, want 15", got)
	}
}
