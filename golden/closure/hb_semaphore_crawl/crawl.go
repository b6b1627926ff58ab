// Package crawl fetches pages with a bounded number in flight.
package crawl

import "sync"

// Crawl fetches each URL with at most limit requests in flight: the semaphore is taken between
// the Add and the go statement. The user agent moves to the next version once all are fetched.
func Crawl(urls []string, limit int, agent string, fetch func(url, agent string) int) ([]int, string) {
	out := make([]int, len(urls))
	sem := make(chan struct{}, limit)
	var wg sync.WaitGroup
	for i, u := range urls {
		wg.Add(1)
		sem <- struct{}{}
		go func() { // want "func literal escapes to heap"
			defer wg.Done()
			defer func() { <-sem }()
			out[i] = fetch(u, agent)
		}()
	}
	wg.Wait()
	agent += "/2"
	return out, agent
}
