package decline_nosplit

// Sum4 adds up to four values without a stack check.
//
//go:nosplit
func Sum4(vals []int, n int) int {
	if n > 4 {
		return 0
	}
	part := make([]int, n) // want(<go1.25) "make\\(\\[\\]int, n\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]int, n\\) does not escape" // declined "carries //go:nosplit"
	copy(part, vals)
	t := 0
	for _, v := range part {
		t += v
	}
	return t
}
