package decline_variant_exists

// Pack copies up to 4 values.
func Pack(vals []int, n int) int {
	if n > 4 {
		return 0
	}
	out := make([]int, n) // want(<go1.25) "make\\(\\[\\]int, n\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]int, n\\) does not escape" // declined "pack_go125.go exists already"
	return copy(out, vals)
}
