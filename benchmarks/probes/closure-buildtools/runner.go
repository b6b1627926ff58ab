package buildtools

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

// Config is a test run's configuration, as read from the tool's config file.
type Config struct {
	Workers  int
	FailFast bool
	Timeout  time.Duration
	Tags     []string
	Verbose  bool
	Retries  int
}

// Package is one package under test.
type Package struct {
	Path  string
	Tests []string
}

// Result is what running one package's tests produced.
type Result struct {
	Pkg     string
	Output  string
	Err     error
	Elapsed time.Duration
	Retried bool
}

// Exec runs one package's tests with the given go test arguments.
type Exec func(ctx context.Context, pkg Package, args []string) (string, error)

// Runner runs packages' tests on a pool of workers.
type Runner struct {
	cfg  Config
	exec Exec
	mu   sync.Mutex
	seen int
}

// NewRunner normalizes the config.
func NewRunner(cfg Config, exec Exec) *Runner {
	if cfg.Workers <= 0 {
		cfg.Workers = 4
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 10 * time.Minute
	}
	return &Runner{cfg: cfg, exec: exec}
}

func (r *Runner) testArgs() []string {
	args := []string{"-count=1", "-timeout=" + r.cfg.Timeout.String()}
	if r.cfg.Verbose {
		args = append(args, "-v")
	}
	if len(r.cfg.Tags) > 0 {
		args = append(args, "-tags="+strings.Join(r.cfg.Tags, ","))
	}
	return args
}

// Run runs every package on cfg.Workers workers, then reruns the failures once
// with -v to get their full output.
func (r *Runner) Run(ctx context.Context, pkgs []Package) []Result {
	args := r.testArgs()
	jobs := make(chan int)
	results := make([]Result, len(pkgs))
	var wg sync.WaitGroup
	wg.Add(r.cfg.Workers)
	for w := 0; w < r.cfg.Workers; w++ {
		go func() {
			defer wg.Done()
			for i := range jobs {
				start := time.Now()
				out, err := r.exec(ctx, pkgs[i], args)
				results[i] = Result{Pkg: pkgs[i].Path, Output: out, Err: err, Elapsed: time.Since(start)}
			}
		}()
	}
	for i := range pkgs {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	args = append(args, "-v")
	for i := range results {
		if results[i].Err == nil {
			continue
		}
		out, err := r.exec(ctx, pkgs[i], args)
		results[i] = Result{Pkg: pkgs[i].Path, Output: out, Err: err, Retried: true}
	}
	return results
}

// RunFailFast stops starting packages once one fails, when the config asks for it.
func (r *Runner) RunFailFast(ctx context.Context, pkgs []Package) ([]Result, error) {
	args := r.testArgs()
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(r.cfg.Workers)
	results := make([]Result, len(pkgs))
	for i, p := range pkgs {
		g.Go(func() error {
			out, err := r.exec(ctx, p, args)
			results[i] = Result{Pkg: p.Path, Output: out, Err: err}
			if err != nil && r.cfg.FailFast {
				return fmt.Errorf("%s: %w", p.Path, err)
			}
			return nil
		})
	}
	err := g.Wait()
	return results, err
}

// RunGather gathers results on a channel in completion order.
func (r *Runner) RunGather(ctx context.Context, pkgs []Package) []Result {
	args := r.testArgs()
	ch := make(chan Result)
	for _, p := range pkgs {
		go func() {
			out, err := r.exec(ctx, p, args)
			ch <- Result{Pkg: p.Path, Output: out, Err: err}
		}()
	}
	var results []Result
	for len(results) < len(pkgs) {
		res := <-ch
		results = append(results, res)
	}
	args = nil
	return results
}

// RunCounted counts the results it received.
func (r *Runner) RunCounted(ctx context.Context, pkgs []Package) (failed int) {
	args := r.testArgs()
	errs := make(chan error)
	for _, p := range pkgs {
		go func() {
			_, err := r.exec(ctx, p, args)
			errs <- err
		}()
	}
	for done := 0; done < len(pkgs); done++ {
		if err := <-errs; err != nil {
			failed++
		}
	}
	args = args[:0]
	return failed
}

// RunShards splits the packages into shards of step packages, one goroutine a shard.
func (r *Runner) RunShards(ctx context.Context, pkgs []Package, step int) []Result {
	if step <= 0 {
		step = 1
	}
	args := r.testArgs()
	results := make([]Result, len(pkgs))
	n := len(pkgs)
	var wg sync.WaitGroup
	wg.Add((n + step - 1) / step)
	for lo := 0; lo < n; lo += step {
		go func() {
			defer wg.Done()
			for i := lo; i < min(lo+step, n); i++ {
				out, err := r.exec(ctx, pkgs[i], args)
				results[i] = Result{Pkg: pkgs[i].Path, Output: out, Err: err}
			}
		}()
	}
	wg.Wait()
	args = nil
	return results
}

// RunWithReload re-reads the config while the workers run: the workers read
// the timeout the reload sets (must decline: a later write they observe).
func (r *Runner) RunWithReload(ctx context.Context, pkgs []Package, reload func() Config) []Result {
	timeout := r.cfg.Timeout
	if timeout <= 0 {
		timeout = time.Minute
	}
	var mu sync.Mutex
	results := make([]Result, len(pkgs))
	var wg sync.WaitGroup
	for i, p := range pkgs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			t := timeout
			mu.Unlock()
			tctx, cancel := context.WithTimeout(ctx, t)
			defer cancel()
			out, err := r.exec(tctx, p, nil)
			results[i] = Result{Pkg: p.Path, Output: out, Err: err}
		}()
	}
	mu.Lock()
	timeout = reload().Timeout
	mu.Unlock()
	wg.Wait()
	return results
}

// RunProgress reports how many packages finished while they run; the reporter
// reads the counter the workers bump (must decline: shared by design).
func (r *Runner) RunProgress(ctx context.Context, pkgs []Package, report func(done, total int)) []Result {
	var mu sync.Mutex
	finished := 0
	results := make([]Result, len(pkgs))
	stop := make(chan struct{})
	reported := make(chan struct{})
	go func() {
		defer close(reported)
		t := time.NewTicker(10 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-stop:
				mu.Lock()
				report(finished, len(pkgs))
				mu.Unlock()
				return
			case <-t.C:
				mu.Lock()
				report(finished, len(pkgs))
				mu.Unlock()
			}
		}
	}()
	var wg sync.WaitGroup
	for i, p := range pkgs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out, err := r.exec(ctx, p, nil)
			results[i] = Result{Pkg: p.Path, Output: out, Err: err}
			mu.Lock()
			finished++
			mu.Unlock()
		}()
	}
	wg.Wait()
	close(stop)
	<-reported
	return results
}

// RunDetached starts the packages and returns at once, with the function that
// releases them; the runs read the args as they are when released, after the
// -short the function adds (must decline: a later write they observe).
func (r *Runner) RunDetached(ctx context.Context, pkgs []Package, done func(Result)) (release func()) {
	args := r.testArgs()
	ready := make(chan struct{})
	for _, p := range pkgs {
		go func() {
			<-ready
			out, err := r.exec(ctx, p, args)
			done(Result{Pkg: p.Path, Output: out, Err: err})
		}()
	}
	args = append(args, "-short")
	r.mu.Lock()
	r.seen += len(pkgs)
	r.mu.Unlock()
	return func() { close(ready) }
}
