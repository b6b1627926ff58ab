// Package smooth filters sensor readings.
package smooth

// Peak returns the largest three-point moving average of xs.
func Peak(xs []float64) float64 {
	var avg = make([]float64, len(xs)) // want(<go1.25) "make\\(\\[\\]float64, len\\(xs\\)\\) escapes to heap" want(>=go1.25) "does not escape"
	for i := range xs {
		lo, hi := max(i-1, 0), min(i+1, len(xs)-1)
		sum := 0.0
		for _, x := range xs[lo : hi+1] {
			sum += x
		}
		avg[i] = sum / float64(hi-lo+1)
	}
	peak := 0.0
	for _, a := range avg {
		peak = max(peak, a)
	}
	return peak
}
