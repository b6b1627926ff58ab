package batch

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

// Page is one page of an API listing.
type Page struct {
	N     int
	Items []string
}

// Fetcher fetches one page.
type Fetcher func(ctx context.Context, n int, token string) (Page, error)

// FetchPages fetches pages 1..n concurrently with at most limit in flight,
// each with its own timeout; the token is refreshed after the batch.
func FetchPages(ctx context.Context, f Fetcher, n, limit int, token string, timeout time.Duration) ([]Page, string, error) {
	if timeout <= 0 {
		timeout = time.Second
	}
	pages := make([]Page, n)
	errs := make([]error, n)
	sem := make(chan struct{}, limit)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			cctx, cancel := context.WithTimeout(ctx, timeout)
			defer cancel()
			pages[i], errs[i] = f(cctx, i+1, token)
		}()
	}
	wg.Wait()
	token = "refreshed:" + token
	return pages, token, errors.Join(errs...)
}

// Ticker-paced rate limiting: one request per tick, each in its own goroutine,
// results through a channel; the base URL is normalised first.
func Paced(ctx context.Context, base string, ids []int, every time.Duration, get func(string) string) []string {
	if len(base) > 0 && base[len(base)-1] == '/' {
		base = base[:len(base)-1]
	}
	tick := time.NewTicker(every)
	defer tick.Stop()
	type res struct {
		i int
		s string
	}
	out := make(chan res, len(ids))
	for i, id := range ids {
		select {
		case <-tick.C:
		case <-ctx.Done():
			return nil
		}
		go func() {
			out <- res{i, get(fmt.Sprintf("%s/items/%d", base, id))}
		}()
	}
	got := make([]string, len(ids))
	for range ids {
		r := <-out
		got[r.i] = r.s
	}
	return got
}

// FirstReply races mirrors and returns the first answer; the losers still run
// and read attempt, which the caller bumps (must not be rewritten).
func FirstReply(mirrors []string, get func(string, int) (string, error)) (string, int) {
	attempt := 1
	res := make(chan string, len(mirrors))
	for _, m := range mirrors {
		go func() {
			if s, err := get(m, attempt); err == nil {
				res <- s
			}
		}()
	}
	select {
	case s := <-res:
		attempt++
		return s, attempt
	case <-time.After(100 * time.Millisecond):
		return "", attempt
	}
}

// WithRetry retries a call in a goroutine with a per-try timeout; the delay
// doubles after each receive.
func WithRetry(ctx context.Context, tries int, delay time.Duration, call func(context.Context) error) error {
	var err error
	for t := 0; t < tries; t++ {
		done := make(chan error, 1)
		go func() {
			cctx, cancel := context.WithTimeout(ctx, delay*4)
			defer cancel()
			done <- call(cctx)
		}()
		err = <-done
		if err == nil {
			return nil
		}
		delay *= 2
	}
	return err
}

// Client is a small API client whose requests share a limiter.
type Client struct {
	mu      sync.Mutex
	limiter chan struct{}
	Base    string
	calls   int
}

// GetAll fetches paths through c with the client's limiter; the prefix is
// reassigned once, before the loop.
func (c *Client) GetAll(paths []string, prefix string, get func(string) string) []string {
	if prefix == "" {
		prefix = c.Base
	}
	out := make([]string, len(paths))
	var wg sync.WaitGroup
	for i, p := range paths {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.limiter <- struct{}{}
			out[i] = get(prefix + p)
			<-c.limiter
			c.mu.Lock()
			c.calls++
			c.mu.Unlock()
		}()
	}
	wg.Wait()
	return out
}
