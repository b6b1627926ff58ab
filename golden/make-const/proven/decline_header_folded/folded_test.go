package folded

import (
	"strings"
	"testing"
)

// TestBehaviour: the colon 200 bytes into the continuation.
func TestBehaviour(t *testing.T) {
	if Hash("X-", strings.Repeat("y", 200)+": v") == 0 {
		t.Fatal("a folded name not read")
	}
}
