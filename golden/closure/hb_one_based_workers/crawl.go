// Package crawl fetches a site level by level with numbered workers.
package crawl

import "sync"

// Levels fetches each level's URLs with `workers` workers numbered from 1, as logs name them; every
// fetch is tagged with the current depth, which advances once all of the level's workers are done.
// wg.Add(workers) counts the goroutines of the loop from 1 to workers (w is written by its post
// statement alone, workers by nothing).
func Levels(levels [][]string, workers int, depth int, fetch func(depth, worker int, url string)) int { // want "moved to heap: depth"
	for _, urls := range levels {
		queue := make(chan string)
		var wg sync.WaitGroup // want "moved to heap: wg"
		wg.Add(workers)
		for w := 1; w <= workers; w++ {
			go func() { // want "func literal escapes to heap"
				defer wg.Done()
				for u := range queue {
					fetch(depth, w, u)
				}
			}()
		}
		for _, u := range urls {
			queue <- u
		}
		close(queue)
		wg.Wait()
		depth++
	}
	return depth
}
