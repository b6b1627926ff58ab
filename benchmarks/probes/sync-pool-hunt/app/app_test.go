package app

import (
	"bytes"
	"testing"

	"example.com/probes/syncpoolhunt/bufs"
)

// TestLineAfterGreet: Greet puts back the buffers it used, as the service's convention is (reset on Get).
// A bufs.Line that takes its Buffer from bufs.Pool without a reset of its own shows Greet's bytes.
func TestLineAfterGreet(t *testing.T) {
	for i := 0; i < 20; i++ {
		Greet("bob")
		if got := bufs.Line("k", "v"); got != "k=v" {
			t.Fatalf("Line = %q", got)
		}
	}
}

// TestLineAfterRelease: bufs.Release puts a buffer back as it is, through a pointer to the pool.
func TestLineAfterRelease(t *testing.T) {
	for i := 0; i < 20; i++ {
		b := new(bytes.Buffer)
		b.WriteString("dirty")
		bufs.Release(b)
		if got := bufs.Line("k", "v"); got != "k=v" {
			t.Fatalf("Line = %q", got)
		}
	}
}
