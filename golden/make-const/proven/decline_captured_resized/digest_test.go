package resized

import "testing"

func TestBehaviour(t *testing.T) {
	block := make([]byte, 2000)
	if got := Digest(block, 256, func(n int) int { return 4 * n }); got != 0 {
		t.Fatalf("Digest = %d", got)
	}
}
