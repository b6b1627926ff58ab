// Package metrics counts deliveries and their latency.
package metrics

import (
	"bytes"
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"

	"example.com/probes/mixed-mailer/limits"
)

// bounds are the upper bounds of the latency buckets, in milliseconds.
var bounds = [limits.LatencyBuckets]float64{5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000}

// Latency is a delivery-latency histogram.
type Latency struct {
	counts [limits.LatencyBuckets + 1]atomic.Int64
	sum    atomic.Int64 // microseconds
}

// Observe records one delivery.
func (h *Latency) Observe(d time.Duration) {
	ms := float64(d) / float64(time.Millisecond)
	i := 0
	for i < len(bounds) && ms > bounds[i] {
		i++
	}
	h.counts[i].Add(1)
	h.sum.Add(d.Microseconds())
}

// Snapshot copies the counts, cumulative as the exposition format wants them.
func (h *Latency) Snapshot() [limits.LatencyBuckets + 1]int64 {
	var out [limits.LatencyBuckets + 1]int64
	var run int64
	for i := range out {
		run += h.counts[i].Load()
		out[i] = run
	}
	return out
}

// WriteTo writes the histogram in the text exposition format.
func (h *Latency) WriteTo(w io.Writer, name string) error {
	snap := h.Snapshot()
	var b bytes.Buffer
	for i, le := range bounds {
		fmt.Fprintf(&b, "%s_bucket{le=\"%g\"} %d\n", name, le, snap[i])
	}
	fmt.Fprintf(&b, "%s_bucket{le=\"+Inf\"} %d\n%s_sum %g\n%s_count %d\n",
		name, snap[limits.LatencyBuckets], name, float64(h.sum.Load())/1e3, name, snap[limits.LatencyBuckets])
	_, err := w.Write(b.Bytes())
	return err
}

// Counters counts outcomes per domain.
type Counters struct {
	mu sync.Mutex
	m  map[string]*[limits.NumClasses]int64
}

// Add counts one outcome.
func (c *Counters) Add(domain string, class limits.Class) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = make(map[string]*[limits.NumClasses]int64)
	}
	row := c.m[domain]
	if row == nil {
		row = new([limits.NumClasses]int64)
		c.m[domain] = row
	}
	row[class]++
}

// Row is one domain's counts.
func (c *Counters) Row(domain string) [limits.NumClasses]int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	if row := c.m[domain]; row != nil {
		return *row
	}
	return [limits.NumClasses]int64{}
}

// Top returns up to n domains with the most hard bounces.
func (c *Counters) Top(n int) []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make([]string, 0, min(n, len(c.m)))
	for d, row := range c.m {
		if len(out) == cap(out) {
			break
		}
		if row[limits.HardBounce] > 0 {
			out = append(out, d)
		}
	}
	return out
}

// Rate is the fraction of deliveries that bounced hard, over a fixed window of recent outcomes.
func Rate(recent []limits.Class) float64 {
	n := min(len(recent), limits.MaxRecipients)
	if n == 0 {
		return 0
	}
	window := make([]limits.Class, n)
	copy(window, recent[len(recent)-n:])
	hard := 0
	for _, c := range window {
		if c == limits.HardBounce {
			hard++
		}
	}
	return float64(hard) / float64(n)
}
