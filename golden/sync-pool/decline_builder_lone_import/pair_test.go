package pair

import "testing"

func TestPair(t *testing.T) {
	if got := Pair(1, 2); got != "1,2" {
		t.Fatalf("Pair = %q", got)
	}
}
