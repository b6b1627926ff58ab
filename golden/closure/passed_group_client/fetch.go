// Package fetch downloads a set of URLs concurrently through a small task group.
package fetch

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"time"
)

// group runs tasks in goroutines and keeps the first error, like errgroup.Group.
type group struct {
	wg   sync.WaitGroup
	once sync.Once
	err  error
}

func (g *group) Go(task func() error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		if err := task(); err != nil {
			g.once.Do(func() { g.err = err })
		}
	}()
}

func (g *group) Wait() error {
	g.wg.Wait()
	return g.err
}

// All fetches every URL and returns the first error.
func All(ctx context.Context, urls []string, timeout time.Duration) error {
	client := http.DefaultClient // want "moved to heap: client"
	if timeout > 0 {
		client = &http.Client{Timeout: timeout}
	}
	var g group
	for _, u := range urls {
		g.Go(func() error { // want "func literal escapes to heap"
			// keep: comment inside the task
			req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
			if err != nil {
				return err
			}
			resp, err := client.Do(req)
			if err != nil {
				return fmt.Errorf("fetch %s: %w", u, err)
			}
			return resp.Body.Close()
		})
	}
	return g.Wait()
}
