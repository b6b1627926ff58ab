// Package spin implements a low-level backoff used from signal handlers.
package spin

// Delays fills the first n backoff delays and returns their sum. It must not grow its stack
// (it runs on a signal stack), so a 256-byte buffer in its frame is not acceptable.
//
//go:nosplit
func Delays(n int) int {
	ds := make([]int, n) // want(<go1.25) "escapes to heap" want(>=go1.25) "does not escape" // declined "carries //go:nosplit"
	total := 0
	for i := range ds {
		ds[i] = 1 << min(i, 10)
		total += ds[i]
	}
	return total
}
