// Package warn averages readings and warns when there are many.
package warn

import "log"

const manyReadings = 32

// Mean averages the first n readings; more than manyReadings only logs a warning.
func Mean(readings []float64, n int) float64 {
	if n > manyReadings {
		log.Printf("warn: averaging %d readings", n)
	}
	window := make([]float64, n) // want(<go1.25) "make\\(\\[\\]float64, n\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]float64, n\\) does not escape" // declined "speculative"
	copy(window, readings)
	var total float64
	for _, r := range window {
		total += r
	}
	return total / float64(max(n, 1))
}
