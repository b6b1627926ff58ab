package repaired

import (
	"strings"
	"testing"
)

// TestBehaviour: 48 invalid bytes are repaired into 144 bytes.
func TestBehaviour(t *testing.T) {
	if got := Bytes(strings.Repeat("\xff", maxName)); got != 3*(47*48/2) {
		t.Fatal(got)
	}
}
