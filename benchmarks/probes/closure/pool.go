package probe

import (
	"context"
	"fmt"
	"log"
	"strings"
	"sync"
	"time"
)

type Item struct {
	ID   int
	Name string
	Size int
}

type Result struct {
	ID    int
	Score float64
	Label string
	Err   error
}

func score(it Item, scale float64) float64 { return float64(it.Size) * scale }

// ScoreAll runs a fixed pool of workers over a job channel; scale is chosen
// before the workers start.
func ScoreAll(items []Item, workers int, double bool) []Result {
	scale := 1.0
	if double {
		scale = 2
	}
	jobs := make(chan int)
	results := make([]Result, len(items))
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results[i] = Result{ID: items[i].ID, Score: score(items[i], scale)}
			}
		}()
	}
	for i := range items {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return results
}

// LabelAll starts one goroutine per item; the prefix is normalised after the
// goroutines finish so the caller can reuse it (a write after wg.Wait()).
func LabelAll(ctx context.Context, items []Item, prefix string) ([]Result, string) {
	prefix = strings.TrimSpace(prefix)
	out := make([]Result, len(items))
	var wg sync.WaitGroup
	for i, it := range items {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if ctx.Err() != nil {
				out[i].Err = ctx.Err()
				return
			}
			out[i] = Result{ID: it.ID, Label: prefix + "/" + it.Name}
		}()
	}
	wg.Wait()
	prefix = strings.ToUpper(prefix)
	return out, prefix
}

// WorkerIDs logs with the worker's number: a three-clause loop variable
// captured by each worker.
func WorkerIDs(jobs <-chan Item, workers int, sink func(string)) {
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range jobs {
				sink(fmt.Sprintf("worker %d: %s", w, it.Name))
			}
		}()
	}
	wg.Wait()
}

// Shrink uses a context derived in place (ctx, cancel := ...), which makes
// ctx a reassigned parameter captured by every goroutine.
func Shrink(ctx context.Context, items []Item, timeout time.Duration, fn func(context.Context, Item) int) []int {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	sizes := make([]int, len(items))
	var wg sync.WaitGroup
	wg.Add(len(items))
	for i, it := range items {
		go func() {
			defer wg.Done()
			sizes[i] = fn(ctx, it)
		}()
	}
	wg.Wait()
	return sizes
}

// Counter is a pool that keeps a running total under its mutex; the goroutine
// really observes a later write of limit (must not be rewritten).
type Counter struct {
	mu    sync.Mutex
	total int
}

func (c *Counter) RunLimited(in <-chan int, done chan<- int) {
	var mu sync.Mutex
	limit := 10
	go func() {
		sum := 0
		for v := range in {
			mu.Lock()
			l := limit
			mu.Unlock()
			if v > l {
				v = l
			}
			sum += v
		}
		done <- sum
	}()
	time.Sleep(time.Millisecond)
	mu.Lock()
	limit = 3
	mu.Unlock()
}

// Totals sums per-shard results; the total is adjusted after each receive.
func Totals(shards [][]int, bias int) int {
	total := 0
	res := make(chan int, len(shards))
	for _, sh := range shards {
		go func() {
			s := 0
			for _, v := range sh {
				s += v + bias
			}
			res <- s
		}()
	}
	for range shards {
		total += <-res
	}
	bias = 0
	log.Printf("total %d bias %d", total, bias)
	return total
}
