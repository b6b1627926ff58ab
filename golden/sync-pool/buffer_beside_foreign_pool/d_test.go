package bufforeign

import "testing"

func TestLine(t *testing.T) {
	Legacy("stale")
	if got := Line("k", 1); got != "k=1" {
		t.Fatalf("Line = %q", got)
	}
}

func TestAllocsPerRun(t *testing.T) {
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { Line("key", 4096) }))
}
