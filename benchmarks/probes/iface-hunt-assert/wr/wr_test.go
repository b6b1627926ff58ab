package wr

import "testing"

func TestWr(t *testing.T) {
	fs := []func(int) string{W1, W2, W3, W4, W5, W6, W7}
	for i, f := range fs {
		if got := f(0); got[:7] != "named:a" {
			t.Errorf("W%d(0) = %q", i+1, got)
		}
		if got := f(1); got[:7] != "named:b" {
			t.Errorf("W%d(1) = %q", i+1, got)
		}
	}
}
