package frame

import (
	"bytes"
	"io"
	"testing"
)

func TestWriteFrame(t *testing.T) {
	for i := 0; i < 3; i++ {
		var out bytes.Buffer
		if err := WriteFrame(&out, "ping", map[string]int{"id": 7, "ttl": 30}); err != nil {
			t.Fatal(err)
		}
		if got := out.String(); got != "\x00\x00\x00\x15kind=ping id=7 ttl=30" {
			t.Fatalf("WriteFrame = %q", got)
		}
	}
}

func TestAllocsPerRun(t *testing.T) {
	fields := map[string]int{"id": 7, "seq": 1}
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { WriteFrame(io.Discard, "ping", fields) }))
}
