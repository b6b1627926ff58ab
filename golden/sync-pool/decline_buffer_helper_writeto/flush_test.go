package flush

import (
	"bytes"
	"strings"
	"testing"
)

// The sink sees the storage past the length: zeros for a fresh Buffer, an earlier line with a pooled one.
func TestLine(t *testing.T) {
	var sk Sink
	Line(&sk, strings.Repeat("secret!", 700))
	Line(&sk, "x")
	if got := bytes.TrimRight(sk.Got, "\x00"); string(got) != "x" {
		t.Fatalf("the sink saw %.40q", got)
	}
}
