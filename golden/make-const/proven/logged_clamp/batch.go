// Package batch sums readings in batches of bounded size.
package batch

import "log"

// maxBatch is the most readings one batch holds.
const maxBatch = 64

// First sums the first n readings, at most maxBatch of them: a larger n is logged and clamped.
func First(readings []float64, n int) float64 {
	if n > maxBatch {
		log.Printf("batch: %d readings asked, %d summed", n, maxBatch)
		n = maxBatch
	}
	batch := make([]float64, n) // want(<go1.25) "escapes to heap" want(>=go1.25) "does not escape"
	copy(batch, readings)
	sum := 0.0
	for _, r := range batch {
		sum += r
	}
	return sum
}
