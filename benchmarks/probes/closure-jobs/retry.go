package jobs

import (
	"context"
	"errors"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"time"
)

// Policy says how often and how patiently to retry.
type Policy struct {
	Attempts int
	Base     time.Duration
	Max      time.Duration
}

// Backoff is the delay before attempt n (from 0), exponential with full jitter.
func (p Policy) Backoff(n int) time.Duration {
	d := p.Base << n
	if d <= 0 || d > p.Max {
		d = p.Max
	}
	return time.Duration(rand.Int64N(int64(d) + 1))
}

// Call is one remote operation to retry.
type Call func(ctx context.Context) error

var errGaveUp = errors.New("gave up")

// RetryAll runs every call in its own goroutine, each retried with backoff under
// the policy; a policy without attempts gets three. The errors come back by index.
func RetryAll(ctx context.Context, calls []Call, p Policy) []error {
	attempts := p.Attempts
	if attempts <= 0 {
		attempts = 3
	}
	errs := make([]error, len(calls))
	var wg sync.WaitGroup
	wg.Add(len(calls))
	for i, c := range calls {
		go func() {
			defer wg.Done()
			var err error
			for n := 0; n < attempts; n++ {
				if err = c(ctx); err == nil {
					errs[i] = nil
					return
				}
				select {
				case <-time.After(p.Backoff(n)):
				case <-ctx.Done():
					errs[i] = ctx.Err()
					return
				}
			}
			errs[i] = errors.Join(errGaveUp, err)
		}()
	}
	wg.Wait()
	return errs
}

// RetryAsync retries op in the background and reports the outcome on the
// returned channel; the goroutine counts its attempts down itself.
func RetryAsync(ctx context.Context, op Call, attempts int, base time.Duration) <-chan error {
	out := make(chan error, 1)
	go func() {
		delay := base
		for {
			err := op(ctx)
			attempts--
			if err == nil || attempts <= 0 {
				out <- err
				return
			}
			select {
			case <-time.After(delay):
				delay *= 2
			case <-ctx.Done():
				out <- ctx.Err()
				return
			}
		}
	}()
	return out
}

// Hedge starts op, and a second copy of it after delay unless the first has
// answered by then; the first answer wins. The losing attempt keeps running
// until its context is cancelled.
func Hedge(ctx context.Context, delay time.Duration, op func(context.Context) (string, error)) (string, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type result struct {
		v   string
		err error
	}
	res := make(chan result, 2)
	launch := func() {
		v, err := op(ctx)
		res <- result{v, err}
	}
	go launch()
	t := time.AfterFunc(delay, launch)
	defer t.Stop()
	r := <-res
	return r.v, r.err
}

// RetryCounted retries every call up to attempts times and returns how many
// attempts were made in total, counted atomically across the goroutines.
func RetryCounted(ctx context.Context, calls []Call, attempts int) int64 {
	var total atomic.Int64
	var wg sync.WaitGroup
	for _, c := range calls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := 0; n < attempts; n++ {
				total.Add(1)
				if c(ctx) == nil {
					return
				}
			}
		}()
	}
	wg.Wait()
	return total.Load()
}

// Deadline runs op with a budget; when the budget runs out first it reports a
// timeout, and the note it leaves is changed for the log while op may still run.
func Deadline(op func(note *string) error, budget time.Duration) (string, error) {
	note := "pending"
	done := make(chan error, 1)
	go func() { done <- op(&note) }()
	select {
	case err := <-done:
		return note, err
	case <-time.After(budget):
		return "timed out", context.DeadlineExceeded
	}
}

// Poll calls check every interval until it says done or ctx ends, with the
// interval growing by half each time up to limit.
func Poll(ctx context.Context, interval, limit time.Duration, check func() bool) error {
	if limit < interval {
		limit = interval
	}
	errc := make(chan error, 1)
	go func() {
		d := interval
		for !check() {
			select {
			case <-ctx.Done():
				errc <- ctx.Err()
				return
			case <-time.After(d):
			}
			d = min(d+d/2, limit)
		}
		errc <- nil
	}()
	return <-errc
}
