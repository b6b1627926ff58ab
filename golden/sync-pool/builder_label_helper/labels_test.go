package labels

import (
	"strings"
	"testing"
)

func TestAppendSample(t *testing.T) {
	labels := [][2]string{{"code", "200"}, {"path", `/a"b`}}
	want := "http_requests_total{code=\"200\",path=\"/a\\\"b\"} 1027\n"
	for range 3 {
		if got := string(AppendSample(nil, "http_requests_total", labels, "1027")); got != want {
			t.Fatalf("AppendSample = %q, want %q", got, want)
		}
	}
	long := [][2]string{{"k", strings.Repeat("v", 5000)}}
	if got := AppendSample(nil, "up", long, "1"); len(got) != len("up{k=\"\"} 1\n")+5000 {
		t.Fatalf("a long label: %d bytes", len(got))
	}
	if got := string(AppendSample([]byte("x "), "up", nil, "1")); got != "x up 1\n" {
		t.Fatalf("AppendSample = %q", got)
	}
}

func TestAllocs(t *testing.T) {
	labels := [][2]string{{"code", "200"}, {"path", "/api/v1/items"}}
	dst := make([]byte, 0, 256)
	t.Logf("AppendSample: %v allocs/op", testing.AllocsPerRun(100, func() { AppendSample(dst[:0], "http_requests_total", labels, "1027") }))
}
