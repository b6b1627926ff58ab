package mlserve

import (
	"context"
	"fmt"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// Metrics are the serving counters exported to the scraper.
type Metrics struct {
	Requests atomic.Int64
	Errors   atomic.Int64
	Latency  atomic.Int64 // nanoseconds, summed
}

// ServeBatch scores each request in its own goroutine, counting into the shared metrics.
func ServeBatch(m *Model, reqs []Request, met *Metrics) [][]float64 {
	cfg := m.Cfg
	cfg.normalize()
	out := make([][]float64, len(reqs))
	var wg sync.WaitGroup
	for i, r := range reqs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			start := time.Now()
			met.Requests.Add(1)
			ys := make([]float64, len(r.Batch))
			for j, x := range r.Batch {
				for _, sh := range m.Shards {
					ys[j] += sh.infer(x)
				}
				ys[j] = cfg.apply(ys[j])
			}
			out[i] = ys
			met.Latency.Add(int64(time.Since(start)))
		}()
	}
	wg.Wait()
	return out
}

// WorkerLatencies gives each worker its own slot, then formats them after the wait with a unit chosen late.
func WorkerLatencies(batches [][]float64, workers int) []string {
	if workers <= 0 {
		workers = 2
	}
	unit := "us"
	scale := 1e3
	lat := make([]float64, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			t := 0.0
			for i := w; i < len(batches); i += workers {
				t += float64(len(batches[i])) * scale
			}
			lat[w] = t
		}()
	}
	wg.Wait()
	unit = "ns"
	out := make([]string, workers)
	for i, l := range lat {
		out[i] = strconv.FormatFloat(l*1e3, 'f', 0, 64) + unit
	}
	return out
}

// Histogram buckets scores into fixed bounds from per-worker partial counts.
func Histogram(scores []float64, workers int) [8]int {
	bounds := [7]float64{0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 0.99}
	parts := make([][8]int, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(scores); i += workers {
				b := 0
				for b < len(bounds) && scores[i] > bounds[b] {
					b++
				}
				parts[w][b]++
			}
		}()
	}
	wg.Wait()
	var total [8]int
	for _, p := range parts {
		for i, n := range p {
			total[i] += n
		}
	}
	return total
}

// Report renders per-model summaries with a header the goroutines read, then finalised after the drain.
func Report(models []*Model) string {
	header := fmt.Sprintf("models=%d", len(models))
	lines := make(chan string, len(models))
	for _, m := range models {
		go func() {
			lines <- header + " " + m.Name + " shards=" + strconv.Itoa(len(m.Shards))
		}()
	}
	out := ""
	for range models {
		out += <-lines + "\n"
	}
	header = ""
	return out + header
}

// Probe pings each shard until the context is cancelled; the first failure cancels the rest.
func Probe(ctx context.Context, m *Model, timeout time.Duration) error {
	if timeout <= 0 {
		timeout = time.Second
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	errs := make(chan error, len(m.Shards))
	for _, sh := range m.Shards {
		go func() {
			if ctx.Err() != nil {
				errs <- ctx.Err()
				return
			}
			if len(sh.Weights) == 0 {
				errs <- fmt.Errorf("shard %s: no weights (budget %s)", sh.Name, timeout)
				return
			}
			errs <- nil
		}()
	}
	var first error
	for range m.Shards {
		if err := <-errs; err != nil && first == nil {
			first = err
			cancel()
		}
	}
	return first
}

// Retune is a must-decline: the thresholds' config pointer is switched to the strict config before the workers
// are released, and every worker must judge by the strict one.
func Retune(base, strict scoreConfig, raw []float64) []bool {
	th := thresholds{cfg: &base}
	var mu sync.Mutex
	release := make(chan struct{})
	keep := make([]bool, len(raw))
	var wg sync.WaitGroup
	for i, x := range raw {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-release
			mu.Lock()
			t := th
			mu.Unlock()
			keep[i] = t.pass(x)
		}()
	}
	mu.Lock()
	th.cfg = &strict
	mu.Unlock()
	close(release)
	wg.Wait()
	return keep
}

// Drift is a must-decline: each goroutine records the largest score it saw in the shared config's field, which
// the caller reads after the wait.
func Drift(raw [][]float64) float64 {
	c := scoreConfig{MinScore: 0}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, xs := range raw {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, x := range xs {
				mu.Lock()
				if x > c.MinScore {
					c.MinScore = x
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return c.MinScore
}
