// Package health runs the agent's health checks.
package health

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"time"
)

// Check is one named probe.
type Check struct {
	Name string
	Run  func(ctx context.Context) error
}

// Result of one check.
type Result struct {
	Name string
	Err  error
	Took time.Duration
}

// Policy of a health run.
type Policy struct {
	Timeout  time.Duration
	Critical map[string]bool
}

func (p *Policy) normalise() {
	if p.Timeout <= 0 {
		p.Timeout = 2 * time.Second
	}
	if p.Critical == nil {
		p.Critical = map[string]bool{}
	}
}

func runOne(ctx context.Context, c Check, p *Policy) Result {
	ctx, cancel := context.WithTimeout(ctx, p.Timeout)
	defer cancel()
	start := time.Now()
	err := c.Run(ctx)
	return Result{c.Name, err, time.Since(start)}
}

// RunAll runs every check concurrently under the policy, normalised first.
func RunAll(ctx context.Context, checks []Check, p Policy) []Result {
	p.normalise()
	out := make([]Result, len(checks))
	var wg sync.WaitGroup
	for i, c := range checks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = runOne(ctx, c, &p)
		}()
	}
	wg.Wait()
	return out
}

// Healthy runs the checks and says whether every critical one passed; the policy's map is read after the wait.
func Healthy(ctx context.Context, checks []Check, p Policy) bool {
	results := make(chan Result, len(checks))
	var wg sync.WaitGroup
	for _, c := range checks {
		wg.Add(1)
		go func(c Check) {
			defer wg.Done()
			results <- runOne(ctx, c, &p)
		}(c)
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	ok := true
	for r := range results {
		if r.Err != nil && p.Critical[r.Name] {
			ok = false
		}
	}
	p = Policy{}
	_ = p
	return ok
}

// Watch runs the checks every interval until ctx ends; the returned setter changes the interval the
// running loop reads next, so the loop must keep reading the variable: must decline.
func Watch(ctx context.Context, checks []Check, interval time.Duration, report func([]Result)) func(time.Duration) {
	var mu sync.Mutex
	go func() {
		for {
			mu.Lock()
			d := interval
			mu.Unlock()
			select {
			case <-ctx.Done():
				return
			case <-time.After(d):
				report(RunAll(ctx, checks, Policy{Timeout: d / 2}))
			}
		}
	}()
	return func(d time.Duration) {
		mu.Lock()
		interval = d
		mu.Unlock()
	}
}

// Report writes the results sorted by name, failures first.
func Report(w io.Writer, results []Result) {
	sort.Slice(results, func(i, j int) bool {
		if (results[i].Err == nil) != (results[j].Err == nil) {
			return results[i].Err != nil
		}
		return results[i].Name < results[j].Name
	})
	for _, r := range results {
		status := "ok"
		if r.Err != nil {
			status = "FAIL: " + r.Err.Error()
		}
		fmt.Fprintf(w, "%-20s %8s %s\n", r.Name, r.Took.Round(time.Millisecond), status)
	}
}

// Line renders the results as one status line.
func Line(results []Result) string {
	var b strings.Builder
	for i, r := range results {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprint(&b, r.Name, "=", r.Err == nil)
	}
	return b.String()
}

// Slowest runs the checks with a deadline derived from the slowest previous run, read by every goroutine and reset after all report.
func Slowest(ctx context.Context, checks []Check, prev []Result) time.Duration {
	var limit time.Duration
	for _, r := range prev {
		limit = max(limit, r.Took)
	}
	limit += limit / 2
	done := make(chan time.Duration, len(checks))
	for _, c := range checks {
		go func() {
			ctx, cancel := context.WithTimeout(ctx, limit)
			defer cancel()
			start := time.Now()
			c.Run(ctx)
			done <- time.Since(start)
		}()
	}
	var worst time.Duration
	for range checks {
		worst = max(worst, <-done)
	}
	limit = worst
	return limit
}

// Quorum returns once a majority of checks passed; the rest keep running with the label: must decline.
func Quorum(ctx context.Context, checks []Check, label string) (bool, string) {
	passed := make(chan bool, len(checks))
	for _, c := range checks {
		go func() {
			err := c.Run(ctx)
			if err != nil {
				fmt.Fprintln(io.Discard, label, c.Name, err)
			}
			passed <- err == nil
		}()
	}
	ok := 0
	for i := 0; i < len(checks)/2+1; i++ {
		if <-passed {
			ok++
		}
	}
	label = strings.ToUpper(label)
	return ok > len(checks)/2, label
}
