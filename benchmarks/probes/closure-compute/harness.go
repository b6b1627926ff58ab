package compute

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

// Scenario is one simulation case of a test harness.
type Scenario struct {
	Name  string
	Seed  int64
	Steps int
	Run   func(ctx context.Context, seed int64, steps int) (float64, error)
}

// Result is one scenario's outcome.
type Result struct {
	Name    string
	Value   float64
	Err     error
	Elapsed time.Duration
}

// HarnessConfig bounds a harness run.
type HarnessConfig struct {
	Parallel int
	Timeout  time.Duration
	Repeat   int
}

func (c *HarnessConfig) fill() {
	if c.Parallel <= 0 {
		c.Parallel = 4
	}
	if c.Timeout <= 0 {
		c.Timeout = time.Second
	}
	if c.Repeat <= 0 {
		c.Repeat = 1
	}
}

// RunScenarios runs every case under a semaphore, each with its own timeout; results by index.
func RunScenarios(ctx context.Context, cases []Scenario, cfg HarnessConfig) []Result {
	cfg.fill()
	results := make([]Result, len(cases))
	sem := make(chan struct{}, cfg.Parallel)
	var wg sync.WaitGroup
	for i, sc := range cases {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			cctx, cancel := context.WithTimeout(ctx, cfg.Timeout)
			defer cancel()
			start := time.Now()
			v, err := sc.Run(cctx, sc.Seed, sc.Steps)
			results[i] = Result{Name: sc.Name, Value: v, Err: err, Elapsed: time.Since(start)}
		}()
	}
	wg.Wait()
	return results
}

// Repeat runs each case cfg.Repeat times with consecutive seeds and keeps the mean.
func Repeat(ctx context.Context, cases []Scenario, cfg HarnessConfig) ([]float64, error) {
	c := &cfg
	c.fill()
	means := make([]float64, len(cases))
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(cfg.Parallel)
	for i, sc := range cases {
		g.Go(func() error {
			sum := 0.0
			for r := 0; r < cfg.Repeat; r++ {
				v, err := sc.Run(ctx, sc.Seed+int64(r), sc.Steps)
				if err != nil {
					return fmt.Errorf("%s repeat %d: %w", sc.Name, r, err)
				}
				sum += v
			}
			means[i] = sum / float64(cfg.Repeat)
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return means, nil
}

// Sweep runs every case at every step count: a goroutine per step count fans out a
// goroutine per case.
func Sweep(ctx context.Context, cases []Scenario, steps []int, seed int64) [][]float64 {
	grid := make([][]float64, len(steps))
	var outer sync.WaitGroup
	for si, n := range steps {
		grid[si] = make([]float64, len(cases))
		outer.Add(1)
		go func() {
			defer outer.Done()
			var inner sync.WaitGroup
			for ci, sc := range cases {
				inner.Add(1)
				go func() {
					defer inner.Done()
					v, err := sc.Run(ctx, seed, n)
					if err != nil {
						v = -1
					}
					grid[si][ci] = v
				}()
			}
			inner.Wait()
		}()
	}
	outer.Wait()
	return grid
}

// Budgeted runs the cases in batches of parallel, shrinking the time left after each batch.
func Budgeted(ctx context.Context, cases []Scenario, parallel int, budget time.Duration) ([]Result, error) {
	var out []Result
	for lo := 0; lo < len(cases); lo += parallel {
		if budget <= 0 {
			return out, context.DeadlineExceeded
		}
		batch := cases[lo:min(lo+parallel, len(cases))]
		res := make([]Result, len(batch))
		start := time.Now()
		var wg sync.WaitGroup
		for i, sc := range batch {
			wg.Add(1)
			go func() {
				defer wg.Done()
				cctx, cancel := context.WithTimeout(ctx, budget)
				defer cancel()
				v, err := sc.Run(cctx, sc.Seed, sc.Steps)
				res[i] = Result{Name: sc.Name, Value: v, Err: err}
			}()
		}
		wg.Wait()
		budget -= time.Since(start)
		out = append(out, res...)
	}
	return out, nil
}

// FirstFailure runs the cases and returns the first error any reports; the others are
// cancelled, and the failing case's name is recorded.
func FirstFailure(ctx context.Context, cases []Scenario) (string, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	errc := make(chan error, len(cases))
	name := ""
	for _, sc := range cases {
		go func() {
			_, err := sc.Run(ctx, sc.Seed, sc.Steps)
			if err != nil {
				err = fmt.Errorf("%s: %w", sc.Name, err)
			}
			errc <- err
		}()
	}
	for range cases {
		if err := <-errc; err != nil {
			var se interface{ Scenario() string }
			if errors.As(err, &se) {
				name = se.Scenario()
			}
			return name, err
		}
	}
	return name, nil
}

// Warmup runs every case once with a short step count before timing them; steps is
// doubled once every warm-up run has reported on done.
func Warmup(ctx context.Context, cases []Scenario, steps int) int {
	done := make(chan struct{})
	for _, sc := range cases {
		go func() {
			_, _ = sc.Run(ctx, sc.Seed, steps)
			done <- struct{}{}
		}()
	}
	for range cases {
		<-done
	}
	steps *= 2
	return steps
}

// Progress runs the cases while a reporter goroutine prints how many are done; the label
// changes when the run finishes, while the reporter may still print.
func Progress(ctx context.Context, cases []Scenario, report func(string, int)) {
	var finished int64
	var mu sync.Mutex
	label := "running"
	stop := make(chan struct{})
	go func() {
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				mu.Lock()
				report(label, int(finished))
				mu.Unlock()
			case <-stop:
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for _, sc := range cases {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, _ = sc.Run(ctx, sc.Seed, sc.Steps)
			mu.Lock()
			finished++
			mu.Unlock()
		}()
	}
	wg.Wait()
	mu.Lock()
	label = "done"
	mu.Unlock()
	close(stop)
}
