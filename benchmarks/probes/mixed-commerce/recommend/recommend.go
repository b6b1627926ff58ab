// Package recommend scores candidate products for a shopper, fanning the scorers out in parallel.
package recommend

import (
	"context"
	"sort"
	"sync"
	"time"

	"example.com/probes/mixed-commerce/limits"
)

// Candidate is a product a scorer rates.
type Candidate struct {
	SKU   string
	Score float64
}

// Scorer rates a product for a shopper.
type Scorer func(ctx context.Context, shopper, sku string) float64

// Weights tune the blend of scorers.
type Weights struct {
	Recency, Popularity, Affinity float64
	Boost                         map[string]float64
}

func (w *Weights) blend(scores [3]float64) float64 {
	return w.Recency*scores[0] + w.Popularity*scores[1] + w.Affinity*scores[2]
}

func (w *Weights) boost(sku string) float64 {
	if b, ok := w.Boost[sku]; ok {
		return b
	}
	return 1
}

func normalize(w *Weights) {
	sum := w.Recency + w.Popularity + w.Affinity
	if sum == 0 {
		w.Recency, w.Popularity, w.Affinity, sum = 1, 1, 1, 3
	}
	w.Recency /= sum
	w.Popularity /= sum
	w.Affinity /= sum
}

// Top scores every candidate, one goroutine each, with weights normalised first, and keeps the best MaxRecs.
func Top(ctx context.Context, shopper string, skus []string, scorers [3]Scorer, w Weights) []Candidate {
	normalize(&w)
	out := make([]Candidate, len(skus))
	var wg sync.WaitGroup
	for i, sku := range skus {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var s [3]float64
			for j, f := range scorers {
				s[j] = f(ctx, shopper, sku)
			}
			out[i] = Candidate{sku, w.blend(s) * w.boost(sku)}
		}()
	}
	wg.Wait()
	sort.Slice(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	if len(out) > limits.MaxRecs {
		out = out[:limits.MaxRecs]
	}
	return out
}

// Boosted scores candidates through the weights' boost method value, in parallel.
func Boosted(skus []string, w Weights) []float64 {
	boost := w.boost
	out := make([]float64, len(skus))
	var wg sync.WaitGroup
	for i, sku := range skus {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = boost(sku)
		}()
	}
	wg.Wait()
	return out
}

// Deadline scores with a timeout, each scorer bounded by the same budget; the budget is spent after all answer.
func Deadline(ctx context.Context, shopper string, skus []string, score Scorer, budget time.Duration) (float64, time.Duration) {
	scores := make(chan float64, len(skus))
	for _, sku := range skus {
		go func() {
			c, cancel := context.WithTimeout(ctx, budget)
			defer cancel()
			scores <- score(c, shopper, sku)
		}()
	}
	var sum float64
	for i := 0; i < len(skus); i++ {
		sum += <-scores
	}
	budget = 0
	return sum, budget
}

// Segments scores a shopper's segments concurrently, the shopper id logged only after every segment answered.
func Segments(ctx context.Context, shopper string, segments []string, score Scorer) map[string]float64 {
	type res struct {
		seg string
		v   float64
	}
	ch := make(chan res)
	var wg sync.WaitGroup
	for _, seg := range segments {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ch <- res{seg, score(ctx, shopper, seg)}
		}()
	}
	go func() {
		wg.Wait()
		close(ch)
	}()
	out := make(map[string]float64, len(segments))
	for r := range ch {
		out[r.seg] = r.v
	}
	shopper = ""
	_ = shopper
	return out
}

// Warm starts scoring in the background and returns at once; the cache fills later, so the weights are shared.
func Warm(ctx context.Context, skus []string, score Scorer, w *Weights, cache *sync.Map) {
	for _, sku := range skus {
		go func() {
			cache.Store(sku, score(ctx, "", sku)*w.boost(sku))
		}()
	}
}

// Rebalance scores with the weights, then shifts weight to affinity while the scorers run: they must see it.
func Rebalance(skus []string, w Weights) []float64 {
	normalize(&w)
	out := make([]float64, len(skus))
	var wg sync.WaitGroup
	var mu sync.Mutex
	for i := range skus {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			out[i] = w.Affinity
			mu.Unlock()
		}()
	}
	mu.Lock()
	w.Affinity = 1
	mu.Unlock()
	wg.Wait()
	return out
}
