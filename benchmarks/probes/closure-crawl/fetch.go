package crawl

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

// Fetcher gets a page body.
type Fetcher interface {
	Fetch(ctx context.Context, rawURL string) (string, error)
}

// Result is one fetched page.
type Result struct {
	URL  string
	Body string
	Err  error
}

// FetchAll fetches every url with at most limit requests in flight, each under its
// own timeout; results keep the input order.
func FetchAll(ctx context.Context, f Fetcher, urls []string, limit int, timeout time.Duration) []Result {
	if limit <= 0 {
		limit = 4
	}
	if timeout == 0 {
		timeout = 10 * time.Second
	}
	sem := make(chan struct{}, limit)
	out := make([]Result, len(urls))
	var wg sync.WaitGroup
	for i, u := range urls {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			cctx, cancel := context.WithTimeout(ctx, timeout)
			defer cancel()
			body, err := f.Fetch(cctx, u)
			out[i] = Result{URL: u, Body: body, Err: err}
		}()
	}
	wg.Wait()
	return out
}

// FetchFirst returns the first successful body among mirrors and cancels the rest.
func FetchFirst(ctx context.Context, f Fetcher, mirrors []string) (string, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type reply struct {
		body string
		err  error
	}
	replies := make(chan reply, len(mirrors))
	for _, m := range mirrors {
		go func() {
			body, err := f.Fetch(ctx, m)
			replies <- reply{body, err}
		}()
	}
	var errs []error
	for range mirrors {
		r := <-replies
		if r.err == nil {
			return r.body, nil
		}
		errs = append(errs, r.err)
	}
	return "", errors.Join(errs...)
}

// FetchHosts fetches urls with at most perHost requests to one host at a time.
func FetchHosts(ctx context.Context, f Fetcher, urls []string, perHost int) map[string]int {
	if perHost < 1 {
		perHost = 1
	}
	sems := map[string]chan struct{}{}
	sizes := make([]int, len(urls))
	var wg sync.WaitGroup
	for i, raw := range urls {
		pu, err := url.Parse(raw)
		if err != nil {
			continue
		}
		sem, ok := sems[pu.Host]
		if !ok {
			sem = make(chan struct{}, perHost)
			sems[pu.Host] = sem
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			if body, err := f.Fetch(ctx, raw); err == nil {
				sizes[i] = len(body)
			}
		}()
	}
	wg.Wait()
	byHost := map[string]int{}
	for i, raw := range urls {
		if pu, err := url.Parse(raw); err == nil {
			byHost[pu.Host] += sizes[i]
		}
	}
	return byHost
}

// Crawl walks links breadth first up to maxDepth, a level at a time.
func Crawl(ctx context.Context, f Fetcher, start string, maxDepth int, links func(string) []string) []string {
	visited := map[string]bool{start: true}
	frontier := []string{start}
	var order []string
	for depth := 0; depth <= maxDepth && len(frontier) > 0; depth++ {
		var mu sync.Mutex
		var next []string
		g, gctx := errgroup.WithContext(ctx)
		g.SetLimit(8)
		for _, u := range frontier {
			g.Go(func() error {
				body, err := f.Fetch(gctx, u)
				if err != nil {
					return nil
				}
				found := links(body)
				mu.Lock()
				defer mu.Unlock()
				order = append(order, u)
				if depth == maxDepth {
					return nil
				}
				for _, l := range found {
					if !visited[l] {
						visited[l] = true
						next = append(next, l)
					}
				}
				return nil
			})
		}
		_ = g.Wait()
		frontier = next
	}
	return order
}

// Poll fetches u every interval in the background until the returned stop is called.
func Poll(ctx context.Context, f Fetcher, u string, interval time.Duration, sink func(string)) (stop func()) {
	if interval < time.Second {
		interval = time.Second
	}
	ctx, cancel := context.WithCancel(ctx)
	go func() {
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				if body, err := f.Fetch(ctx, u); err == nil {
					sink(body)
				}
			}
		}
	}()
	return cancel
}

// Normalize lower-cases every host in parallel, joining with the base when relative.
func Normalize(base string, raws []string) []string {
	base = strings.TrimSuffix(base, "/")
	out := make([]string, len(raws))
	var wg sync.WaitGroup
	for i, r := range raws {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if !strings.Contains(r, "://") {
				r = base + "/" + strings.TrimPrefix(r, "/")
			}
			if pu, err := url.Parse(r); err == nil {
				pu.Host = strings.ToLower(pu.Host)
				r = pu.String()
			}
			out[i] = r
		}()
	}
	wg.Wait()
	return out
}

// Agent fetches with a user agent that a caller may rotate between batches.
type Agent struct {
	Name string
	F    Fetcher
}

// Warm prefetches urls in the background and returns at once; the agent name is
// switched for the caller's next batch while the prefetches may still run.
func (a *Agent) Warm(ctx context.Context, urls []string, log func(string, string)) {
	name := a.Name
	for _, u := range urls {
		go func() {
			if _, err := a.F.Fetch(ctx, u); err == nil {
				log(name, u)
			}
		}()
	}
	name = name + "-next"
	a.Name = name
}
