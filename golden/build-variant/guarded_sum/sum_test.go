package guarded_sum

import "testing"

func TestWindow(t *testing.T) {
	samples := []int{1, 2, 3, 4, 5, 6}
	for n, want := range []int{0, 6, 11, 15, 18, -1, -1} {
		if got := Window(samples, n); got != want {
			t.Errorf("Window(samples, %d) = %d, want %d", n, got, want)
		}
	}
}
