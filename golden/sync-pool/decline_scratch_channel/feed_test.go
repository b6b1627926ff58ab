package feed

import (
	"strings"
	"testing"
)

func TestTheConsumerOwnsItsChunks(t *testing.T) {
	out := make(chan []byte, 2)
	Next(strings.NewReader("first chunk"), out)
	Next(strings.NewReader("second"), out)
	if first, second := <-out, <-out; string(first) != "first chunk" || string(second) != "second" {
		t.Fatalf("a chunk changed after a later call: %q %q", first, second)
	}
}
