package nest

import "testing"

func TestNest(t *testing.T) {
	fs := []func(int) string{N1, N2, N3, N4, N5, N6, N7, N8, N9, N10, N11, N12, N13, N14, N15, N16, N17, N18}
	for i, f := range fs {
		if got := f(0); got != "named:a" {
			t.Errorf("N%d(0) = %q", i+1, got)
		}
		if got := f(1); got != "named:b" {
			t.Errorf("N%d(1) = %q", i+1, got)
		}
	}
}
