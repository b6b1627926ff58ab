package batch

import (
	"context"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

// Record is one parsed log line.
type Record struct {
	Level   string
	Service string
	Latency time.Duration
}

func parseLine(line, sep string) (Record, bool) {
	parts := strings.Split(line, sep)
	if len(parts) < 3 {
		return Record{}, false
	}
	d, err := time.ParseDuration(parts[2])
	if err != nil {
		return Record{}, false
	}
	return Record{Level: parts[0], Service: parts[1], Latency: d}, true
}

// CountLevels maps shards of lines to per-shard counts written by index and
// reduces them after the wait; the separator defaults before the fan-out.
func CountLevels(lines []string, shards int, sep string) map[string]int {
	if sep == "" {
		sep = "|"
	}
	if shards < 1 {
		shards = 1
	}
	partial := make([]map[string]int, shards)
	var wg sync.WaitGroup
	for s := range shards {
		wg.Add(1)
		go func() {
			defer wg.Done()
			m := map[string]int{}
			for j := s; j < len(lines); j += shards {
				if r, ok := parseLine(lines[j], sep); ok {
					m[r.Level]++
				}
			}
			partial[s] = m
		}()
	}
	wg.Wait()
	total := map[string]int{}
	for _, m := range partial {
		for k, v := range m {
			total[k] += v
		}
	}
	return total
}

// SlowServices reduces through a mutex-protected map; threshold is scaled by
// the caller's factor first.
func SlowServices(lines []string, threshold time.Duration, factor int) []string {
	if factor > 1 {
		threshold *= time.Duration(factor)
	}
	var mu sync.Mutex
	slow := map[string]bool{}
	var wg sync.WaitGroup
	chunk := (len(lines) + 3) / 4
	for start := 0; start < len(lines); start += chunk {
		end := min(start+chunk, len(lines))
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, l := range lines[start:end] {
				r, ok := parseLine(l, "|")
				if ok && r.Latency > threshold {
					mu.Lock()
					slow[r.Service] = true
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	out := make([]string, 0, len(slow))
	for s := range slow {
		out = append(out, s)
	}
	return out
}

// LatencyByService is map-reduce through errgroup with a context; level is the
// filter, reassigned by the default handling.
func LatencyByService(ctx context.Context, batches [][]string, level string) (map[string]time.Duration, error) {
	if level == "" {
		level = "INFO"
	}
	g, ctx := errgroup.WithContext(ctx)
	sums := make([]map[string]time.Duration, len(batches))
	for i, b := range batches {
		g.Go(func() error {
			m := map[string]time.Duration{}
			for _, l := range b {
				if err := ctx.Err(); err != nil {
					return err
				}
				if r, ok := parseLine(l, "|"); ok && r.Level == level {
					m[r.Service] += r.Latency
				}
			}
			sums[i] = m
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	out := map[string]time.Duration{}
	for _, m := range sums {
		for k, v := range m {
			out[k] += v
		}
	}
	return out, nil
}

// Tail streams records to a channel and stops at a deadline; the goroutine
// keeps reading cutoff while the caller changes it (must not be rewritten).
func Tail(lines []string, cutoff time.Duration) ([]Record, time.Duration) {
	out := make(chan Record)
	done := make(chan struct{})
	go func() {
		defer close(out)
		for _, l := range lines {
			r, ok := parseLine(l, "|")
			if !ok || r.Latency < cutoff {
				continue
			}
			select {
			case out <- r:
			case <-done:
				return
			}
		}
	}()
	var got []Record
	timer := time.NewTimer(50 * time.Millisecond)
	defer timer.Stop()
	for {
		select {
		case r, ok := <-out:
			if !ok {
				return got, cutoff
			}
			got = append(got, r)
			if len(got) > 100 {
				cutoff = 0
			}
		case <-timer.C:
			close(done)
			return got, cutoff
		}
	}
}

// Reduce folds shards through a results channel received once per shard; the
// tag is bumped after the fan-in.
func Reduce(shards [][]int, tag string) (int, string) {
	type part struct{ sum int }
	res := make(chan part)
	for _, sh := range shards {
		go func() {
			s := 0
			for _, v := range sh {
				s += v
			}
			_ = tag
			res <- part{sum: s + len(tag)}
		}()
	}
	total := 0
	for range shards {
		p := <-res
		total += p.sum
	}
	tag += "!"
	return total, tag
}
