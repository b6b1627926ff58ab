// Package latency reports tail latencies over the most recent requests.
package latency

import (
	"slices"
	"time"
)

// window is how many of the most recent samples a percentile looks at.
const window = 256

// P99 is the 99th percentile of the last window samples given (the newest at the end), or 0 for none.
func P99(samples []time.Duration) time.Duration {
	n := len(samples)
	if n == 0 {
		return 0
	}
	if n > window {
		samples = samples[n-window:]
	}
	sorted := make([]time.Duration, len(samples)) // want(<go1.25) "make\\(\\[\\]time.Duration, len\\(samples\\)\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]time.Duration, len\\(samples\\)\\) does not escape"
	copy(sorted, samples)
	slices.Sort(sorted)
	return sorted[len(sorted)*99/100]
}
