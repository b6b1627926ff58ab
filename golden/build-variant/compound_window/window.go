// Package compound_window computes short moving sums.
package compound_window

const maxWindow = 6

// Last sums the last n samples; n must be between 1 and maxWindow.
func Last(samples []int32, n int) int32 {
	if n < 1 || n > maxWindow || n > len(samples) {
		return 0
	}
	window := make([]int32, n) // want(<go1.25) "make\\(\\[\\]int32, n\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]int32, n\\) does not escape"
	copy(window, samples[len(samples)-n:])
	var total int32
	for _, v := range window {
		total += v
	}
	return total
}
