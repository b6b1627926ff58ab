package expo

import (
	"bytes"
	"strings"
	"testing"
)

func TestExpo(t *testing.T) {
	var b bytes.Buffer
	Help(&b, "up", "Is it up.", "gauge")
	Counter(&b, "req_total", "code", "200", 7)
	Bucket(&b, "lat", "0.5", 3)
	Summary(&b, "lat", "0.99", 1.5)
	want := "# HELP up Is it up.\n# TYPE up gauge\nreq_total{code=\"200\"} 7\nlat_bucket{le=\"0.5\"} 3\nlat{quantile=\"0.99\"} 1.5\n"
	if b.String() != want {
		t.Fatal(b.String())
	}
	if got := Series("up", "{a=\"b\"}"); got != "up{a=\"b\"}" {
		t.Fatal(got)
	}
}

func TestAllocs(t *testing.T) {
	name, v := strings.Repeat("n", 4), strings.Repeat("v", 3)
	var b bytes.Buffer
	b.Grow(512)
	for label, f := range map[string]func(){
		"Help":        func() { b.Reset(); Help(&b, name, v, v) },
		"Counter":     func() { b.Reset(); Counter(&b, name, v, v, 9) },
		"Bucket":      func() { b.Reset(); Bucket(&b, name, v, 9) },
		"Series":      func() { _ = Series(name, v) },
		"Summary":     func() { b.Reset(); Summary(&b, name, v, 2) },
		"Timestamped": func() { b.Reset(); Timestamped(&b, name, 2, 5) },
	} {
		t.Logf("%s %v", label, testing.AllocsPerRun(100, f))
	}
}
