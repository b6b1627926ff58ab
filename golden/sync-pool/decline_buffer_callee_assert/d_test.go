package calleeassert

import "testing"

func TestSeen(t *testing.T) {
	Seen = nil
	Render("first")
	Render("second")
	if got := Seen[0].String(); got != "first" {
		t.Fatalf("the first writer holds %q", got)
	}
}
