// Package mirror downloads a file from the primary mirror first, then from the fallbacks.
package mirror

import "sync"

// Fetch asks every mirror for the file with the same credentials; the fallbacks start only once
// the first answer is in, and by then the credentials are refreshed. The first for-select loop is
// left by a break at that answer, not only when the results are closed, so it does not wait for
// the fallbacks, which read the credentials after the refresh.
func Fetch(mirrors []string, creds string, fetch func(creds, mirror string) string, refresh func(string) string) (string, []string) { // want "moved to heap: creds" // declined "the write at line 40 can come before the wait at line 43 returns"
	results := make(chan string, len(mirrors))
	fallback := make(chan struct{})
	var wg sync.WaitGroup // want "moved to heap: wg"
	for i, m := range mirrors {
		wg.Add(1)
		go func() { // want "func literal escapes to heap"
			defer wg.Done()
			if i > 0 {
				<-fallback
			}
			results <- fetch(creds, m)
		}()
	}
	go func() { // want "func literal escapes to heap"
		wg.Wait()
		close(results)
	}()
	first := ""
first:
	for {
		select {
		case r, ok := <-results:
			if !ok {
				break first
			}
			first = r
			break first
		}
	}
	creds = refresh(creds)
	close(fallback)
	var rest []string
rest:
	for {
		select {
		case r, ok := <-results:
			if !ok {
				break rest
			}
			rest = append(rest, r)
		}
	}
	return first, rest
}
