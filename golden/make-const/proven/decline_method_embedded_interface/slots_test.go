package slots

import "testing"

func TestBehaviour(t *testing.T) {
	fields := []int64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	for _, l := range []Layout{Compact, Wide} {
		if got := Sum(Record{l, fields}); got != 55 {
			t.Fatalf("Sum(%T) = %d, want 55", l, got)
		}
	}
}
