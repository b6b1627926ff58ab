// Package ring keeps the most recent samples of a measurement in a fixed ring.
package ring

import (
	"slices"
	"sync"
	"time"
)

// Size is how many samples a Ring keeps.
const Size = 256

// Ring is a fixed ring of the latest float samples.
type Ring struct {
	buf  [Size]float64
	head int // next slot to write
	n    int // samples held, at most Size
}

// Push adds a sample, overwriting the oldest once full.
func (r *Ring) Push(v float64) {
	r.buf[r.head] = v
	r.head = (r.head + 1) % Size
	if r.n < Size {
		r.n++
	}
}

// Len is the number of samples held.
func (r *Ring) Len() int { return r.n }

// Median is the middle sample.
func (r *Ring) Median() float64 {
	if r.n == 0 {
		return 0
	}
	vals := make([]float64, r.n)
	copy(vals, r.buf[:r.n])
	slices.Sort(vals)
	return vals[len(vals)/2]
}

// Percentile is the p-th percentile (0-100) of the samples held.
func (r *Ring) Percentile(p float64) float64 {
	window := r.buf[:r.n]
	if len(window) == 0 {
		return 0
	}
	sorted := make([]float64, len(window))
	copy(sorted, window)
	slices.Sort(sorted)
	i := int(p / 100 * float64(len(sorted)-1))
	return sorted[i]
}

// Trimmed is the mean of the samples with the lowest and highest k dropped.
func (r *Ring) Trimmed(k int) float64 {
	n := r.n
	if n > len(r.buf) {
		n = len(r.buf)
	}
	if 2*k >= n {
		return 0
	}
	tmp := make([]float64, n)
	copy(tmp, r.buf[:n])
	slices.Sort(tmp)
	sum := 0.0
	for _, v := range tmp[k : n-k] {
		sum += v
	}
	return sum / float64(n-2*k)
}

// Latest copies the newest k samples, newest first, into a new slice.
func (r *Ring) Latest(k int) []float64 {
	k = min(k, r.n)
	out := make([]float64, k)
	for i := range out {
		out[i] = r.buf[(r.head-1-i+Size)%Size]
	}
	return out
}

// Durations keeps recent latencies.
type Durations struct {
	mu      sync.Mutex
	samples []time.Duration
	max     int
}

// Add records one latency, dropping the oldest beyond max.
func (d *Durations) Add(v time.Duration) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.samples = append(d.samples, v)
	if len(d.samples) > d.max {
		d.samples = d.samples[len(d.samples)-d.max:]
	}
}

// P99 is the 99th percentile of the last 1024 samples given.
func P99(samples []time.Duration) time.Duration {
	n := len(samples)
	if n == 0 {
		return 0
	}
	if n > 1024 {
		samples = samples[n-1024:]
	}
	sorted := make([]time.Duration, len(samples))
	copy(sorted, samples)
	slices.Sort(sorted)
	return sorted[len(sorted)*99/100]
}

// MovingMax is the largest sum of any w consecutive samples, w at most 64.
func MovingMax(samples []float64, w int) float64 {
	if w <= 0 || w > 64 || w > len(samples) {
		return 0
	}
	win := make([]float64, w)
	sum, best := 0.0, 0.0
	for i, v := range samples {
		slot := i % w
		sum += v - win[slot]
		win[slot] = v
		if i >= w-1 && (i == w-1 || sum > best) {
			best = sum
		}
	}
	return best
}

// Snapshot hands the current samples to a background exporter, which sorts them after Snapshot returns.
func (r *Ring) Snapshot(export func([]float64)) {
	vals := make([]float64, r.n)
	copy(vals, r.buf[:r.n])
	go export(vals)
}

// Spread is max-min over the samples plus one extra the caller supplies after the reader starts.
func Spread(samples []float64, extra float64) float64 {
	n := min(len(samples), 32)
	vals := make([]float64, n+1)
	copy(vals, samples[:n])
	ready := make(chan struct{})
	done := make(chan float64)
	go func() {
		<-ready
		lo, hi := vals[0], vals[0]
		for _, v := range vals {
			lo, hi = min(lo, v), max(hi, v)
		}
		done <- hi - lo
	}()
	vals[n] = extra
	close(ready)
	return <-done
}
