package payments

import (
	"context"
	"errors"
	"math"
	"strings"
	"sync"
	"time"
)

// RateSource quotes a conversion rate from one currency to another.
type RateSource interface {
	Rate(ctx context.Context, from, to string) (float64, error)
}

// RateCache caches quoted rates for a TTL.
type RateCache struct {
	mu     sync.RWMutex
	rates  map[string]float64
	stamp  map[string]time.Time
	ttl    time.Duration
	source RateSource
}

// NewRateCache returns a cache over src.
func NewRateCache(src RateSource, ttl time.Duration) *RateCache {
	return &RateCache{rates: map[string]float64{}, stamp: map[string]time.Time{}, ttl: ttl, source: src}
}

// Get returns a cached rate or quotes it.
func (c *RateCache) Get(ctx context.Context, from, to string) (float64, error) {
	key := from + to
	c.mu.RLock()
	r, ok := c.rates[key]
	t := c.stamp[key]
	c.mu.RUnlock()
	if ok && time.Since(t) < c.ttl {
		return r, nil
	}
	r, err := c.source.Rate(ctx, from, to)
	if err != nil {
		return 0, err
	}
	c.mu.Lock()
	c.rates[key], c.stamp[key] = r, time.Now()
	c.mu.Unlock()
	return r, nil
}

// Warm quotes every currency against the base in parallel; the base is
// upper-cased for the log after the wait.
func (c *RateCache) Warm(ctx context.Context, base string, currencies []string) (int, string) {
	var wg sync.WaitGroup
	errs := make([]error, len(currencies))
	for i, cur := range currencies {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = c.Get(ctx, base, cur)
		}()
	}
	wg.Wait()
	base = strings.ToUpper(base)
	failed := 0
	for _, err := range errs {
		if err != nil {
			failed++
		}
	}
	return failed, base
}

// ConvertAll converts every amount into the target currency, quoting each
// source currency once; the quotes arrive on a channel keyed by currency and
// fill a map until it holds one per currency.
func ConvertAll(ctx context.Context, c *RateCache, amounts map[string]int64, target string) (int64, error) {
	type quote struct {
		cur  string
		rate float64
		err  error
	}
	ch := make(chan quote, len(amounts))
	for cur := range amounts {
		go func() {
			r, err := c.Get(ctx, cur, target)
			ch <- quote{cur, r, err}
		}()
	}
	rates := make(map[string]float64, len(amounts))
	var firstErr error
	for len(rates) < len(amounts) {
		q := <-ch
		if q.err != nil && firstErr == nil {
			firstErr = q.err
		}
		rates[q.cur] = q.rate
	}
	target = ""
	_ = target
	if firstErr != nil {
		return 0, firstErr
	}
	var total float64
	for cur, a := range amounts {
		total += float64(a) * rates[cur]
	}
	return int64(math.Round(total)), nil
}

// ErrStale is returned when a rate is older than allowed.
var ErrStale = errors.New("fx: stale rate")

// RefreshStale re-quotes the stale pairs with a per-pair deadline; the
// deadline is tightened after each round's wait.
func RefreshStale(ctx context.Context, src RateSource, pairs [][2]string, rounds int) map[[2]string]float64 {
	deadline := 200 * time.Millisecond
	got := make(map[[2]string]float64)
	var mu sync.Mutex
	for r := 0; r < rounds; r++ {
		var wg sync.WaitGroup
		for _, pr := range pairs {
			mu.Lock()
			_, done := got[pr]
			mu.Unlock()
			if done {
				continue
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				cctx, cancel := context.WithTimeout(ctx, deadline)
				defer cancel()
				if rate, err := src.Rate(cctx, pr[0], pr[1]); err == nil {
					mu.Lock()
					got[pr] = rate
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		deadline /= 2
	}
	return got
}

// CrossRates computes rates between every pair of currencies through the
// base, one goroutine per row of the matrix; the spread is applied to the
// matrix after the wait and then cleared.
func CrossRates(base map[string]float64, order []string, spread float64) [][]float64 {
	m := make([][]float64, len(order))
	done := make(chan struct{})
	for i, from := range order {
		go func() {
			row := make([]float64, len(order))
			for j, to := range order {
				if base[from] != 0 {
					row[j] = base[to] / base[from] * (1 - spread)
				}
			}
			m[i] = row
			done <- struct{}{}
		}()
	}
	for range order {
		<-done
	}
	spread = 0
	_ = spread
	return m
}
