// Package warm fills a cache in passes, each on a worker, until a health check fails.
package warm

// Passes warms the cache once a pass, with a batch ten times the last one's. A failed health
// check returns what has been warmed so far: that path ends the function and never reaches the
// write after the receive, which every other path passes through.
func Passes(key string, batch int, healthy func(pass int) bool, fill func(key string, batch int) int) int { // want "moved to heap: batch"
	total := 0
	for pass := 0; pass < 3; pass++ {
		filled := make(chan int, 1)
		go func() { // want "func literal escapes to heap"
			filled <- fill(key, batch)
		}()
		if !healthy(pass) {
			return total
		}
		total += <-filled
		batch *= 10
	}
	return total
}
