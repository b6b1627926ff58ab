package logw

import (
	"bytes"
	"testing"
)

func TestOpen(t *testing.T) {
	var out bytes.Buffer
	bw := Open(&out, "events")
	bw.WriteString("started\n")
	if err := bw.Flush(); err != nil || out.String() != "# events\nstarted\n" {
		t.Fatalf("wrote %q, %v", out.String(), err)
	}
}
