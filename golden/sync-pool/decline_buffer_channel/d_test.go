package bufchannel

import (
	"bytes"
	"testing"
)

func TestEmit(t *testing.T) {
	out := make(chan *bytes.Buffer, 1)
	Emit(out, "hits", 3)
	if got := (<-out).String(); got != "hits=3" {
		t.Fatalf("received %q", got)
	}
}
