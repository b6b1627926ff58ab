package grid

import "testing"

// TestBehaviour: a 10x10 blank board has 100 empty cells, more than a 9x9 board's 81.
func TestBehaviour(t *testing.T) {
	rows := make([][]uint8, 10)
	for i := range rows {
		rows[i] = make([]uint8, 10)
	}
	if got := Empties(rows); got != 100 {
		t.Fatal(got)
	}
}
