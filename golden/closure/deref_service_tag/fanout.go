// Package fanout runs jobs concurrently, each failure tagged with the batch's service name.
package fanout

import (
	"fmt"
	"sync"
	"time"
)

// Config describes one batch.
type Config struct {
	Service string
	Timeout time.Duration
}

// Run runs every job on its own goroutine and returns one message per failed job. The goroutines
// read the service name through a pointer into cfg, which nothing writes once they start.
func Run(cfg Config, jobs []func() error) []string { // want "moved to heap: cfg"
	service := &cfg.Service
	out := make([]string, len(jobs))
	var wg sync.WaitGroup
	for i, job := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := job(); err != nil {
				out[i] = fmt.Sprintf("%s/%d: %v", *service, i, err)
			}
		}()
	}
	wg.Wait()
	return out
}
