package session

import (
	"bytes"
	"testing"
)

func TestAttachThenReply(t *testing.T) {
	var out bytes.Buffer
	var s Session
	s.Attach(&out)
	if err := s.Reply("ok"); err != nil || out.String() != "hello\nok\n" {
		t.Fatalf("wrote %q, %v", out.String(), err)
	}
}
