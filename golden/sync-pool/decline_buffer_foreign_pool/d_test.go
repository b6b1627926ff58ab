package bufforeign

import "testing"

func TestLine(t *testing.T) {
	Legacy("stale")
	if got := Line("k", 1); got != "k=1" {
		t.Fatalf("Line = %q", got)
	}
}
