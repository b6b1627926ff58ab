package mlserve

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

// Shard is one replica group of a model, holding a slice of its weights.
type Shard struct {
	Name    string
	Weights []float64
	Bias    float64
}

func (s *Shard) infer(x []float64) float64 {
	y := s.Bias
	for i, w := range s.Weights {
		if i < len(x) {
			y += w * x[i]
		}
	}
	return y
}

// Model is a sharded model: the prediction is the sum over shards.
type Model struct {
	Name   string
	Shards []*Shard
	Cfg    Config
}

// Request is one batched inference request.
type Request struct {
	Batch [][]float64
	Trace string
}

// PredictBatch fans the batch out over the model's shards and sums their partial outputs.
func PredictBatch(ctx context.Context, m *Model, req Request) ([]float64, error) {
	cfg := m.Cfg
	cfg.normalize()
	partial := make([][]float64, len(m.Shards))
	var wg sync.WaitGroup
	for si, sh := range m.Shards {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ys := make([]float64, len(req.Batch))
			for i, x := range req.Batch {
				ys[i] = cfg.apply(sh.infer(x))
			}
			partial[si] = ys
		}()
	}
	wg.Wait()
	out := make([]float64, len(req.Batch))
	for _, ys := range partial {
		for i, y := range ys {
			out[i] += y
		}
	}
	return out, ctx.Err()
}

// PredictTimed labels each shard's latency with the trace id, set before the goroutines.
func PredictTimed(m *Model, req Request) []string {
	trace := req.Trace
	if trace == "" {
		trace = "untraced"
	}
	notes := make([]string, len(m.Shards))
	var wg sync.WaitGroup
	for si, sh := range m.Shards {
		wg.Add(1)
		go func() {
			defer wg.Done()
			start := time.Now()
			for _, x := range req.Batch {
				sh.infer(x)
			}
			_ = time.Since(start)
			notes[si] = trace + "/" + sh.Name
		}()
	}
	wg.Wait()
	trace = "done"
	_ = trace
	return notes
}

// shardResult is what a shard worker sends back.
type shardResult struct {
	shard int
	ys    []float64
	err   error
}

// PredictGathered gathers shard outputs on a channel instead of by index.
func PredictGathered(ctx context.Context, m *Model, batch [][]float64) ([]float64, error) {
	cfg := m.Cfg
	cfg.normalize()
	results := make(chan shardResult, len(m.Shards))
	for si, sh := range m.Shards {
		go func() {
			if len(sh.Weights) == 0 {
				results <- shardResult{shard: si, err: fmt.Errorf("shard %s empty", sh.Name)}
				return
			}
			ys := make([]float64, len(batch))
			for i, x := range batch {
				ys[i] = cfg.apply(sh.infer(x))
			}
			results <- shardResult{shard: si, ys: ys}
		}()
	}
	out := make([]float64, len(batch))
	var firstErr error
	for range m.Shards {
		r := <-results
		if r.err != nil {
			if firstErr == nil {
				firstErr = r.err
			}
			continue
		}
		for i, y := range r.ys {
			out[i] += y
		}
	}
	return out, firstErr
}

var errDeadline = errors.New("mlserve: inference deadline")

// PredictDeadline gives up on slow shards; late shards still run with the config they were given.
func PredictDeadline(m *Model, batch [][]float64) ([]float64, error) {
	cfg := m.Cfg
	cfg.normalize()
	type res struct {
		si int
		y  float64
	}
	results := make(chan res, len(m.Shards))
	for si, sh := range m.Shards {
		go func() {
			y := 0.0
			for _, x := range batch {
				y += cfg.apply(sh.infer(x))
			}
			results <- res{si, y}
		}()
	}
	out := make([]float64, len(m.Shards))
	timer := time.NewTimer(cfg.Timeout)
	defer timer.Stop()
	for range m.Shards {
		select {
		case r := <-results:
			out[r.si] = r.y
		case <-timer.C:
			return out, errDeadline
		}
	}
	return out, nil
}

// Warmup runs one dummy batch per shard; the warm-up input is rebuilt after the wait for the next model.
func Warmup(models []*Model) int {
	input := make([]float64, 8)
	for i := range input {
		input[i] = 1
	}
	warmed := 0
	for _, m := range models {
		var wg sync.WaitGroup
		var mu sync.Mutex
		for _, sh := range m.Shards {
			wg.Add(1)
			go func() {
				defer wg.Done()
				sh.infer(input)
				mu.Lock()
				warmed++
				mu.Unlock()
			}()
		}
		wg.Wait()
		input = input[:len(input)/2+1]
	}
	return warmed
}

// PredictRetrying is a must-decline: a shard that failed is retried with a widened clip the goroutine of the
// next round must see, and the clip is widened while the previous round's stragglers may still read it.
func PredictRetrying(m *Model, batch [][]float64) []float64 {
	cfg := m.Cfg
	cfg.normalize()
	var mu sync.Mutex
	out := make([]float64, len(m.Shards))
	done := make(chan int, len(m.Shards))
	for si, sh := range m.Shards {
		go func() {
			mu.Lock()
			clip := cfg.Clip
			mu.Unlock()
			y := 0.0
			for _, x := range batch {
				y += sh.infer(x)
			}
			if y > clip {
				y = clip
			}
			out[si] = y
			done <- si
		}()
	}
	mu.Lock()
	cfg.Clip *= 2
	mu.Unlock()
	for range m.Shards {
		<-done
	}
	return out
}
