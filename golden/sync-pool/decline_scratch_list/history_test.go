package history

import (
	"container/list"
	"io"
	"strings"
	"testing"
)

func TestRecentChunksStayPut(t *testing.T) {
	recent := list.New()
	Forward(io.Discard, strings.NewReader("first chunk"), recent)
	Forward(io.Discard, strings.NewReader("second"), recent)
	if first := recent.Front().Value.([]byte); string(first) != "first chunk" {
		t.Fatalf("a remembered chunk changed after a later call: %q", first)
	}
}
