package datastore

import (
	"context"
	"fmt"
	"sort"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

// BatchFunc loads many keys at once.
type BatchFunc func(ctx context.Context, keys []string) ([]string, error)

// BatchLoader coalesces loads into batches (dataloader style).
type BatchLoader struct {
	fetch    BatchFunc
	maxBatch int
	wait     time.Duration
	mu       sync.Mutex
	pending  []request
}

type request struct {
	key string
	out chan result
}

type result struct {
	val string
	err error
}

// NewBatchLoader makes a loader.
func NewBatchLoader(fetch BatchFunc, maxBatch int, wait time.Duration) *BatchLoader {
	return &BatchLoader{fetch: fetch, maxBatch: maxBatch, wait: wait}
}

// LoadMany loads keys in batches of maxBatch in parallel and returns the
// values in order; the context label is replaced for the caller afterwards.
func (l *BatchLoader) LoadMany(ctx context.Context, keys []string, label string) ([]string, string, error) {
	vals := make([]string, len(keys))
	g, gctx := errgroup.WithContext(ctx)
	for lo := 0; lo < len(keys); lo += l.maxBatch {
		hi := min(lo+l.maxBatch, len(keys))
		g.Go(func() error {
			got, err := l.fetch(gctx, keys[lo:hi])
			if err != nil {
				return fmt.Errorf("%s: batch %d: %w", label, lo, err)
			}
			copy(vals[lo:hi], got)
			return nil
		})
	}
	err := g.Wait()
	label = label + " loaded"
	return vals, label, err
}

// LoadChunks is LoadMany with a WaitGroup sized from the chunk count.
func (l *BatchLoader) LoadChunks(ctx context.Context, keys []string, label string) ([]string, []error, string) {
	chunk := l.maxBatch
	n := len(keys)
	chunks := (n + chunk - 1) / chunk
	vals := make([]string, n)
	errs := make([]error, chunks)
	var wg sync.WaitGroup
	wg.Add(chunks)
	for lo := 0; lo < n; lo += chunk {
		go func() {
			defer wg.Done()
			hi := min(lo+chunk, n)
			got, err := l.fetch(ctx, keys[lo:hi])
			if err != nil {
				errs[lo/chunk] = fmt.Errorf("%s: %w", label, err)
				return
			}
			copy(vals[lo:hi], got)
		}()
	}
	wg.Wait()
	label = "done: " + label
	return vals, errs, label
}

// Load enqueues one key and waits for its batch.
func (l *BatchLoader) Load(key string) (string, error) {
	r := request{key: key, out: make(chan result, 1)}
	l.mu.Lock()
	l.pending = append(l.pending, r)
	l.mu.Unlock()
	res := <-r.out
	return res.val, res.err
}

// Dispatch runs the pending requests as one batch: the batch goroutine
// answers each request and the loader resets its window afterwards.
func (l *BatchLoader) Dispatch(ctx context.Context) int {
	l.mu.Lock()
	batch := l.pending
	l.pending = nil
	l.mu.Unlock()
	keys := make([]string, len(batch))
	for i, r := range batch {
		keys[i] = r.key
	}
	window := l.wait
	done := make(chan struct{})
	go func() {
		defer close(done)
		deadline, cancel := context.WithTimeout(ctx, window)
		defer cancel()
		vals, err := l.fetch(deadline, keys)
		for i, r := range batch {
			if err != nil {
				r.out <- result{err: err}
				continue
			}
			r.out <- result{val: vals[i]}
		}
	}()
	<-done
	window = 0
	_ = window
	return len(batch)
}

// PrimeSorted sorts each batch's keys in parallel before priming; the
// descending flag flips for the next call.
func PrimeSorted(batches [][]string, desc bool) bool {
	var wg sync.WaitGroup
	for _, b := range batches {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sort.Slice(b, func(i, j int) bool { return (b[i] < b[j]) != desc })
		}()
	}
	wg.Wait()
	desc = !desc
	return desc
}

// loadWorker serves one loader's requests until the channel closes.
func (l *BatchLoader) loadWorker(ctx context.Context, wg *sync.WaitGroup, in <-chan []string, out chan<- int) {
	defer wg.Done()
	for keys := range in {
		vals, err := l.fetch(ctx, keys)
		if err == nil {
			out <- len(vals)
		}
	}
}

// Pump runs workers over the batches, the feeder tagging each batch; the
// tag is rewritten once all work is done.
func (l *BatchLoader) Pump(ctx context.Context, batches [][]string, workers int, tag string) (int, string) {
	in := make(chan []string)
	out := make(chan int, len(batches))
	var wg sync.WaitGroup
	wg.Add(workers)
	for i := 0; i < workers; i++ {
		go l.loadWorker(ctx, &wg, in, out)
	}
	var feed sync.WaitGroup
	feed.Add(1)
	go func() {
		defer feed.Done()
		for _, b := range batches {
			in <- append([]string{tag}, b...)
		}
		close(in)
	}()
	feed.Wait()
	wg.Wait()
	tag = tag + "/pumped"
	close(out)
	total := 0
	for n := range out {
		total += n
	}
	return total, tag
}
