package relay

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

func TestRelay(t *testing.T) {
	for _, text := range []string{"", "short", strings.Repeat("0123456789", 60000)} {
		var out bytes.Buffer
		n, err := Relay(&out, strings.NewReader(text))
		if err != nil || n != int64(len(text)) || out.String() != text {
			t.Fatalf("Relay copied %d bytes (%v); got %d bytes back", n, err, out.Len())
		}
	}
}

func TestAllocsPerRun(t *testing.T) {
	src := strings.NewReader(strings.Repeat("x", 1000))
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() {
		src.Seek(0, io.SeekStart)
		Relay(io.Discard, src)
	}))
}
