// Package harness runs simulation scenarios concurrently; its Repeat runs each through an errgroup.
package harness

import (
	"context"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

// Config bounds a run; zero fields take defaults.
type Config struct {
	Timeout time.Duration
	Repeat  int
}

// fill sets the defaults. It names the field Repeat, which shares its name with the function Repeat
// below, the one that calls errgroup; a selector's field is never that function.
func (c *Config) fill() {
	if c.Timeout <= 0 {
		c.Timeout = time.Second
	}
	if c.Repeat <= 0 {
		c.Repeat = 1
	}
}

// Run runs every case cfg.Repeat times, each with its own timeout, results by index.
func Run(ctx context.Context, cases []func(context.Context) int, cfg Config) []int { // want "moved to heap: cfg"
	cfg.fill()
	out := make([]int, len(cases))
	var wg sync.WaitGroup
	for i, run := range cases {
		wg.Add(1)
		go func() { // want "func literal escapes to heap"
			defer wg.Done()
			for r := 0; r < cfg.Repeat; r++ {
				cctx, cancel := context.WithTimeout(ctx, cfg.Timeout)
				out[i] += run(cctx)
				cancel()
			}
		}()
	}
	wg.Wait()
	return out
}

// Repeat runs one case n times through an errgroup and sums what it returns.
func Repeat(ctx context.Context, run func(context.Context) int, n int) int {
	var g errgroup.Group
	got := make([]int, n)
	for i := range got {
		g.Go(func() error {
			got[i] = run(ctx)
			return nil
		})
	}
	_ = g.Wait()
	sum := 0
	for _, v := range got {
		sum += v
	}
	return sum
}
