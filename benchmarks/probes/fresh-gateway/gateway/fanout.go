package gateway

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"example.com/freshgw/limits"
)

// Backend answers a request for a key.
type Backend interface {
	Fetch(ctx context.Context, key string) (string, error)
}

// fanOut queries every backend and returns the first non-empty answer.
func fanOut(ctx context.Context, backends []Backend, key string) (string, error) {
	n := min(len(backends), limits.MaxBackends)
	answers := make([]string, n)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			answers[i], _ = backends[i].Fetch(ctx, key)
		}(i)
	}
	wg.Wait()
	for _, a := range answers {
		if a != "" {
			return a, nil
		}
	}
	return "", errors.New("no backend answered")
}

// fanOutGroup queries every backend with errgroup, failing on the first error.
func fanOutGroup(ctx context.Context, backends []Backend, key string) ([]string, error) {
	g, ctx := errgroup.WithContext(ctx)
	results := make([]string, len(backends))
	for i, b := range backends {
		g.Go(func() error {
			r, err := b.Fetch(ctx, key)
			if err != nil {
				return fmt.Errorf("backend %d: %w", i, err)
			}
			results[i] = r
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return results, nil
}

// countOK counts backends that answer without error.
func countOK(ctx context.Context, backends []Backend, key string) int {
	var mu sync.Mutex
	ok := 0
	var wg sync.WaitGroup
	for _, b := range backends {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := b.Fetch(ctx, key); err == nil {
				mu.Lock()
				ok++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return ok
}

// hedged asks the primary, and the secondary too if the primary is slow.
func hedged(ctx context.Context, primary, secondary Backend, key string, delay time.Duration) (string, error) {
	type answer struct {
		v   string
		err error
	}
	ch := make(chan answer, 2)
	timeout := delay
	go func() {
		v, err := primary.Fetch(ctx, key)
		ch <- answer{v, err}
	}()
	select {
	case a := <-ch:
		return a.v, a.err
	case <-time.After(timeout):
	}
	go func() {
		v, err := secondary.Fetch(ctx, key)
		ch <- answer{v, err}
	}()
	a := <-ch
	return a.v, a.err
}

// joinAnswers fetches each key from one backend concurrently and joins the answers.
func joinAnswers(ctx context.Context, b Backend, keys []string, sep string) string {
	if len(keys) > limits.MaxBackends {
		keys = keys[:limits.MaxBackends]
	}
	out := make([]string, len(keys))
	var wg sync.WaitGroup
	wg.Add(len(keys))
	for i := range keys {
		go func() {
			defer wg.Done()
			out[i], _ = b.Fetch(ctx, keys[i])
		}()
	}
	wg.Wait()
	return strings.Join(out, sep)
}

// healthCheck pings every backend and reports the failed ones.
func healthCheck(ctx context.Context, backends map[string]Backend) []string {
	var g errgroup.Group
	var mu sync.Mutex
	var failed []string
	probe := "health"
	for name, b := range backends {
		g.Go(func() error {
			if _, err := b.Fetch(ctx, probe); err != nil {
				mu.Lock()
				failed = append(failed, name)
				mu.Unlock()
			}
			return nil
		})
	}
	_ = g.Wait()
	return failed
}
