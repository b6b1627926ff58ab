package metrics

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
)

// Collect gathers every sample of src into a slice (a callback writing the caller's slice).
func Collect(src Source) ([]Sample, error) {
	var out []Sample
	err := src.Each(func(s Sample) bool {
		out = append(out, s)
		return true
	})
	return out, err
}

// Sum totals the samples named name (a callback writing an accumulator read after).
func Sum(src Source, name string) (float64, error) {
	var total float64
	err := src.Each(func(s Sample) bool {
		if s.Name == name {
			total += s.Value
		}
		return true
	})
	return total, err
}

// First finds the first sample of name and stops the source early.
func First(src Source, name string) (Sample, bool) {
	var found Sample
	ok := false
	src.Each(func(s Sample) bool {
		if s.Name == name {
			found, ok = s, true
			return false
		}
		return true
	})
	return found, ok
}

// ScrapeAll scrapes every source in parallel; each goroutine reads cfg only.
func ScrapeAll(srcs []Source, cfg Config) [][]string {
	out := make([][]string, len(srcs))
	var wg sync.WaitGroup
	for i, src := range srcs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			src.Each(func(s Sample) bool {
				out[i] = append(out[i], cfg.Prefix+s.Name+" "+tagLine(s.Tags, cfg.MaxTags))
				return true
			})
		}()
	}
	wg.Wait()
	return out
}

// ScrapeTimeout scrapes one source but gives up at the deadline: the goroutine hands
// its result over through a closed channel.
func ScrapeTimeout(ctx context.Context, src Source) ([]Sample, error) {
	done := make(chan struct{})
	var got []Sample
	var err error
	go func() {
		defer close(done)
		got, err = Collect(src)
	}()
	select {
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-done:
		return got, err
	}
}

// ScrapeEach scrapes sources one at a time, each in its own goroutine, waiting for each.
func ScrapeEach(srcs []Source, label string) []int {
	counts := make([]int, 0, len(srcs))
	for _, src := range srcs {
		n := 0
		done := make(chan struct{})
		go func() {
			defer close(done)
			src.Each(func(s Sample) bool {
				if strings.HasPrefix(s.Name, label) {
					n++
				}
				return true
			})
		}()
		<-done
		counts = append(counts, n)
	}
	return counts
}

// Sorted returns the samples ordered by name then by the configured tag order.
func Sorted(samples []Sample, byValue bool) []Sample {
	out := append([]Sample(nil), samples...)
	sort.Slice(out, func(i, j int) bool {
		if byValue {
			return out[i].Value < out[j].Value
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// Retry pushes one line through r, remembering the last error the op saw.
func Retry(r Retrier, sink Sink, ctx context.Context, line string) (int, error) {
	attempts := 0
	var last error
	err := r.Do(func() error {
		attempts++
		last = sink.Write(ctx, line)
		return last
	})
	if err != nil && !errors.Is(err, last) {
		return attempts, fmt.Errorf("retry: %w (last %v)", err, last)
	}
	return attempts, err
}

// Poll calls src every interval until ctx ends; the ticker's goroutine reads interval only.
func Poll(ctx context.Context, src Source, interval time.Duration, sink chan<- int) {
	go func() {
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				n := 0
				src.Each(func(Sample) bool { n++; return true })
				sink <- n
			}
		}
	}()
}
