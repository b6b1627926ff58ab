// Package window averages sensor readings between two cursors given in either order.
package window

// maxStart is the furthest cursor the ring keeps readings before.
const maxStart = 32

// Mean averages the readings between two cursors: start is clamped to the ring, end is not; swapped into
// order, the clamped one may become the lower end, so the span is end's, which nothing bounds.
func Mean(readings []float64, start, end int) float64 {
	lo, hi := min(start, maxStart), end
	if lo > hi {
		lo, hi = hi, lo
	}
	if lo < 0 || hi > len(readings) {
		return 0
	}
	part := make([]float64, hi-lo) // want(<go1.25) "make\\(\\[\\]float64, hi - lo\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]float64, hi - lo\\) does not escape" // declined "speculative"
	copy(part, readings[lo:hi])
	var sum float64
	for _, r := range part {
		sum += r
	}
	return sum / float64(len(part)+1)
}
