package tags

import (
	"strings"
	"testing"
)

func TestBehaviour(t *testing.T) {
	if got := Longest("a,bb", strings.Repeat("x,", 100)); got != 2 {
		t.Fatalf("Longest = %d, want 2", got)
	}
}
