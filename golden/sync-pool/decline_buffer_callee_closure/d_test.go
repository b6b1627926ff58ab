package calleeclosure

import "testing"

func TestReplays(t *testing.T) {
	Replays = nil
	first := Render("first")
	Replays[0]()
	if second := Render("second"); second != "second\n" || first != "first\n" {
		t.Fatalf("Render = %q, then %q", first, second)
	}
}
