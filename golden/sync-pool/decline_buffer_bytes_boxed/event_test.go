package event

import "testing"

func TestSeenBytesStayPut(t *testing.T) {
	seen = nil
	Format("first", 1)
	Format("second", 22)
	if len(seen) != 2 || string(seen[0]) != "first=1" {
		t.Fatalf("the first event's bytes changed after a later call: %q", seen)
	}
}
