// Package ring keeps the latest latency samples in a fixed ring.
package ring

import "slices"

// size is how many samples a Ring keeps.
const size = 64

// Ring is a fixed ring of the latest samples.
type Ring struct {
	buf  [size]float64
	head int // next slot to write
	n    int // samples held, at most size
}

// Push adds a sample, overwriting the oldest once full.
func (r *Ring) Push(v float64) {
	r.buf[r.head] = v
	r.head = (r.head + 1) % size
	if r.n < size {
		r.n++
	}
}

// Percentile is the p-th percentile (0-100) of the samples held.
func (r *Ring) Percentile(p float64) float64 {
	window := r.buf[:r.n]
	if len(window) == 0 {
		return 0
	}
	sorted := make([]float64, len(window)) // want(<go1.25) "make\\(\\[\\]float64, len\\(window\\)\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]float64, len\\(window\\)\\) does not escape"
	copy(sorted, window)
	slices.Sort(sorted)
	return sorted[int(p/100*float64(len(sorted)-1))]
}
