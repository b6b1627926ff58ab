package crawl

import (
	"context"
	"errors"
	"math/rand/v2"
	"sync"
	"time"
)

// Job is one unit of retried work.
type Job struct {
	ID  int
	Run func(ctx context.Context) error
}

// RetryAll runs every job in its own goroutine, retrying with exponential backoff.
func RetryAll(ctx context.Context, jobs []Job, attempts int, base time.Duration) []error {
	if attempts <= 0 {
		attempts = 3
	}
	if base <= 0 {
		base = 10 * time.Millisecond
	}
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	for i, j := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			delay := base
			for a := 0; a < attempts; a++ {
				if errs[i] = j.Run(ctx); errs[i] == nil {
					return
				}
				select {
				case <-ctx.Done():
					errs[i] = ctx.Err()
					return
				case <-time.After(delay + rand.N(delay/2+1)):
				}
				delay *= 2
			}
		}()
	}
	wg.Wait()
	return errs
}

// Hedged starts call and, if it has not answered after delay, a second one; the
// first answer wins.
func Hedged(ctx context.Context, delay time.Duration, call func(context.Context) (string, error)) (string, error) {
	delay = min(max(delay, time.Millisecond), time.Second)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type answer struct {
		v   string
		err error
	}
	ch := make(chan answer, 2)
	launch := func() {
		go func() {
			v, err := call(ctx)
			ch <- answer{v, err}
		}()
	}
	launch()
	select {
	case a := <-ch:
		return a.v, a.err
	case <-time.After(delay):
		launch()
	}
	a := <-ch
	return a.v, a.err
}

// ErrTimeout is returned by WithDeadline when fn does not finish in time.
var ErrTimeout = errors.New("crawl: timeout")

// WithDeadline runs fn under a deadline d from now, returning ErrTimeout if it overruns.
func WithDeadline(ctx context.Context, d time.Duration, fn func(context.Context) error) error {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	errc := make(chan error, 1)
	go func() { errc <- fn(ctx) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		return ErrTimeout
	}
}

// Backoff retries op in a background goroutine, reporting each failure on notes;
// the returned channel gets the final error.
func Backoff(op func() error, tries int, first time.Duration, notes chan<- error) <-chan error {
	if tries < 1 {
		tries = 1
	}
	done := make(chan error, 1)
	go func() {
		wait := first
		var err error
		for i := 0; i < tries; i++ {
			if err = op(); err == nil {
				break
			}
			if notes != nil {
				notes <- err
			}
			time.Sleep(wait)
			wait += wait / 2
		}
		done <- err
	}()
	return done
}

// Supervise restarts worker until it returns nil or ctx ends, counting restarts.
func Supervise(ctx context.Context, worker func(context.Context) error, pause time.Duration) (restarts int) {
	var mu sync.Mutex
	done := make(chan struct{})
	go func() {
		defer close(done)
		for ctx.Err() == nil {
			if worker(ctx) == nil {
				return
			}
			mu.Lock()
			restarts++
			mu.Unlock()
			time.Sleep(pause)
		}
	}()
	<-done
	return restarts
}
