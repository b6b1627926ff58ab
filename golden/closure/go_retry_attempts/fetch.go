// Package fetch retrieves a list of URLs concurrently with bounded retries.
package fetch

import "time"

// Getter performs one request; it is usually an HTTP client call.
type Getter func(url string) error

// All fetches every URL in its own goroutine and sends one result per URL.
// Slow upstreams (long timeouts) get more attempts.
func All(urls []string, get Getter, timeout time.Duration) <-chan error {
	maxAttempts := 3 // want "moved to heap: maxAttempts"
	if timeout > 10*time.Second {
		maxAttempts = 5
	}
	results := make(chan error, len(urls))
	for _, u := range urls {
		go func() {
			// keep: comment inside the goroutine
			var err error
			for attempt := 0; attempt < maxAttempts; attempt++ {
				if err = get(u); err == nil {
					break
				}
				time.Sleep(time.Duration(attempt+1) * 50 * time.Millisecond)
			}
			results <- err
		}()
	}
	return results
}
