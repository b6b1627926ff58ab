// Package stats summarises latency samples.
package stats

// Histogram counts samples per bucket of the given width and returns the fullest bucket.
func Histogram(samples []int, buckets, width int) (fullest, count int) {
	counts := make([]int, buckets) // want(<go1.25) "make\\(\\[\\]int, buckets\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]int, buckets\\) does not escape"
	for _, s := range samples {
		b := s / width
		if b >= buckets {
			b = buckets - 1
		}
		counts[b]++
	}
	for i, c := range counts {
		if c > count {
			fullest, count = i, c
		}
	}
	return fullest, count
}
