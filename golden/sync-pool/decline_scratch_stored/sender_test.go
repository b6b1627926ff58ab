package sender

import (
	"bytes"
	"strings"
	"testing"
)

func TestRetrySendsTheLastChunk(t *testing.T) {
	var a, b bytes.Buffer
	first, second := &Sender{W: &a}, &Sender{W: &b}
	first.Send(strings.NewReader("first"))
	second.Send(strings.NewReader("second chunk"))
	first.Retry()
	if a.String() != "firstfirst" {
		t.Fatalf("the retry sent %q after %q", a.String()[5:], "first")
	}
}
