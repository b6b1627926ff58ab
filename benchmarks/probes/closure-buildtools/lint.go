package buildtools

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"
)

// Diagnostic is one finding of a checker.
type Diagnostic struct {
	File    string
	Line    int
	Checker string
	Message string
}

// Checker inspects one file's source.
type Checker struct {
	Name  string
	Check func(file, src string) []Diagnostic
}

// LintOptions tunes a lint run.
type LintOptions struct {
	Parallel int
	Disabled []string
	MaxPer   int
}

func enabled(checkers []Checker, disabled []string) []Checker {
	var on []Checker
	for _, c := range checkers {
		skip := false
		for _, d := range disabled {
			if d == c.Name {
				skip = true
			}
		}
		if !skip {
			on = append(on, c)
		}
	}
	return on
}

// Lint runs every enabled checker on every file, opts.Parallel files at a time.
func Lint(ctx context.Context, files map[string]string, checkers []Checker, opts LintOptions) ([]Diagnostic, error) {
	limit := opts.Parallel
	if limit <= 0 {
		limit = 8
	}
	active := enabled(checkers, opts.Disabled)
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	per := make([][]Diagnostic, len(names))
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(limit)
	for i, name := range names {
		g.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			for _, c := range active {
				per[i] = append(per[i], c.Check(name, files[name])...)
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	var all []Diagnostic
	for _, d := range per {
		all = append(all, d...)
	}
	active = nil
	return all, nil
}

// LintCapped stops reporting a checker after opts.MaxPer findings.
func LintCapped(files map[string]string, checkers []Checker, opts LintOptions) map[string]int {
	maxPer := opts.MaxPer
	if maxPer <= 0 {
		maxPer = 50
	}
	var mu sync.Mutex
	counts := make(map[string]int)
	var g errgroup.Group
	g.SetLimit(max(opts.Parallel, 1))
	for name, src := range files {
		g.Go(func() error {
			for _, c := range checkers {
				ds := c.Check(name, src)
				mu.Lock()
				counts[c.Name] = min(counts[c.Name]+len(ds), maxPer)
				mu.Unlock()
			}
			return nil
		})
	}
	g.Wait()
	maxPer = 0
	return counts
}

// LintSummary formats the findings per checker, the checkers linted in parallel.
func LintSummary(files map[string]string, checkers []Checker, header string) string {
	if header == "" {
		header = "lint"
	}
	lines := make([]string, len(checkers))
	var wg sync.WaitGroup
	for i, c := range checkers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n := 0
			for name, src := range files {
				n += len(c.Check(name, src))
			}
			lines[i] = fmt.Sprintf("%s %s: %d", header, c.Name, n)
		}()
	}
	wg.Wait()
	header = strings.ToUpper(header)
	return header + "\n" + strings.Join(lines, "\n")
}

// LintStream reports findings as they come, to a sink that a goroutine drains.
// The collected slice is appended to after the wait (must decline: the drain
// goroutine appends to it too, and the caller reads its result).
func LintStream(files map[string]string, checkers []Checker) []Diagnostic {
	found := make(chan Diagnostic)
	var collected []Diagnostic
	drained := make(chan struct{})
	go func() {
		for d := range found {
			collected = append(collected, d)
		}
		close(drained)
	}()
	var wg sync.WaitGroup
	for name, src := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, c := range checkers {
				for _, d := range c.Check(name, src) {
					found <- d
				}
			}
		}()
	}
	wg.Wait()
	close(found)
	<-drained
	collected = append(collected, Diagnostic{Checker: "summary", Message: fmt.Sprint(len(collected))})
	return collected
}
