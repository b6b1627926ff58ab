package etl

import (
	"context"
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"
)

// FanOut runs fn on every input with n workers; a closer goroutine closes
// the results channel once they are done.
func FanOut(in []string, n int, fn func(string) int) map[string]int {
	jobs := make(chan string)
	results := make(chan struct {
		k string
		v int
	})
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range jobs {
				results <- struct {
					k string
					v int
				}{k, fn(k)}
			}
		}()
	}
	go func() {
		for _, k := range in {
			jobs <- k
		}
		close(jobs)
	}()
	go func() {
		wg.Wait()
		close(results)
	}()
	out := make(map[string]int, len(in))
	for r := range results {
		out[r.k] = r.v
	}
	return out
}

// Stages connects trim -> upper -> collect with channels; the separator is
// changed after the collector has finished.
func Stages(ctx context.Context, lines []string, sep string) (string, error) {
	g, ctx := errgroup.WithContext(ctx)
	trimmed := make(chan string)
	upper := make(chan string)
	g.Go(func() error {
		defer close(trimmed)
		for _, l := range lines {
			select {
			case trimmed <- strings.TrimSpace(l):
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		return nil
	})
	g.Go(func() error {
		defer close(upper)
		for l := range trimmed {
			select {
			case upper <- strings.ToUpper(l):
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		return nil
	})
	var b strings.Builder
	g.Go(func() error {
		first := true
		for l := range upper {
			if !first {
				b.WriteString(sep)
			}
			first = false
			b.WriteString(l)
		}
		return nil
	})
	if err := g.Wait(); err != nil {
		return "", err
	}
	sep = ""
	_ = sep
	return b.String(), nil
}

// Collect gathers results from workers into one slice through a channel;
// the collector runs in the caller.
func Collect(parts [][]Row, keep func(Row) bool) []Row {
	ch := make(chan Row, 64)
	var wg sync.WaitGroup
	for _, p := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, r := range p {
				if keep(r) {
					ch <- r
				}
			}
		}()
	}
	go func() { wg.Wait(); close(ch) }()
	var out []Row
	for r := range ch {
		out = append(out, r)
	}
	keep = nil
	_ = keep
	return out
}

// Retained keeps a per-partition buffer the caller reads later: the buffer
// really is retained by the returned function.
func Retained(parts int) (add func(int, float64), snapshot func() []float64) {
	buf := make([]float64, parts)
	var mu sync.Mutex
	add = func(p int, v float64) {
		mu.Lock()
		buf[p] += v
		mu.Unlock()
	}
	snapshot = func() []float64 {
		mu.Lock()
		defer mu.Unlock()
		return append([]float64(nil), buf...)
	}
	return add, snapshot
}

// Progress reports how many rows a background loader has loaded; the caller
// polls it while the loader runs (the write is observed on purpose).
func Progress(rows []Row, load func(Row)) (wait func() int, loaded func() int) {
	var mu sync.Mutex
	n := 0
	done := make(chan struct{})
	go func() {
		defer close(done)
		for _, r := range rows {
			load(r)
			mu.Lock()
			n++
			mu.Unlock()
		}
	}()
	wait = func() int { <-done; mu.Lock(); defer mu.Unlock(); return n }
	loaded = func() int { mu.Lock(); defer mu.Unlock(); return n }
	return wait, loaded
}

// Windowed sums rows per window; the window size is grown when a window
// overflows, after its worker has returned, and the next iteration's worker
// reads the new size.
func Windowed(rows []Row, window int) []float64 {
	var out []float64
	for start := 0; start < len(rows); {
		end := min(start+window, len(rows))
		var sum float64
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, r := range rows[start:end] {
				sum += r.Value
			}
		}()
		wg.Wait()
		out = append(out, sum)
		if sum > 1e6 {
			window *= 2
		}
		start = end
	}
	return out
}
