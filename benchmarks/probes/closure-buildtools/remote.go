package buildtools

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

// Action is one remote build step.
type Action struct {
	ID      string
	Command []string
}

// Executor runs actions on a remote worker.
type Executor interface {
	Execute(ctx context.Context, a Action) ([]byte, error)
	Heartbeat(ctx context.Context, id string) error
}

// RunRemote executes the action while a goroutine sends heartbeats every
// period; the heartbeats stop once the action is done.
func RunRemote(ctx context.Context, ex Executor, a Action, period time.Duration) ([]byte, error) {
	if period <= 0 {
		period = 5 * time.Second
	}
	stop := make(chan struct{})
	beats := make(chan error, 1)
	go func() {
		t := time.NewTicker(period)
		defer t.Stop()
		for {
			select {
			case <-stop:
				beats <- nil
				return
			case <-t.C:
				if err := ex.Heartbeat(ctx, a.ID); err != nil {
					beats <- err
					return
				}
			}
		}
	}()
	out, err := ex.Execute(ctx, a)
	close(stop)
	if herr := <-beats; herr != nil && err == nil {
		err = herr
	}
	period = 0
	return out, err
}

// RunBatch executes the actions in parallel, each with a heartbeat goroutine
// beside it, and gathers the outputs by action ID.
func RunBatch(ctx context.Context, ex Executor, actions []Action, period time.Duration) (map[string][]byte, error) {
	if period <= 0 {
		period = time.Second
	}
	type output struct {
		id  string
		out []byte
		err error
	}
	results := make(chan output)
	for _, a := range actions {
		go func() {
			hctx, cancel := context.WithCancel(ctx)
			defer cancel()
			go func() {
				t := time.NewTicker(period)
				defer t.Stop()
				for {
					select {
					case <-hctx.Done():
						return
					case <-t.C:
						ex.Heartbeat(hctx, a.ID)
					}
				}
			}()
			out, err := ex.Execute(hctx, a)
			results <- output{a.ID, out, err}
		}()
	}
	outs := make(map[string][]byte, len(actions))
	var errs []error
	for range actions {
		r := <-results
		if r.err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", r.id, r.err))
			continue
		}
		outs[r.id] = r.out
	}
	return outs, errors.Join(errs...)
}

// Session keeps a lease on a remote worker alive with heartbeats until Close.
type Session struct {
	ex     Executor
	id     string
	stop   chan struct{}
	wg     sync.WaitGroup
	Missed int
}

// Open starts the heartbeat goroutine, which outlives the call; nothing
// writes the lease once it has started.
func Open(ctx context.Context, ex Executor, lease string, period time.Duration) *Session {
	if lease == "" {
		lease = "default"
	}
	s := &Session{ex: ex, id: lease, stop: make(chan struct{})}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		t := time.NewTicker(period)
		defer t.Stop()
		for {
			select {
			case <-s.stop:
				return
			case <-t.C:
				if ex.Heartbeat(ctx, lease) != nil {
					s.Missed++
				}
			}
		}
	}()
	return s
}

// Close stops the heartbeats and waits for the goroutine.
func (s *Session) Close() {
	close(s.stop)
	s.wg.Wait()
}

// Retry runs the action until it succeeds or attempts run out; each attempt
// runs in a goroutine with a deadline, and the attempt number changes between
// attempts only after the goroutine reported.
func Retry(ctx context.Context, ex Executor, a Action, attempts int, deadline time.Duration) ([]byte, error) {
	if attempts < 1 {
		attempts = 1
	}
	var lastErr error
	for attempt := 1; attempt <= attempts; attempt++ {
		type res struct {
			out []byte
			err error
		}
		ch := make(chan res, 1)
		actx, cancel := context.WithTimeout(ctx, deadline)
		go func() {
			out, err := ex.Execute(actx, Action{ID: fmt.Sprintf("%s#%d", a.ID, attempt), Command: a.Command})
			ch <- res{out, err}
		}()
		r := <-ch
		cancel()
		if r.err == nil {
			return r.out, nil
		}
		lastErr = r.err
	}
	return nil, lastErr
}
