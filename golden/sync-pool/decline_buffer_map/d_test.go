package bufmap

import "testing"

func TestCached(t *testing.T) {
	Render("a", 1)
	if got := Cached("a"); got != "a:1" {
		t.Fatalf("Cached = %q", got)
	}
}
