package override

import "testing"

func TestBehaviour(t *testing.T) {
	if got := Fold(make([]byte, 300), 100); got != 0 {
		t.Fatalf("Fold = %d", got)
	}
}
