package skip

import (
	"strings"
	"testing"
)

// TestBehaviour: 100 quote marks make a 100-byte word, more than maxWord.
func TestBehaviour(t *testing.T) {
	q := strings.Repeat(`"`, 100)
	if Word(q) != Word(q+" rest") || Word(q) == Word(q[:maxWord]) {
		t.Fatal("quote marks cut")
	}
}
