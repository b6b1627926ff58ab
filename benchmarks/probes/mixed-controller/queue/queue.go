// Package queue is a rate-limited work queue with retries, in the shape of client-go's workqueue.
package queue

import (
	"sync"
	"time"

	"example.com/probes/mixed-controller/limits"
)

// RateLimiter hands out per-key exponential delays from a fixed table.
type RateLimiter struct {
	mu       sync.Mutex
	failures map[string]int
	table    [limits.BackoffSteps]time.Duration
}

// NewRateLimiter builds the table base, 2*base, … capped at max.
func NewRateLimiter(base, max time.Duration) *RateLimiter {
	r := &RateLimiter{failures: make(map[string]int)}
	d := base
	for i := range r.table {
		r.table[i] = min(d, max)
		d *= 2
	}
	return r
}

// When records a failure of key and returns how long to wait before the retry.
func (r *RateLimiter) When(key string) time.Duration {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := r.failures[key]
	r.failures[key] = n + 1
	return r.table[min(n, limits.BackoffSteps-1)]
}

// Forget clears key's failures.
func (r *RateLimiter) Forget(key string) {
	r.mu.Lock()
	delete(r.failures, key)
	r.mu.Unlock()
}

// Requeues is how many times key failed.
func (r *RateLimiter) Requeues(key string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.failures[key]
}

// Queue deduplicates keys and never hands one key to two workers at once.
type Queue struct {
	mu         sync.Mutex
	cond       *sync.Cond
	items      []string
	dirty      map[string]bool
	processing map[string]bool
	closed     bool
	Limiter    *RateLimiter
}

// New returns an empty queue.
func New(l *RateLimiter) *Queue {
	q := &Queue{dirty: map[string]bool{}, processing: map[string]bool{}, Limiter: l}
	q.cond = sync.NewCond(&q.mu)
	return q
}

// Add queues key unless it is already waiting.
func (q *Queue) Add(key string) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.closed || q.dirty[key] {
		return
	}
	q.dirty[key] = true
	if q.processing[key] {
		return
	}
	q.items = append(q.items, key)
	q.cond.Signal()
}

// AddRateLimited queues key after its backoff.
func (q *Queue) AddRateLimited(key string) {
	time.AfterFunc(q.Limiter.When(key), func() { q.Add(key) })
}

// Get blocks until a key is ready; ok is false once the queue is shut down and drained.
func (q *Queue) Get() (key string, ok bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 && !q.closed {
		q.cond.Wait()
	}
	if len(q.items) == 0 {
		return "", false
	}
	key, q.items = q.items[0], q.items[1:]
	q.processing[key] = true
	delete(q.dirty, key)
	return key, true
}

// Done marks key processed, requeueing it if it was added meanwhile.
func (q *Queue) Done(key string) {
	q.mu.Lock()
	defer q.mu.Unlock()
	delete(q.processing, key)
	if q.dirty[key] {
		q.items = append(q.items, key)
		q.cond.Signal()
	}
}

// ShutDown wakes every waiting worker.
func (q *Queue) ShutDown() {
	q.mu.Lock()
	q.closed = true
	q.mu.Unlock()
	q.cond.Broadcast()
}

// Len is how many keys wait.
func (q *Queue) Len() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.items)
}

// WorkerOptions configures RunWorkers.
type WorkerOptions struct {
	Workers    int
	MaxRetries int
	OnDrop     func(key string, err error)
}

func (o *WorkerOptions) defaults() {
	if o.Workers <= 0 {
		o.Workers = 2
	}
	if o.MaxRetries <= 0 {
		o.MaxRetries = limits.BackoffSteps
	}
}

// RunWorkers runs handle on every key until the queue shuts down, retrying failures up to MaxRetries.
func RunWorkers(q *Queue, opts WorkerOptions, handle func(key string) error) int {
	opts.defaults()
	var processed int64
	var mu sync.Mutex
	var wg sync.WaitGroup
	for w := 0; w < opts.Workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				key, ok := q.Get()
				if !ok {
					return
				}
				err := handle(key)
				switch {
				case err == nil:
					q.Limiter.Forget(key)
				case q.Limiter.Requeues(key) < opts.MaxRetries:
					q.AddRateLimited(key)
				default:
					q.Limiter.Forget(key)
					if opts.OnDrop != nil {
						opts.OnDrop(key, err)
					}
				}
				q.Done(key)
				mu.Lock()
				processed++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return int(processed)
}

// Backoff returns the first steps delays of base doubling, capped at max, for a caller to keep.
func Backoff(base, max time.Duration, steps int) []time.Duration {
	out := make([]time.Duration, min(steps, limits.BackoffSteps))
	d := base
	for i := range out {
		out[i] = min(d, max)
		d *= 2
	}
	return out
}

// Budget is the total time a key may spend waiting over its first steps retries.
func Budget(base, max time.Duration, steps int) time.Duration {
	if steps < 0 {
		return 0
	}
	delays := make([]time.Duration, min(steps, limits.BackoffSteps))
	d := base
	for i := range delays {
		delays[i] = min(d, max)
		d *= 2
	}
	var total time.Duration
	for _, x := range delays {
		total += x
	}
	return total
}
