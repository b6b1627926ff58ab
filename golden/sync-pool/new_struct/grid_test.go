package grid

import "testing"

func TestLive(t *testing.T) {
	if Live([][2]int{{1, 1}, {1, 1}, {2, 3}}) != 2 || Live([][2]int{{1, 1}}) != 1 {
		t.Fatal("each call needs a fresh board")
	}
}
