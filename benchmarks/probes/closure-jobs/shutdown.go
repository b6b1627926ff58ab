package jobs

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

// Server is anything that serves until shut down.
type Server interface {
	Serve() error
	Shutdown(ctx context.Context) error
}

var errServerClosed = errors.New("server closed")

// ServeAll runs every server until ctx is cancelled or one fails, then shuts
// all of them down, giving each grace to finish.
func ServeAll(ctx context.Context, servers []Server, grace time.Duration) error {
	if grace <= 0 {
		grace = 10 * time.Second
	}
	g, gctx := errgroup.WithContext(ctx)
	for _, s := range servers {
		g.Go(func() error {
			if err := s.Serve(); err != nil && !errors.Is(err, errServerClosed) {
				return err
			}
			return nil
		})
		g.Go(func() error {
			<-gctx.Done()
			sctx, cancel := context.WithTimeout(context.WithoutCancel(gctx), grace)
			defer cancel()
			return s.Shutdown(sctx)
		})
	}
	return g.Wait()
}

// CloseAll closes every closer in parallel, waiting at most grace in all, and
// joins the errors; closers still running when grace ends are reported.
func CloseAll(closers []io.Closer, grace time.Duration) error {
	errs := make([]error, len(closers))
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(len(closers))
	for i, c := range closers {
		go func() {
			defer wg.Done()
			errs[i] = c.Close()
		}()
	}
	go func() {
		wg.Wait()
		close(done)
	}()
	select {
	case <-done:
		return errors.Join(errs...)
	case <-time.After(grace):
		return fmt.Errorf("shutdown: %d closers still running after %s", len(closers), grace)
	}
}

// Worker is a long-running background loop.
type Worker func(ctx context.Context) error

// RunWorkers starts every worker under a name, restarts a worker that fails
// up to restarts times, and returns when ctx ends and all have stopped.
func RunWorkers(ctx context.Context, name string, workers []Worker, restarts int) error {
	if name == "" {
		name = "worker"
	}
	g, ctx := errgroup.WithContext(ctx)
	for i, w := range workers {
		g.Go(func() error {
			for n := 0; ; n++ {
				err := w(ctx)
				if ctx.Err() != nil {
					return nil
				}
				if n >= restarts {
					return fmt.Errorf("%s-%d: %w", name, i, err)
				}
				log.Printf("%s-%d restarting after %v", name, i, err)
			}
		})
	}
	return g.Wait()
}

// Drainer stops accepting work, then waits for the work in flight.
type Drainer struct {
	mu       sync.Mutex
	draining bool
	inflight sync.WaitGroup
}

// Go runs fn unless the drainer is draining.
func (d *Drainer) Go(fn func()) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.draining {
		return false
	}
	d.inflight.Add(1)
	go func() {
		defer d.inflight.Done()
		fn()
	}()
	return true
}

// Drain refuses new work and waits up to grace for the work in flight.
func (d *Drainer) Drain(grace time.Duration) bool {
	d.mu.Lock()
	d.draining = true
	d.mu.Unlock()
	done := make(chan struct{})
	go func() {
		d.inflight.Wait()
		close(done)
	}()
	select {
	case <-done:
		return true
	case <-time.After(grace):
		return false
	}
}

// Stages shuts a service down in order: each stage's hooks run in parallel,
// and the next stage starts when they are all done. The stage name in the
// logs is set per stage.
func Stages(ctx context.Context, stages [][]func(context.Context) error, names []string) error {
	stage := ""
	for si, hooks := range stages {
		stage = names[si]
		var g errgroup.Group
		for _, h := range hooks {
			g.Go(func() error {
				if err := h(ctx); err != nil {
					return fmt.Errorf("stage %s: %w", stage, err)
				}
				return nil
			})
		}
		if err := g.Wait(); err != nil {
			return err
		}
	}
	log.Printf("shutdown finished after stage %s", stage)
	return nil
}

// Heartbeat sends a beat every period until stop is closed; the id is fixed
// up before the goroutine starts, and the last beat time is read back after.
func Heartbeat(id string, period time.Duration, beat func(string, time.Time), stop <-chan struct{}) time.Time {
	if id == "" {
		id = "anonymous"
	}
	var last time.Time
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(period)
		defer t.Stop()
		for {
			select {
			case now := <-t.C:
				beat(id, now)
				last = now
			case <-stop:
				return
			}
		}
	}()
	<-done
	return last
}
