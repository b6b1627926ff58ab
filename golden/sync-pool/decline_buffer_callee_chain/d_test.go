package calleechain

import "testing"

func TestHistory(t *testing.T) {
	Render("first")
	Render("second")
	if got := History(0); got != "first\n" {
		t.Fatalf("the first render holds %q", got)
	}
}
