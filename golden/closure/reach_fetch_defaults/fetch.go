// Package fetch downloads a set of URLs with shared client options.
package fetch

import (
	"sync"
	"time"
)

// Options configure every request of one fetch.
type Options struct {
	Timeout time.Duration
	Retries int
	Agent   string
}

// withDefaults fills what the caller left unset.
func (o *Options) withDefaults() {
	if o.Timeout == 0 {
		o.Timeout = 5 * time.Second
	}
	if o.Agent == "" {
		o.Agent = "fetch/1.0"
	}
}

// All gets every URL concurrently with the same options and returns the errors by index.
func All(urls []string, retries int, get func(url string, o Options) error) []error {
	opts := Options{Retries: retries} // want "moved to heap: opts"
	opts.withDefaults()
	errs := make([]error, len(urls))
	var wg sync.WaitGroup // want "moved to heap: wg"
	for i, u := range urls {
		wg.Add(1)
		go func() { // want "func literal escapes to heap"
			defer wg.Done()
			errs[i] = get(u, opts)
		}()
	}
	wg.Wait()
	return errs
}
