// Package latency keeps fixed-bucket latency histograms.
package latency

import "math"

const maxBuckets = 24

// Histogram counts observations per bucket; counts has one more slot than bounds.
type Histogram struct {
	bounds []float64
	counts []uint64
}

// Median is the upper bound of the bucket holding the middle observation. h is a pointer, but
// nothing between the guard and the make calls, writes through a pointer or synchronises: another
// goroutine's write to h.counts there would be a data race, so the guard bounds the make.
func (h *Histogram) Median() float64 {
	if len(h.counts) > maxBuckets+1 {
		return math.NaN()
	}
	cum := make([]uint64, len(h.counts)) // want(<go1.25) "make\\(\\[\\]uint64, len\\(h.counts\\)\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]uint64, len\\(h.counts\\)\\) does not escape"
	var total uint64
	for i, c := range h.counts {
		total += c
		cum[i] = total
	}
	for i, c := range cum {
		if c >= total/2 && i < len(h.bounds) {
			return h.bounds[i]
		}
	}
	return math.Inf(1)
}
