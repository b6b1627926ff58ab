package dump

import (
	"encoding/hex"
	"testing"
)

func TestPacket(t *testing.T) {
	for seq, data := range []string{"GET / HTTP/1.1\r\nHost: example.com\r\n", "", "pong"} {
		want := "packet " + string(rune('0'+seq)) + ", " + itoa(len(data)) + " bytes\n" + hex.Dump([]byte(data))
		if got := Packet(seq, []byte(data)); got != want {
			t.Fatalf("Packet(%d) = %q, want %q", seq, got, want)
		}
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

func TestAllocsPerRun(t *testing.T) {
	data := []byte("GET /index.html HTTP/1.1\r\nHost: example.com\r\nAccept: */*\r\n\r\n")
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { Packet(7, data) }))
}
