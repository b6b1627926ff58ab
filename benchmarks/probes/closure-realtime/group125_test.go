//go:build go1.25

package realtime

import "testing"

func TestPingEach(t *testing.T) {
	if n := PingEach([]string{"a", "b"}, func(s string) bool { return s == "tcp://a" }); n != 1 {
		t.Fatal(n)
	}
	allocs(t, "PingEach", func() { PingEach([]string{"a"}, func(string) bool { return true }) })
}
