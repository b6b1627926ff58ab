// Package fanout computes partial sums concurrently.
package fanout

// Sums starts one goroutine per worker, each filling its share of results: the goroutine
// keeps the slice beyond the statement that makes it.
func Sums(xs []int, workers int, done chan<- []int) {
	results := make([]int, workers) // want "make\\(\\[\\]int, workers\\) escapes to heap" // declined "the slice escapes whatever its size"
	go func() {
		for i, x := range xs {
			results[i%workers] += x
		}
		done <- results
	}()
}
