// Package histo keeps latency histograms with a fixed number of buckets.
package histo

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strconv"
	"sync"

	"example.com/probes/mixed-observability/limits"
)

// Bounds of the latency buckets, in seconds.
var Bounds = [limits.LatencyBuckets]float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5}

// Histogram counts observations per bucket; the last count is +Inf.
type Histogram struct {
	mu     sync.Mutex
	counts [limits.LatencyBuckets + 1]uint64
	sum    float64
}

// Observe adds one value.
func (h *Histogram) Observe(v float64) {
	i := 0
	for i < len(Bounds) && v > Bounds[i] {
		i++
	}
	h.mu.Lock()
	h.counts[i]++
	h.sum += v
	h.mu.Unlock()
}

// Cumulative returns the cumulative counts, copied under the lock.
func (h *Histogram) Cumulative() uint64 {
	h.mu.Lock()
	n := len(h.counts)
	cum := make([]uint64, n)
	var total uint64
	for i, c := range h.counts {
		total += c
		cum[i] = total
	}
	h.mu.Unlock()
	return cum[n-1]
}

// Quantile estimates the q-quantile from the buckets.
func (h *Histogram) Quantile(q float64) float64 {
	h.mu.Lock()
	defer h.mu.Unlock()
	var total uint64
	for _, c := range h.counts {
		total += c
	}
	if total == 0 {
		return math.NaN()
	}
	rank := q * float64(total)
	var cum uint64
	for i, c := range h.counts[:len(Bounds)] {
		cum += c
		if float64(cum) >= rank {
			return Bounds[i]
		}
	}
	return Bounds[len(Bounds)-1]
}

// Merge adds the counts of several histograms, at most LatencyBuckets+1 counts each.
func Merge(hs []*Histogram, buckets int) []uint64 {
	if buckets > limits.LatencyBuckets+1 {
		buckets = limits.LatencyBuckets + 1
	}
	out := make([]uint64, buckets)
	for _, h := range hs {
		h.mu.Lock()
		for i := range out {
			out[i] += h.counts[i]
		}
		h.mu.Unlock()
	}
	return out
}

// Deltas computes per-bucket increases between two snapshots taken by the caller.
func Deltas(prev, cur []uint64) uint64 {
	n := min(len(prev), len(cur), len(Bounds)+1)
	d := make([]uint64, n)
	for i := 0; i < n; i++ {
		d[i] = cur[i] - prev[i]
	}
	var most uint64
	for _, x := range d {
		most = max(most, x)
	}
	return most
}

// Scale computes bucket bounds scaled by a factor, a scratch slice for a check.
func Scale(factor float64, n int) bool {
	if n < 0 || n > len(Bounds) {
		return false
	}
	scaled := make([]float64, n)
	for i := range scaled {
		scaled[i] = Bounds[i] * factor
	}
	for i := 1; i < n; i++ {
		if scaled[i] <= scaled[i-1] {
			return false
		}
	}
	return true
}

// WriteText writes the histogram in the text exposition format.
func (h *Histogram) WriteText(w io.Writer, name string) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	var b bytes.Buffer
	var cum uint64
	for i, c := range h.counts {
		cum += c
		le := "+Inf"
		if i < len(Bounds) {
			le = strconv.FormatFloat(Bounds[i], 'g', -1, 64)
		}
		fmt.Fprintf(&b, "%s_bucket{le=%q} %d\n", name, le, cum)
	}
	fmt.Fprintf(&b, "%s_sum %g\n%s_count %d\n", name, h.sum, name, cum)
	_, err := w.Write(b.Bytes())
	return err
}

// Line formats the counts on one line with strconv appends.
func (h *Histogram) Line() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	b := make([]byte, 0, 16)
	for i, c := range h.counts {
		if i > 0 {
			b = append(b, ' ')
		}
		b = strconv.AppendUint(b, c, 10)
	}
	return string(b)
}

// Spread distributes n synthetic observations over the buckets for a load test; n is the caller's.
func Spread(n int) []float64 {
	vs := make([]float64, n)
	for i := range vs {
		vs[i] = Bounds[i%len(Bounds)]
	}
	return vs
}

// ObserveAll observes every value concurrently in shards; the shard count is halved after the wait.
func ObserveAll(h *Histogram, values []float64, shards int) int {
	var wg sync.WaitGroup
	for s := 0; s < shards; s++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := s; i < len(values); i += shards {
				h.Observe(values[i])
			}
		}()
	}
	wg.Wait()
	shards /= 2
	return shards
}
