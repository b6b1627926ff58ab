package progress

import (
	"bytes"
	"testing"
)

func TestFollow(t *testing.T) {
	var out bytes.Buffer
	events := make(chan Event)
	done := Follow(&out, events)
	events <- Event{"fetch", 40}
	events <- Event{"unpack", 100}
	close(events)
	if err := <-done; err != nil || out.String() != "fetch  40%\nunpack 100%\n" {
		t.Fatalf("wrote %q, %v", out.String(), err)
	}
}
