// Package ship sends formatted log lines to a sink in batches.
package ship

import (
	"errors"
	"log"
	"sync/atomic"
	"time"
)

// Sink receives batches of lines; Send may be called concurrently.
type Sink interface {
	Send(batch []string) error
}

// Config tunes a shipping run.
type Config struct {
	Workers   int
	BatchSize int
	Flush     time.Duration // send a partial batch after this long
	Progress  time.Duration // log progress this often; 0 disables
}

// Stats summarises a run.
type Stats struct {
	Lines, Batches int
}

// Run ships every line from in with cfg.Workers workers and returns once in
// is closed and every worker has finished. Zero fields of cfg get defaults.
func Run(in <-chan string, sink Sink, cfg Config) (Stats, error) {
	if cfg.Workers <= 0 {
		cfg.Workers = 1
	}
	if cfg.BatchSize <= 0 {
		cfg.BatchSize = 100
	}
	if cfg.Flush <= 0 {
		cfg.Flush = time.Second
	}
	r := &runner{sink: sink}
	stop := make(chan struct{})
	defer close(stop)
	if every := cfg.Progress; every > 0 {
		go func() {
			tick := time.NewTicker(every)
			defer tick.Stop()
			for {
				select {
				case <-tick.C:
					log.Printf("ship: %d lines shipped", r.shipped.Load())
				case <-stop:
					return
				}
			}
		}()
	}
	results := make(chan Stats, cfg.Workers)
	errs := make(chan error, cfg.Workers)
	for w := 0; w < cfg.Workers; w++ {
		go func() {
			// Each worker reports exactly once, so no WaitGroup is needed.
			st, err := r.work(in, cfg.BatchSize, cfg.Flush)
			results <- st
			errs <- err
		}()
	}
	var total Stats
	var all []error
	for w := 0; w < cfg.Workers; w++ {
		st := <-results
		total.Lines += st.Lines
		total.Batches += st.Batches
		all = append(all, <-errs)
	}
	return total, errors.Join(all...)
}

// runner is the state shared by the workers of one Run.
type runner struct {
	sink    Sink
	shipped atomic.Int64
}

// work batches lines until in is closed, flushing partial batches on a timer.
func (r *runner) work(in <-chan string, size int, flush time.Duration) (Stats, error) {
	var st Stats
	var errs []error
	batch := make([]string, 0, size)
	tick := time.NewTicker(flush)
	defer tick.Stop()
	for {
		full := false
		select {
		case line, ok := <-in:
			if !ok {
				if len(batch) > 0 {
					errs = append(errs, r.send(batch, &st))
				}
				return st, errors.Join(errs...)
			}
			batch = append(batch, line)
			full = len(batch) == size
		case <-tick.C:
			full = len(batch) > 0
		}
		if full {
			errs = append(errs, r.send(batch, &st))
			batch = make([]string, 0, size)
		}
	}
}

func (r *runner) send(batch []string, st *Stats) error {
	st.Lines += len(batch)
	st.Batches++
	r.shipped.Add(int64(len(batch)))
	return r.sink.Send(batch)
}
