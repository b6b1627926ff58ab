package budget

import "testing"

func TestBehaviour(t *testing.T) {
	if n := Compact([]int{3, 3, 3}, 5); n != 1 {
		t.Fatal(n)
	}
}
