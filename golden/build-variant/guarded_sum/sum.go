package guarded_sum

// Window sums the last n samples; callers keep n to a handful.
func Window(samples []int, n int) int {
	if n > 4 {
		return -1
	}
	last := make([]int, n) // want(<go1.25) "make\\(\\[\\]int, n\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]int, n\\) does not escape"
	copy(last, samples[len(samples)-n:])
	total := 0
	for _, v := range last {
		total += v
	}
	return total
}
