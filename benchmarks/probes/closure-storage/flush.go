package storage

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

// Memtable is the in-memory write buffer flushed to a run when full.
type Memtable struct {
	ID      int
	Entries map[string]Entry
}

// Sink receives flushed runs (a file, or a test double).
type Sink interface {
	WriteRun(id int, es []Entry) error
}

func sorted(m *Memtable, level int) Run {
	keys := make([]string, 0, len(m.Entries))
	for k := range m.Entries {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	es := make([]Entry, len(keys))
	for i, k := range keys {
		es[i] = m.Entries[k]
	}
	return Run{Level: level, Entries: es}
}

// FlushAll flushes immutable memtables with at most limit flushes in flight.
func FlushAll(ctx context.Context, tables []*Memtable, sink Sink, limit int) ([]Run, error) {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(limit)
	runs := make([]Run, len(tables))
	level := 0
	for i, m := range tables {
		g.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			r := sorted(m, level)
			if err := sink.WriteRun(m.ID, r.Entries); err != nil {
				return fmt.Errorf("flush memtable %d: %w", m.ID, err)
			}
			runs[i] = r
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return runs, nil
}

// FlushAsync flushes one memtable in the background; the returned channel
// yields its error once.
func FlushAsync(m *Memtable, sink Sink, level int) <-chan error {
	errc := make(chan error, 1)
	go func() {
		r := sorted(m, level)
		errc <- sink.WriteRun(m.ID, r.Entries)
	}()
	return errc
}

// FlushBatches flushes tables in batches of size batch; each batch is waited
// for before the next starts, and the level grows with each batch.
func FlushBatches(tables []*Memtable, sink Sink, batch int) error {
	level := 0
	for start := 0; start < len(tables); start += batch {
		end := min(start+batch, len(tables))
		errs := make([]error, end-start)
		var wg sync.WaitGroup
		for i := start; i < end; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r := sorted(tables[i], level)
				errs[i-start] = sink.WriteRun(tables[i].ID, r.Entries)
			}()
		}
		wg.Wait()
		if err := errors.Join(errs...); err != nil {
			return err
		}
		level++
	}
	return nil
}

// Flusher flushes memtables handed to it on a channel, one goroutine per
// worker, until Stop.
type Flusher struct {
	in      chan *Memtable
	errs    chan error
	stopped chan struct{}
	wg      sync.WaitGroup
}

// StartFlusher starts workers goroutines writing to sink.
func StartFlusher(sink Sink, workers int) *Flusher {
	f := &Flusher{
		in:      make(chan *Memtable),
		errs:    make(chan error, workers),
		stopped: make(chan struct{}),
	}
	for w := 0; w < workers; w++ {
		f.wg.Add(1)
		go func() {
			defer f.wg.Done()
			for m := range f.in {
				r := sorted(m, 0)
				if err := sink.WriteRun(m.ID, r.Entries); err != nil {
					select {
					case f.errs <- fmt.Errorf("worker %d: %w", w, err):
					default:
					}
				}
			}
		}()
	}
	go func() {
		f.wg.Wait()
		close(f.stopped)
	}()
	return f
}

// Submit hands a memtable to a worker.
func (f *Flusher) Submit(m *Memtable) { f.in <- m }

// Stop closes the input and waits for the workers; it returns the first error.
func (f *Flusher) Stop() error {
	close(f.in)
	<-f.stopped
	select {
	case err := <-f.errs:
		return err
	default:
		return nil
	}
}

// FlushWithTimeout flushes one memtable and waits at most d for it. The
// label names the flush in the error; the caller's label is restored after.
func FlushWithTimeout(m *Memtable, sink Sink, d time.Duration, label string) error {
	done := make(chan error, 1)
	go func() {
		r := sorted(m, 0)
		if err := sink.WriteRun(m.ID, r.Entries); err != nil {
			done <- fmt.Errorf("%s: %w", label, err)
			return
		}
		done <- nil
	}()
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case err := <-done:
		return err
	case <-t.C:
		return fmt.Errorf("%s: flush timed out after %v", label, d)
	}
}

// DumpRuns writes each run's keys to its own writer in parallel, with a
// header naming the run's level and prefix.
func DumpRuns(runs []Run, ws []io.Writer, prefix string) error {
	var g errgroup.Group
	for i := range runs {
		g.Go(func() error {
			if _, err := fmt.Fprintf(ws[i], "%s level %d\n", prefix, runs[i].Level); err != nil {
				return err
			}
			for _, e := range runs[i].Entries {
				if _, err := fmt.Fprintf(ws[i], "%s%s\n", prefix, e.Key); err != nil {
					return err
				}
			}
			return nil
		})
	}
	return g.Wait()
}
