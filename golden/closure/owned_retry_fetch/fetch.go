// Package fetch downloads pages concurrently, each goroutine retrying its own URL.
package fetch

import (
	"errors"
	"strings"
	"sync"
)

// Get fetches one page.
type Get func(url string) (string, error)

// All fetches every url in its own goroutine, trying each up to tries times; a relative url is
// resolved against base first. Bodies keep the order of urls.
func All(base string, urls []string, tries int, get Get) ([]string, error) {
	bodies := make([]string, len(urls))
	errs := make([]error, len(urls))
	var wg sync.WaitGroup // want "moved to heap: wg"
	for i, u := range urls { // want "moved to heap: u"
		wg.Add(1)
		go func() { // want "func literal escapes to heap"
			defer wg.Done()
			if !strings.Contains(u, "://") {
				u = base + "/" + strings.TrimPrefix(u, "/")
			}
			left := tries
			for left > 0 {
				if bodies[i], errs[i] = get(u); errs[i] == nil {
					return
				}
				left--
			}
		}()
	}
	wg.Wait()
	return bodies, errors.Join(errs...)
}
