package devops

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

// Task is one node of a build graph.
type Task struct {
	Name string
	Deps []string
	Run  func(ctx context.Context) error
}

// TaskResult is what running one task produced.
type TaskResult struct {
	Name     string
	Err      error
	Duration time.Duration
}

// RunGraph runs every task once all its deps are done, each in its own
// goroutine; a task whose dep failed is skipped.
func RunGraph(ctx context.Context, tasks []Task, timeout time.Duration) []TaskResult {
	if timeout <= 0 {
		timeout = time.Minute
	}
	done := make(map[string]chan struct{}, len(tasks))
	for _, t := range tasks {
		done[t.Name] = make(chan struct{})
	}
	results := make([]TaskResult, len(tasks))
	failed := make([]bool, len(tasks))
	index := make(map[string]int, len(tasks))
	for i, t := range tasks {
		index[t.Name] = i
	}
	var wg sync.WaitGroup
	for i, t := range tasks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer close(done[t.Name])
			for _, d := range t.Deps {
				<-done[d]
				if failed[index[d]] {
					results[i] = TaskResult{Name: t.Name, Err: fmt.Errorf("dep %s failed", d)}
					failed[i] = true
					return
				}
			}
			tctx, cancel := context.WithTimeout(ctx, timeout)
			defer cancel()
			start := time.Now()
			err := t.Run(tctx)
			results[i] = TaskResult{Name: t.Name, Err: err, Duration: time.Since(start)}
			failed[i] = err != nil
		}()
	}
	wg.Wait()
	return results
}

// Check is one lint or test command.
type Check struct {
	Name string
	Fn   func(pkg string) []string
}

// Finding is a diagnostic of one check on one package.
type Finding struct {
	Check, Pkg, Msg string
}

// Lint runs every check on every package in parallel, each result at its
// index, then flattens and sorts them.
func Lint(checks []Check, pkgs []string, limit int, severity string) []Finding {
	if limit <= 0 {
		limit = 8
	}
	severity = strings.ToUpper(severity)
	per := make([][]Finding, len(checks)*len(pkgs))
	var g errgroup.Group
	g.SetLimit(limit)
	for ci, c := range checks {
		for pi, p := range pkgs {
			g.Go(func() error {
				for _, m := range c.Fn(p) {
					per[ci*len(pkgs)+pi] = append(per[ci*len(pkgs)+pi], Finding{Check: c.Name, Pkg: p, Msg: severity + ": " + m})
				}
				return nil
			})
		}
	}
	_ = g.Wait()
	var all []Finding
	for _, f := range per {
		all = append(all, f...)
	}
	slices.SortFunc(all, func(a, b Finding) int {
		if c := strings.Compare(a.Pkg, b.Pkg); c != 0 {
			return c
		}
		return strings.Compare(a.Check, b.Check)
	})
	return all
}

// RunTests runs named test functions with a per-test timeout; a test that
// overruns is reported and abandoned.
func RunTests(names []string, fn func(string) error, timeout time.Duration) []error {
	if timeout == 0 {
		timeout = 10 * time.Second
	}
	errs := make([]error, len(names))
	var wg sync.WaitGroup
	for i, n := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res := make(chan error, 1)
			go func() { res <- fn(n) }()
			select {
			case err := <-res:
				errs[i] = err
			case <-time.After(timeout):
				errs[i] = fmt.Errorf("%s: timed out after %v", n, timeout)
			}
		}()
	}
	wg.Wait()
	return errs
}

// Migration is one schema step.
type Migration struct {
	Version int
	Up      func() error
}

// Migrate applies pending migrations in order, recording each applied version
// and logging the last one on the way out.
func Migrate(ms []Migration, current int, logf func(string, ...any)) (applied []int, err error) {
	slices.SortFunc(ms, func(a, b Migration) int { return a.Version - b.Version })
	last := current
	defer func() {
		logf("migrated %d -> %d", current, last)
	}()
	for _, m := range ms {
		if m.Version <= current {
			continue
		}
		if err := m.Up(); err != nil {
			return applied, fmt.Errorf("migration %d: %w", m.Version, err)
		}
		applied = append(applied, m.Version)
		last = m.Version
	}
	return applied, nil
}

// MigrateAll runs independent per-tenant migrations concurrently; the first
// error cancels the rest.
func MigrateAll(ctx context.Context, tenants []string, apply func(context.Context, string, string) error, schema string) error {
	schema = strings.TrimSpace(schema)
	if schema == "" {
		schema = "public"
	}
	g, ctx := errgroup.WithContext(ctx)
	for _, t := range tenants {
		g.Go(func() error {
			if err := apply(ctx, t, schema); err != nil {
				return fmt.Errorf("tenant %s: %w", t, err)
			}
			return nil
		})
	}
	return g.Wait()
}

// Order returns the tasks in dependency order (Kahn), erroring on a cycle.
func Order(tasks []Task) ([]string, error) {
	indeg := map[string]int{}
	users := map[string][]string{}
	for _, t := range tasks {
		indeg[t.Name] += 0
		for _, d := range t.Deps {
			indeg[t.Name]++
			users[d] = append(users[d], t.Name)
		}
	}
	var ready, out []string
	for n, d := range indeg {
		if d == 0 {
			ready = append(ready, n)
		}
	}
	slices.Sort(ready)
	for len(ready) > 0 {
		n := ready[0]
		ready = ready[1:]
		out = append(out, n)
		for _, u := range users[n] {
			indeg[u]--
			if indeg[u] == 0 {
				ready = append(ready, u)
			}
		}
	}
	if len(out) != len(indeg) {
		return nil, errors.New("cycle in task graph")
	}
	return out, nil
}
