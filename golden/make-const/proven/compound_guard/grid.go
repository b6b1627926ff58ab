// Package grid smooths rows of sensor readings.
package grid

// width is the number of sensors on one board; a row spans at most two boards.
const width = 12

// Smooth returns the mean of the first n readings after a three-point moving average.
func Smooth(readings []float64, n int) float64 {
	if n <= 0 || n > 2*width || n > len(readings) {
		return 0
	}
	avg := make([]float64, n) // want(<go1.25) "make\\(\\[\\]float64, n\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]float64, n\\) does not escape"
	for i := range avg {
		lo, hi := max(i-1, 0), min(i+1, n-1)
		avg[i] = (readings[lo] + readings[i] + readings[hi]) / 3
	}
	var total float64
	for _, v := range avg {
		total += v
	}
	return total / float64(n)
}
