package analytics

import (
	"math"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Sample is one observation of a named metric.
type Sample struct {
	Name  string
	Value float64
	At    time.Time
}

// AggConfig sizes an aggregation run.
type AggConfig struct {
	Workers int
	Scale   float64
	Prefix  string
}

// Summary is the aggregate of one metric.
type Summary struct {
	Count int
	Sum   float64
	Min   float64
	Max   float64
}

func (s *Summary) add(v float64) {
	if s.Count == 0 || v < s.Min {
		s.Min = v
	}
	if s.Count == 0 || v > s.Max {
		s.Max = v
	}
	s.Count++
	s.Sum += v
}

// Aggregate fans the samples out to cfg.Workers goroutines, each keeping its own
// partial summaries, and merges them once all are done.
func Aggregate(samples []Sample, cfg AggConfig) map[string]Summary {
	if cfg.Workers <= 0 {
		cfg.Workers = runtime.GOMAXPROCS(0)
	}
	if cfg.Scale == 0 {
		cfg.Scale = 1
	}
	partial := make([]map[string]Summary, cfg.Workers)
	var wg sync.WaitGroup
	wg.Add(cfg.Workers)
	for w := 0; w < cfg.Workers; w++ {
		go func() {
			defer wg.Done()
			m := map[string]Summary{}
			for i := w; i < len(samples); i += cfg.Workers {
				s := samples[i]
				if cfg.Prefix != "" && !strings.HasPrefix(s.Name, cfg.Prefix) {
					continue
				}
				sum := m[s.Name]
				sum.add(s.Value * cfg.Scale)
				m[s.Name] = sum
			}
			partial[w] = m
		}()
	}
	wg.Wait()
	out := map[string]Summary{}
	for _, m := range partial {
		for k, v := range m {
			o := out[k]
			if o.Count == 0 || v.Min < o.Min {
				o.Min = v.Min
			}
			if o.Count == 0 || v.Max > o.Max {
				o.Max = v.Max
			}
			o.Count += v.Count
			o.Sum += v.Sum
			out[k] = o
		}
	}
	return out
}

// Percentiles sorts each shard of latencies in its own goroutine and reads the
// requested quantiles; the quantiles are clamped before the shards start.
func Percentiles(shards [][]float64, qs []float64) [][]float64 {
	for i, q := range qs {
		qs[i] = math.Max(0, math.Min(1, q))
	}
	out := make([][]float64, len(shards))
	var wg sync.WaitGroup
	wg.Add(len(shards))
	for i := 0; i < len(shards); i++ {
		go func() {
			defer wg.Done()
			s := append([]float64(nil), shards[i]...)
			sort.Float64s(s)
			row := make([]float64, len(qs))
			for j, q := range qs {
				if len(s) > 0 {
					row[j] = s[int(q*float64(len(s)-1))]
				}
			}
			out[i] = row
		}()
	}
	wg.Wait()
	return out
}

// Rollup buckets points into windows on n shards; the window is rounded first
// and the shard count bounded by the number of points.
func Rollup(samples []Sample, window time.Duration, n int) map[int64]float64 {
	if window <= 0 {
		window = time.Minute
	}
	window = window.Round(time.Second)
	if n > len(samples) {
		n = len(samples)
	}
	var mu sync.Mutex
	buckets := map[int64]float64{}
	var wg sync.WaitGroup
	wg.Add(n)
	for s := 0; s < n; s++ {
		go func() {
			defer wg.Done()
			local := map[int64]float64{}
			for i := s; i < len(samples); i += n {
				k := samples[i].At.Truncate(window).Unix()
				local[k] += samples[i].Value
			}
			mu.Lock()
			for k, v := range local {
				buckets[k] += v
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	return buckets
}

// Counters counts names concurrently with atomics; the label is lower-cased
// before the goroutines start and reset after they finish.
func Counters(names []string, label string, workers int) (int64, int64) {
	label = strings.ToLower(label)
	var hits, misses atomic.Int64
	var wg sync.WaitGroup
	wg.Add(workers)
	for w := 0; w < workers; w++ {
		go func() {
			defer wg.Done()
			for i := w; i < len(names); i += workers {
				if strings.Contains(strings.ToLower(names[i]), label) {
					hits.Add(1)
				} else {
					misses.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	label = ""
	return hits.Load(), misses.Load()
}

// Gauge keeps the latest value of each metric, updated by an exporter goroutine.
type Gauge struct {
	mu     sync.Mutex
	values map[string]float64
}

// NewGauge returns an empty gauge.
func NewGauge() *Gauge { return &Gauge{values: map[string]float64{}} }

// Set stores a value.
func (g *Gauge) Set(name string, v float64) {
	g.mu.Lock()
	g.values[name] = v
	g.mu.Unlock()
}

// Export runs the exporter until stop is closed; the interval may be lowered
// by the caller after the exporter started, which it must observe.
func (g *Gauge) Export(interval time.Duration, stop <-chan struct{}, sink func(map[string]float64)) *time.Duration {
	go func() {
		for {
			select {
			case <-stop:
				return
			case <-time.After(interval):
				g.mu.Lock()
				snap := make(map[string]float64, len(g.values))
				for k, v := range g.values {
					snap[k] = v
				}
				g.mu.Unlock()
				sink(snap)
			}
		}
	}()
	return &interval
}

// Histogram counts values into fixed buckets from several goroutines.
func Histogram(values []float64, bounds []float64, parts int) []int64 {
	if parts < 1 {
		parts = 1
	}
	counts := make([]atomic.Int64, len(bounds)+1)
	chunk := (len(values) + parts - 1) / parts
	var wg sync.WaitGroup
	for p := 0; p < parts; p++ {
		lo := p * chunk
		hi := min(lo+chunk, len(values))
		if lo >= hi {
			break
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, v := range values[lo:hi] {
				counts[sort.SearchFloat64s(bounds, v)].Add(1)
			}
		}()
	}
	wg.Wait()
	out := make([]int64, len(counts))
	for i := range counts {
		out[i] = counts[i].Load()
	}
	return out
}
