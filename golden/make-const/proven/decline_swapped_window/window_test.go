package window

import "testing"

// TestBehaviour: an end far beyond the clamped start spans more readings than maxStart.
func TestBehaviour(t *testing.T) {
	readings := make([]float64, 100)
	for i := range readings {
		readings[i] = 1
	}
	if got := Mean(readings, 0, 100); got != 100.0/101 {
		t.Fatal(got)
	}
	if got := Mean(readings, 90, 10); got != 22.0/23 {
		t.Fatal(got)
	}
}
