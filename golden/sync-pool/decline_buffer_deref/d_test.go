package bufderef

import "testing"

func TestSnapshots(t *testing.T) {
	a := Snapshot(1)
	b := Snapshot(22)
	if a.String() != "value=1" || b.String() != "value=22" {
		t.Fatalf("snapshots changed after a later call: %q %q", a.String(), b.String())
	}
}
