//go:build go1.21

package decline_release_variant

// Sum3 adds up to three values.
func Sum3(vals []int, n int) int {
	if n > 3 {
		return 0
	}
	part := make([]int, n) // want(<go1.25) "make\\(\\[\\]int, n\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]int, n\\) does not escape" // declined "release variant already"
	copy(part, vals)
	t := 0
	for _, v := range part {
		t += v
	}
	return t
}
