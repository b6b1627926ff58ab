package first

import "testing"

func TestBehaviour(t *testing.T) {
	if got := First([]string{"a", ""}, "?"); got != "a!" {
		t.Fatalf("First = %q, want a!", got)
	}
}
