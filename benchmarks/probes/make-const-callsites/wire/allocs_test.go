package wire

import (
	"bytes"
	"io"
	"testing"
)

// TestAllocs logs the allocations of each exported reader for the largest frames its checks admit.
func TestAllocs(t *testing.T) {
	body := bytes.Repeat([]byte("x"), maxFrame)
	var r bytes.Reader
	for _, c := range []struct {
		name string
		f    func()
	}{
		{"Relay", func() { r.Reset(body); Relay(io.Discard, &r, maxBody) }},
		{"Skip", func() { r.Reset(body); Skip(&r, maxFrame) }},
		{"Header", func() { Header(io.Discard, "0123456789012345678901234567890123456789", 7) }},
	} {
		t.Logf("%s: %v allocs/op", c.name, testing.AllocsPerRun(100, c.f))
	}
}
