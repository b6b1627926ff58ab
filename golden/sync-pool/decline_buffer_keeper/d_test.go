package bufkeeper

import "testing"

func TestRecent(t *testing.T) {
	Note("hello")
	if got := Recent(); got != "note: hello" {
		t.Fatalf("Recent = %q", got)
	}
}
