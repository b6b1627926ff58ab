package calleereturns

import (
	"fmt"
	"testing"
)

func TestOut(t *testing.T) {
	Render("one")
	first := Out
	Render("two")
	if got := first.(fmt.Stringer).String(); got != "# one\n" {
		t.Fatalf("the first writer holds %q", got)
	}
}
