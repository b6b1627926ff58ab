package decline_everywhere

// Buckets counts samples into up to 16 buckets: 128 bytes, more than go1.25+'s 32-byte buffer,
// so make-const's rewrite pays off on every release and belongs in this file.
func Buckets(samples []int, n int) int {
	if n > 16 || n <= 0 {
		return 0
	}
	counts := make([]int, n) // want(<go1.25) "make\\(\\[\\]int, n\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]int, n\\) does not escape" // declined: not recognised (make-const rewrites it in place on every release)
	for _, s := range samples {
		counts[s%n]++
	}
	return counts[0]
}
