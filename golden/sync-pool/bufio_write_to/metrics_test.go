package metrics

import (
	"bytes"
	"io"
	"testing"
)

func TestExpose(t *testing.T) {
	counters := []Counter{{Name: "up", Value: 1}, {Name: "http_requests_total", Labels: [][2]string{{"code", "200"}}, Value: 1027}}
	want := "http_requests_total{code=\"200\"} 1027\nup 1\n"
	for range 3 {
		var out bytes.Buffer
		if err := Expose(&out, counters); err != nil || out.String() != want {
			t.Fatalf("Expose = %q, %v", out.String(), err)
		}
	}
}

func TestAllocs(t *testing.T) {
	counters := []Counter{{Name: "up", Value: 1}, {Name: "http_requests_total", Labels: [][2]string{{"code", "200"}}, Value: 1027}}
	t.Logf("Expose: %v allocs/op", testing.AllocsPerRun(100, func() { Expose(io.Discard, counters) }))
}
