// Package closer fans out page fetches and collects results through a closer goroutine.
package closer

import "sync"

// Result is one fetched page.
type Result struct {
	URL  string
	Body string
}

// Crawl fetches every level's URLs concurrently with the same user agent; a closer goroutine
// closes the results once the level's fetches are done, which ends the range loop, and only
// then does the agent rotate for the next level.
func Crawl(levels [][]string, agent string, fetch func(agent, url string) string, rotate func(string) string) []Result { // want "moved to heap: agent"
	var all []Result
	for _, urls := range levels {
		results := make(chan Result)
		var wg sync.WaitGroup // want "moved to heap: wg"
		for _, u := range urls {
			wg.Add(1)
			go func() { // want "func literal escapes to heap"
				defer wg.Done()
				results <- Result{URL: u, Body: fetch(agent, u)}
			}()
		}
		go func() { // want "func literal escapes to heap"
			wg.Wait()
			close(results)
		}()
		for r := range results {
			all = append(all, r)
		}
		agent = rotate(agent)
	}
	return all
}
