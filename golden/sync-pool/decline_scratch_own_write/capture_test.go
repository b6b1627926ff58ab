package capture

import (
	"strings"
	"testing"
)

func TestTheRecorderKeepsEachBody(t *testing.T) {
	var rec Recorder
	Copy(&rec, strings.NewReader("first body"))
	Copy(&rec, strings.NewReader("second"))
	if len(rec.Parts) != 2 || string(rec.Parts[0]) != "first body" {
		t.Fatalf("a recorded body changed after a later call: %q", rec.Parts)
	}
}
