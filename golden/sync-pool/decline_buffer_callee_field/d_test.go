package calleefield

import "testing"

func TestLogf(t *testing.T) {
	first := Render("first")
	Std.Logf("+late")
	if second := Render("second"); first != "first" || second != "second" {
		t.Fatalf("Render = %q, then %q", first, second)
	}
}
