package row

import (
	"strings"
	"testing"
)

// TestBehaviour: a row of 100 cells under a 64-byte header.
func TestBehaviour(t *testing.T) {
	if got := Cells("a,b", strings.Repeat(",", 99)); got != 98 {
		t.Fatal(got)
	}
}
