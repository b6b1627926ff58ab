package ingest

import (
	"context"
	"fmt"
	"sort"
	"sync"
	"sync/atomic"

	"golang.org/x/sync/errgroup"

	"example.com/freshingest/limits"
)

// Sink receives finished batches.
type Sink interface {
	Write(ctx context.Context, batch []Point) error
}

// Batcher groups points into batches of limits.BatchPoints.
type Batcher struct {
	mu      sync.Mutex
	pending []Point
	sink    Sink
	flushed atomic.Int64
}

// Flush sends what is pending.
func (b *Batcher) Flush(ctx context.Context) error {
	b.mu.Lock()
	batch := b.pending
	b.pending = nil
	b.mu.Unlock()
	if len(batch) == 0 {
		return nil
	}
	b.flushed.Add(int64(len(batch)))
	return b.sink.Write(ctx, batch)
}

// ParseAll parses lines on limits.Workers goroutines and returns how many failed.
func ParseAll(lines []string) int {
	var wg sync.WaitGroup
	var failed atomic.Int64
	chunk := (len(lines) + limits.Workers - 1) / limits.Workers
	for w := 0; w < limits.Workers; w++ {
		lo := min(w*chunk, len(lines))
		hi := min(lo+chunk, len(lines))
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := lo; i < hi; i++ {
				if _, err := ParseLine(i+1, lines[i]); err != nil {
					failed.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	return int(failed.Load())
}

// CountByName counts points per name on worker goroutines and merges the counts.
func CountByName(points []Point) map[string]int {
	var wg sync.WaitGroup
	parts := make([]map[string]int, limits.Workers)
	for w := range parts {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			m := map[string]int{}
			for i := w; i < len(points); i += limits.Workers {
				m[points[i].Name]++
			}
			parts[w] = m
		}(w)
	}
	wg.Wait()
	total := map[string]int{}
	for _, m := range parts {
		for k, v := range m {
			total[k] += v
		}
	}
	return total
}

// SumValues adds every point's value using an errgroup, one goroutine per batch.
func SumValues(ctx context.Context, points []Point) (float64, error) {
	g, ctx := errgroup.WithContext(ctx)
	nb := (len(points) + limits.BatchPoints - 1) / limits.BatchPoints
	sums := make([]float64, nb)
	for i := 0; i < nb; i++ {
		g.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			lo := i * limits.BatchPoints
			hi := min(lo+limits.BatchPoints, len(points))
			for _, p := range points[lo:hi] {
				sums[i] += p.Value
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return 0, err
	}
	total := 0.0
	for _, s := range sums {
		total += s
	}
	return total, nil
}

// WriteBatches sends the points in batches through the sink, at most limits.Workers at a time.
func WriteBatches(ctx context.Context, sink Sink, points []Point) error {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(limits.Workers)
	sent := 0
	for lo := 0; lo < len(points); lo += limits.BatchPoints {
		hi := min(lo+limits.BatchPoints, len(points))
		batch := points[lo:hi]
		g.Go(func() error {
			if err := sink.Write(ctx, batch); err != nil {
				return fmt.Errorf("batch at %d: %w", lo, err)
			}
			return nil
		})
		sent++
	}
	return g.Wait()
}

// Drain reads points from in until it closes, in limits.Workers consumers, and returns the max timestamp.
func Drain(in <-chan Point) int64 {
	var wg sync.WaitGroup
	var latest int64
	var mu sync.Mutex
	for w := 0; w < limits.Workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range in {
				mu.Lock()
				if p.TS > latest {
					latest = p.TS
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return latest
}

// TopNames returns the n most frequent names, counted in parallel.
func TopNames(points []Point, n int) []string {
	counts := CountByName(points)
	names := make([]string, 0, len(counts))
	for k := range counts {
		names = append(names, k)
	}
	sort.Slice(names, func(i, j int) bool { return counts[names[i]] > counts[names[j]] })
	if len(names) > n {
		names = names[:n]
	}
	return names
}

// Validate checks every point concurrently and returns the first error.
func Validate(ctx context.Context, points []Point) error {
	var g errgroup.Group
	limit := maxNameBytes
	for i := range points {
		g.Go(func() error {
			if len(points[i].Name) > limit {
				return fmt.Errorf("point %d: name %q longer than %d", i, points[i].Name, limit)
			}
			return nil
		})
	}
	return g.Wait()
}

// Stats holds per-run counters.
type Stats struct {
	Lines   int
	Dropped int
}

// Ingest parses lines in parallel and fills st.
func Ingest(lines []string, st *Stats) {
	var wg sync.WaitGroup
	var dropped atomic.Int64
	wg.Add(len(lines))
	for _, l := range lines {
		go func() {
			defer wg.Done()
			if _, err := ParseLine(0, l); err != nil {
				dropped.Add(1)
			}
		}()
	}
	wg.Wait()
	st.Lines += len(lines)
	st.Dropped += int(dropped.Load())
}
