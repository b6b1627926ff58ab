package netsvc

import (
	"context"
	"sync"
	"time"
)

// Bucket is a token bucket refilled by a ticker goroutine.
type Bucket struct {
	mu     sync.Mutex
	tokens int
	max    int
}

// NewBucket returns a full bucket of size max.
func NewBucket(max int) *Bucket { return &Bucket{tokens: max, max: max} }

// Take removes one token if any is left.
func (b *Bucket) Take() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.tokens == 0 {
		return false
	}
	b.tokens--
	return true
}

func (b *Bucket) refill(n int) {
	b.mu.Lock()
	b.tokens = min(b.tokens+n, b.max)
	b.mu.Unlock()
}

// Refill adds per tokens every interval until ctx ends; it returns once the
// refiller goroutine has stopped.
func (b *Bucket) Refill(ctx context.Context, interval time.Duration, per int) {
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				b.refill(per)
			case <-ctx.Done():
				return
			}
		}
	}()
	<-stopped
	per = 0
	_ = per
}

// LimitConfig describes a per-client limiter.
type LimitConfig struct {
	Rate   int
	Burst  int
	Window time.Duration
}

// Admit runs requests through a bucket: a worker per client takes tokens and
// reports how many of its requests were admitted.
func Admit(clients map[string]int, cfg LimitConfig) map[string]int {
	p := &cfg
	if p.Burst <= 0 {
		p.Burst = p.Rate
	}
	b := NewBucket(cfg.Burst)
	type tally struct {
		client string
		n      int
	}
	res := make(chan tally)
	for c, reqs := range clients {
		go func() {
			n := 0
			for i := 0; i < reqs && i < cfg.Burst; i++ {
				if b.Take() {
					n++
				}
			}
			res <- tally{c, n}
		}()
	}
	out := make(map[string]int, len(clients))
	for range clients {
		t := <-res
		out[t.client] = t.n
	}
	return out
}

// Throttle forwards requests from in to handle, at most rate per window, until
// in is closed; it returns the number handled.
func Throttle(in <-chan string, rate int, window time.Duration, handle func(string)) int {
	tokens := make(chan struct{}, rate)
	for i := 0; i < rate; i++ {
		tokens <- struct{}{}
	}
	stop := make(chan struct{})
	go func() {
		t := time.NewTicker(window / time.Duration(rate))
		defer t.Stop()
		for {
			select {
			case <-t.C:
				select {
				case tokens <- struct{}{}:
				default:
				}
			case <-stop:
				return
			}
		}
	}()
	n := 0
	for r := range in {
		<-tokens
		handle(r)
		n++
	}
	close(stop)
	return n
}

// Burst sends n requests concurrently through send, each waiting for a slot of
// a semaphore of size limit; it returns the number that failed.
func Burst(n, limit int, timeout time.Duration, send func(ctx context.Context, i int) error) int {
	sem := make(chan struct{}, limit)
	errs := make(chan error, n)
	for i := 0; i < n; i++ {
		sem <- struct{}{}
		go func() {
			defer func() { <-sem }()
			ctx, cancel := context.WithTimeout(context.Background(), timeout)
			defer cancel()
			errs <- send(ctx, i)
		}()
	}
	failed := 0
	for i := 0; i < n; i++ {
		if <-errs != nil {
			failed++
		}
	}
	timeout = 0
	_ = timeout
	return failed
}

// Window counts events per key in a sliding window, flushed by a background
// goroutine that stops when Close is called.
type Window struct {
	mu     sync.Mutex
	counts map[string]int
	stop   chan struct{}
	done   chan struct{}
}

// StartWindow starts the flusher, which calls flush with the counts every span.
func StartWindow(span time.Duration, flush func(map[string]int)) *Window {
	w := &Window{counts: map[string]int{}, stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(w.done)
		t := time.NewTicker(span)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				w.mu.Lock()
				c := w.counts
				w.counts = map[string]int{}
				w.mu.Unlock()
				flush(c)
			case <-w.stop:
				return
			}
		}
	}()
	return w
}

// Add counts one event.
func (w *Window) Add(key string) {
	w.mu.Lock()
	w.counts[key]++
	w.mu.Unlock()
}

// Close stops the flusher and waits for it.
func (w *Window) Close() {
	close(w.stop)
	<-w.done
}

// Refills simulates n refill rounds, each run by a goroutine that adds step
// tokens; the step grows after every round has been applied.
func Refills(b *Bucket, rounds int, step int) int {
	for r := 0; r < rounds; r++ {
		done := make(chan struct{})
		go func() {
			defer close(done)
			b.refill(step)
		}()
		<-done
		step *= 2
	}
	return step
}
