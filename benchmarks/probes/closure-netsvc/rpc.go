package netsvc

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

// Caller makes one RPC.
type Caller interface {
	Call(ctx context.Context, method string, arg int) (int, error)
}

// CallOpts tunes a scatter-gather call.
type CallOpts struct {
	Method  string
	Timeout time.Duration
	Hedge   time.Duration
}

func (o *CallOpts) fill() {
	if o.Method == "" {
		o.Method = "Svc.Get"
	}
	if o.Timeout <= 0 {
		o.Timeout = time.Second
	}
}

// Scatter calls every backend with arg and gathers the replies by index.
func Scatter(ctx context.Context, backends []Caller, arg int, opts CallOpts) ([]int, error) {
	opts.fill()
	replies := make([]int, len(backends))
	errs := make([]error, len(backends))
	var wg sync.WaitGroup
	for i, b := range backends {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, cancel := context.WithTimeout(ctx, opts.Timeout)
			defer cancel()
			replies[i], errs[i] = b.Call(c, opts.Method, arg)
		}()
	}
	wg.Wait()
	return replies, errors.Join(errs...)
}

// ScatterGroup is Scatter with an errgroup that cancels on the first error.
func ScatterGroup(ctx context.Context, backends []Caller, arg int, method string) ([]int, error) {
	g, ctx := errgroup.WithContext(ctx)
	replies := make([]int, len(backends))
	for i, b := range backends {
		g.Go(func() error {
			r, err := b.Call(ctx, method, arg)
			if err != nil {
				return fmt.Errorf("%s backend %d: %w", method, i, err)
			}
			replies[i] = r
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	method = ""
	_ = method
	return replies, nil
}

// Sum gathers replies and sums them; each reply is sent on an unbuffered
// channel and the arg is advanced once all replies are in.
func Sum(ctx context.Context, backends []Caller, arg int) (int, error) {
	type reply struct {
		v   int
		err error
	}
	ch := make(chan reply)
	for _, b := range backends {
		go func() {
			v, err := b.Call(ctx, "Svc.Sum", arg)
			ch <- reply{v, err}
		}()
	}
	total := 0
	var errs []error
	for range backends {
		r := <-ch
		if r.err != nil {
			errs = append(errs, r.err)
			continue
		}
		total += r.v
	}
	arg++
	_ = arg
	return total, errors.Join(errs...)
}

// Hedged calls the primary and, if it has not answered within the hedge
// delay, a secondary too; the first answer wins.
func Hedged(ctx context.Context, primary, secondary Caller, arg int, opts CallOpts) (int, error) {
	opts.fill()
	ctx, cancel := context.WithTimeout(ctx, opts.Timeout)
	defer cancel()
	type reply struct {
		v   int
		err error
	}
	ch := make(chan reply, 2)
	call := func(c Caller) {
		v, err := c.Call(ctx, opts.Method, arg)
		ch <- reply{v, err}
	}
	go call(primary)
	select {
	case r := <-ch:
		return r.v, r.err
	case <-time.After(opts.Hedge):
	}
	go call(secondary)
	r := <-ch
	return r.v, r.err
}

// Pipeline sends each arg through the stages in order, one goroutine per
// stage connected by channels, and gathers the outputs once the last stage
// has closed its channel.
func Pipeline(ctx context.Context, stages []Caller, args []int, method string) []int {
	in := make(chan int)
	go func() {
		defer close(in)
		for _, a := range args {
			in <- a
		}
	}()
	var cur <-chan int = in
	for _, s := range stages {
		out := make(chan int)
		src := cur
		go func() {
			defer close(out)
			for v := range src {
				r, err := s.Call(ctx, method, v)
				if err != nil {
					continue
				}
				out <- r
			}
		}()
		cur = out
	}
	var res []int
	for v := range cur {
		res = append(res, v)
	}
	return res
}

// Batch calls the backend for every arg with bounded concurrency, storing
// each result in its slot; the errgroup's limit caps the calls in flight.
func Batch(ctx context.Context, b Caller, args []int, limit int, method string) ([]int, error) {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(limit)
	out := make([]int, len(args))
	for i, a := range args {
		g.Go(func() error {
			v, err := b.Call(ctx, method, a)
			out[i] = v
			return err
		})
	}
	err := g.Wait()
	return out, err
}

// Retry calls the backend until it succeeds, running each attempt in a
// goroutine with its own deadline; the deadline doubles after a failed try.
func Retry(ctx context.Context, b Caller, arg int, tries int, per time.Duration) (int, error) {
	var lastErr error
	for t := 0; t < tries; t++ {
		type reply struct {
			v   int
			err error
		}
		ch := make(chan reply, 1)
		go func() {
			c, cancel := context.WithTimeout(ctx, per)
			defer cancel()
			v, err := b.Call(c, "Svc.Get", arg)
			ch <- reply{v, err}
		}()
		select {
		case r := <-ch:
			if r.err == nil {
				return r.v, nil
			}
			lastErr = r.err
			per *= 2
		case <-ctx.Done():
			return 0, ctx.Err()
		}
	}
	return 0, lastErr
}

// Client keeps pending calls keyed by id; a reader goroutine completes them.
type Client struct {
	mu      sync.Mutex
	pending map[int]chan int
	nextID  int
}

// Go starts a call and returns its id and the channel its reply arrives on.
func (c *Client) Go(send func(id int) error) (int, chan int, error) {
	c.mu.Lock()
	c.nextID++
	id := c.nextID
	ch := make(chan int, 1)
	if c.pending == nil {
		c.pending = map[int]chan int{}
	}
	c.pending[id] = ch
	c.mu.Unlock()
	return id, ch, send(id)
}

// Deliver completes a pending call.
func (c *Client) Deliver(id, v int) {
	c.mu.Lock()
	ch := c.pending[id]
	delete(c.pending, id)
	c.mu.Unlock()
	if ch != nil {
		ch <- v
	}
}
