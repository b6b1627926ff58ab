package room

import (
	"strings"
	"testing"
)

func TestSpareDoesNotDependOnEarlierCalls(t *testing.T) {
	first := Spare("a", 1)
	Spare(strings.Repeat("topic", 400), 2)
	if again := Spare("a", 1); again != first {
		t.Fatalf("Spare(\"a\", 1) = %d after a long header, %d before", again, first)
	}
}
