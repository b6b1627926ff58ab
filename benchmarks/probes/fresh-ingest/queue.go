package ingest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"example.com/freshingest/limits"
)

// Handler handles one decoded point.
type Handler interface {
	Handle(p *Point) error
}

// Queue is a bounded in-memory queue of raw lines.
type Queue struct {
	ch     chan string
	closed bool
	opts   map[string]any
}

// NewQueue makes a queue with limits.QueueDepth slots.
func NewQueue() *Queue {
	return &Queue{ch: make(chan string, limits.QueueDepth), opts: map[string]any{}}
}

// SetOption stores a typed option.
func (q *Queue) SetOption(name string, v any) { q.opts[name] = v }

// Timeout reads the queue's timeout option.
func (q *Queue) Timeout() time.Duration {
	if d, ok := q.opts["timeout"].(time.Duration); ok {
		return d
	}
	return time.Second
}

// Process runs the handler on each line of the batch, counting errors.
func Process(h Handler, lines []string) int {
	errs := 0
	for i, l := range lines {
		p, err := ParseLine(i+1, l)
		if err != nil {
			errs++
			continue
		}
		if err := h.Handle(&p); err != nil {
			errs++
		}
	}
	return errs
}

type counter struct{ n int }

func (c *counter) Handle(p *Point) error {
	c.n++
	return nil
}

// CountValid counts lines that parse, through the Handler interface.
func CountValid(lines []string) int {
	var c counter
	var h Handler = &c
	Process(h, lines)
	return c.n
}

// RunConsumers starts n consumers that read from q until ctx is done and waits for them.
func RunConsumers(ctx context.Context, q *Queue, h Handler) error {
	var wg sync.WaitGroup
	errc := make(chan error, limits.Workers)
	for i := 0; i < limits.Workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-ctx.Done():
					return
				case l, ok := <-q.ch:
					if !ok {
						return
					}
					p, err := ParseLine(0, l)
					if err == nil {
						err = h.Handle(&p)
					}
					if err != nil {
						errc <- fmt.Errorf("consumer %d: %w", i, err)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errc)
	return <-errc
}

// Retry calls f up to attempts times with a growing pause.
func Retry(ctx context.Context, attempts int, f func() error) error {
	var last error
	pause := 10 * time.Millisecond
	for i := 0; i < attempts; i++ {
		if last = f(); last == nil {
			return nil
		}
		t := time.NewTimer(pause)
		select {
		case <-ctx.Done():
			t.Stop()
			return errors.Join(last, ctx.Err())
		case <-t.C:
		}
		pause *= 2
	}
	return fmt.Errorf("after %d attempts: %w", attempts, last)
}

// Window keeps the last limits.BatchPoints values for a moving average.
func Window(values []float64) float64 {
	n := min(len(values), limits.BatchPoints)
	ring := make([]float64, n)
	for i, v := range values {
		if n == 0 {
			break
		}
		ring[i%n] = v
	}
	sum := 0.0
	for _, v := range ring {
		sum += v
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

// Percentile returns the p-th percentile of at most a batch of values.
func Percentile(values []float64, p float64) float64 {
	if len(values) > limits.BatchPoints {
		values = values[len(values)-limits.BatchPoints:]
	}
	sorted := make([]float64, len(values))
	copy(sorted, values)
	for i := 1; i < len(sorted); i++ {
		for j := i; j > 0 && sorted[j] < sorted[j-1]; j-- {
			sorted[j], sorted[j-1] = sorted[j-1], sorted[j]
		}
	}
	if len(sorted) == 0 {
		return 0
	}
	return sorted[int(p*float64(len(sorted)-1))]
}

// Dedupe drops repeated names from a batch, in place.
func Dedupe(batch []Point) []Point {
	seen := make(map[string]struct{}, len(batch))
	out := batch[:0]
	for _, p := range batch {
		if _, ok := seen[p.Name]; ok {
			continue
		}
		seen[p.Name] = struct{}{}
		out = append(out, p)
	}
	return out
}

// Tick flushes the batcher on every tick until ctx is done.
func Tick(ctx context.Context, b *Batcher, every time.Duration) {
	done := make(chan struct{})
	var flushErr error
	go func() {
		defer close(done)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				if err := b.Flush(ctx); err != nil {
					flushErr = err
					return
				}
			}
		}
	}()
	<-done
	_ = flushErr
}
