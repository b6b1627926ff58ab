// Package latency summarises request latencies over a sliding window of recent samples.
package latency

import "sort"

const window = 128

// Median returns the median of the last window samples (0 for none). Past the window only the
// newest samples count: after the clamp there are at most 128 of them.
func Median(samples []float64) float64 {
	if len(samples) == 0 {
		return 0
	}
	if len(samples) > window {
		samples = samples[len(samples)-window:]
	}
	sorted := make([]float64, len(samples)) // want(<go1.25) "escapes to heap" want(>=go1.25) "does not escape"
	copy(sorted, samples)
	sort.Float64s(sorted)
	return sorted[len(sorted)/2]
}
