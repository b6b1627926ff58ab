// Package bars aggregates ticks into OHLC bars, one worker per symbol shard.
package bars

import (
	"sync"
	"time"

	"example.com/probes/mixed-marketdata/limits"
)

// Tick is one trade print.
type Tick struct {
	Symbol string
	Price  int64
	Qty    int64
	At     time.Time
}

// Bar is one OHLC bar.
type Bar struct {
	Symbol                 string
	Open, High, Low, Close int64
	Volume                 int64
	Start                  time.Time
}

// Config says how bars are cut.
type Config struct {
	Interval time.Duration
	Workers  int
	MinQty   int64
}

func (c *Config) normalize() {
	if c.Interval <= 0 {
		c.Interval = time.Minute
	}
	if c.Workers <= 0 {
		c.Workers = 4
	}
}

func (c *Config) bucket(t time.Time) time.Time { return t.Truncate(c.Interval) }

func fold(b *Bar, t Tick) {
	if b.Volume == 0 {
		b.Open, b.High, b.Low = t.Price, t.Price, t.Price
	}
	b.High = max(b.High, t.Price)
	b.Low = min(b.Low, t.Price)
	b.Close = t.Price
	b.Volume += t.Qty
}

// Aggregate folds ticks into one bar per symbol, sharded over workers.
func Aggregate(ticks []Tick, cfg Config) map[string]Bar {
	cfg.normalize()
	shards := make([][]Tick, cfg.Workers)
	for _, t := range ticks {
		h := 0
		for i := 0; i < len(t.Symbol); i++ {
			h = h*31 + int(t.Symbol[i])
		}
		if h < 0 {
			h = -h
		}
		shards[h%cfg.Workers] = append(shards[h%cfg.Workers], t)
	}
	out := map[string]Bar{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, shard := range shards {
		wg.Add(1)
		go func() {
			defer wg.Done()
			local := map[string]*Bar{}
			for _, t := range shard {
				if t.Qty < cfg.MinQty {
					continue
				}
				b := local[t.Symbol]
				if b == nil {
					b = &Bar{Symbol: t.Symbol, Start: cfg.bucket(t.At)}
					local[t.Symbol] = b
				}
				fold(b, t)
			}
			mu.Lock()
			for s, b := range local {
				out[s] = *b
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	return out
}

// Volumes sums volume per symbol index concurrently into a fixed array, then scales after the wait.
func Volumes(ticks [][]Tick, lot int64) [limits.MaxSymbols]int64 {
	var vols [limits.MaxSymbols]int64
	var wg sync.WaitGroup
	for i := 0; i < min(len(ticks), limits.MaxSymbols); i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, t := range ticks[i] {
				vols[i] += t.Qty
			}
		}()
	}
	wg.Wait()
	if lot > 1 {
		for i := range vols {
			vols[i] /= lot
		}
	}
	return vols
}

// VWAP computes each series' VWAP on its own goroutine and the best after the wait.
func VWAP(series [][]Tick) (best int64) {
	prices := make([]int64, len(series))
	var wg sync.WaitGroup
	for i, s := range series {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var pv, v int64
			for _, t := range s {
				pv += t.Price * t.Qty
				v += t.Qty
			}
			if v > 0 {
				prices[i] = pv / v
			}
		}()
	}
	wg.Wait()
	for _, p := range prices {
		best = max(best, p)
	}
	return best
}

// Ranges computes high-low ranges with a shared config; the minimum is raised after the workers start,
// and the workers that read it late must see the raise.
func Ranges(series [][]Tick, cfg Config) []int64 {
	out := make([]int64, len(series))
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i, s := range series {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var lo, hi int64
			for j, t := range s {
				mu.Lock()
				skip := t.Qty < cfg.MinQty
				mu.Unlock()
				if skip {
					continue
				}
				if j == 0 || t.Price < lo {
					lo = t.Price
				}
				hi = max(hi, t.Price)
			}
			out[i] = hi - lo
		}()
	}
	mu.Lock()
	cfg.MinQty = max(cfg.MinQty, 1)
	mu.Unlock()
	wg.Wait()
	return out
}

// Counts counts ticks per symbol through a channel and labels the result after the drain.
func Counts(series [][]Tick) (int, string) {
	done := make(chan int, len(series))
	label := "pending"
	for _, s := range series {
		go func() {
			n := 0
			for range s {
				n++
			}
			done <- n
		}()
	}
	total := 0
	for range series {
		total += <-done
	}
	label = "complete"
	return total, label
}
