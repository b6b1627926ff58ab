package calleestore

import (
	"fmt"
	"testing"
)

func TestLast(t *testing.T) {
	Render("first")
	first := Last
	Render("second")
	if got := first.(fmt.Stringer).String(); got != "- first\n" {
		t.Fatalf("the first writer holds %q", got)
	}
}
