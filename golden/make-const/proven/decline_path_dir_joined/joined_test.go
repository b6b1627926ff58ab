package joined

import (
	"strings"
	"testing"
)

// TestBehaviour: a 200-byte prefix puts the slash past maxKey.
func TestBehaviour(t *testing.T) {
	if got := Depth(strings.Repeat("p/", 100), "a/b"); got != 100 {
		t.Fatal(got)
	}
}
