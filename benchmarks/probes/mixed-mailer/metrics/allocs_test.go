package metrics

import (
	"io"
	"strings"
	"testing"
	"time"

	"example.com/probes/mixed-mailer/limits"
)

func TestAllocs(t *testing.T) {
	var h Latency
	h.Observe(3 * time.Millisecond)
	h.Observe(70 * time.Millisecond)
	h.Observe(9 * time.Second)
	s := h.Snapshot()
	if s[0] != 1 || s[4] != 2 || s[limits.LatencyBuckets] != 3 {
		t.Fatal(s)
	}
	var b strings.Builder
	h.WriteTo(&b, "smtp_latency_ms")
	if !strings.Contains(b.String(), `smtp_latency_ms_bucket{le="+Inf"} 3`) {
		t.Fatal(b.String())
	}
	allocs(t, "WriteTo", func() { h.WriteTo(io.Discard, "smtp_latency_ms") })
	var c Counters
	c.Add("x.org", limits.HardBounce)
	c.Add("y.org", limits.Delivered)
	if c.Row("x.org")[limits.HardBounce] != 1 {
		t.Fatal(c.Row("x.org"))
	}
	if top := c.Top(5); len(top) != 1 || top[0] != "x.org" {
		t.Fatal(top)
	}
	recent := []limits.Class{limits.Delivered, limits.HardBounce, limits.Delivered, limits.HardBounce}
	if Rate(recent) != 0.5 {
		t.Fatal(Rate(recent))
	}
	allocs(t, "Rate", func() { Rate(recent) })
}
