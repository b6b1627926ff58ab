package analytics

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// PoolConfig sizes a worker pool.
type PoolConfig struct {
	Workers int
	Queue   int
	Timeout time.Duration
	Name    string
}

// Task is one unit of work.
type Task struct {
	ID   int
	Data string
}

// Pool runs tasks on a fixed number of workers.
type Pool struct {
	cfg  PoolConfig
	work func(ctx context.Context, t Task) (string, error)
}

// NewPool returns a pool with defaults filled in.
func NewPool(cfg PoolConfig, work func(context.Context, Task) (string, error)) *Pool {
	if cfg.Workers <= 0 {
		cfg.Workers = 2
	}
	if cfg.Queue <= 0 {
		cfg.Queue = cfg.Workers
	}
	return &Pool{cfg: cfg, work: work}
}

// Run feeds the tasks to p.cfg.Workers goroutines and collects the results by ID.
func (p *Pool) Run(ctx context.Context, tasks []Task) map[int]string {
	timeout := p.cfg.Timeout
	if timeout <= 0 {
		timeout = time.Second
	}
	in := make(chan Task, p.cfg.Queue)
	var mu sync.Mutex
	out := make(map[int]string, len(tasks))
	var wg sync.WaitGroup
	wg.Add(p.cfg.Workers)
	for i := 0; i < p.cfg.Workers; i++ {
		go func() {
			defer wg.Done()
			for t := range in {
				tctx, cancel := context.WithTimeout(ctx, timeout)
				r, err := p.work(tctx, t)
				cancel()
				if err != nil {
					r = "error: " + err.Error()
				}
				mu.Lock()
				out[t.ID] = r
				mu.Unlock()
			}
		}()
	}
	for _, t := range tasks {
		in <- t
	}
	close(in)
	wg.Wait()
	return out
}

// Batches splits tasks into batches of cfg.Queue and runs one goroutine per
// batch; the name is prefixed before the goroutines start.
func Batches(tasks []Task, cfg PoolConfig) []string {
	name := cfg.Name
	if name == "" {
		name = "batch"
	}
	size := max(cfg.Queue, 1)
	n := (len(tasks) + size - 1) / size
	out := make([]string, n)
	var wg sync.WaitGroup
	wg.Add(n)
	for b := 0; b < n; b++ {
		go func() {
			defer wg.Done()
			var sb strings.Builder
			sb.WriteString(name)
			for _, t := range tasks[b*size : min((b+1)*size, len(tasks))] {
				fmt.Fprintf(&sb, " %d", t.ID)
			}
			out[b] = sb.String()
		}()
	}
	wg.Wait()
	return out
}

// Flags are the command-line settings of the analytics tool.
type Flags struct {
	Workers int
	Sep     string
	Verbose bool
}

// ParseFlags reads the tool's flags.
func ParseFlags(args []string) (Flags, error) {
	var f Flags
	fs := flag.NewFlagSet("analytics", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.IntVar(&f.Workers, "workers", 4, "parallel workers")
	fs.StringVar(&f.Sep, "sep", "|", "field separator")
	fs.BoolVar(&f.Verbose, "v", false, "verbose")
	err := fs.Parse(args)
	return f, err
}

// Grep counts matching lines on f.Workers goroutines; the pattern is
// lower-cased and the flags validated first.
func Grep(lines []string, pattern string, f Flags) int {
	if f.Workers < 1 {
		f.Workers = 1
	}
	pattern = strings.ToLower(pattern)
	counts := make([]int, f.Workers)
	var wg sync.WaitGroup
	wg.Add(f.Workers)
	for w := 0; w < f.Workers; w++ {
		go func() {
			defer wg.Done()
			for i := w; i < len(lines); i += f.Workers {
				if strings.Contains(strings.ToLower(lines[i]), pattern) {
					counts[w]++
				}
			}
		}()
	}
	wg.Wait()
	total := 0
	for _, c := range counts {
		total += c
	}
	return total
}

// Scatter sends each task to one of workers goroutines chosen by ID, with a
// worker count read from a flag pointer.
func Scatter(tasks []Task, workers *int, label string) []int {
	label = strings.TrimSpace(label)
	per := make([]int, *workers)
	chans := make([]chan Task, *workers)
	for i := range chans {
		chans[i] = make(chan Task)
	}
	var wg sync.WaitGroup
	wg.Add(*workers)
	for i := 0; i < *workers; i++ {
		go func() {
			defer wg.Done()
			for t := range chans[i] {
				if strings.HasPrefix(t.Data, label) {
					per[i]++
				}
			}
		}()
	}
	for _, t := range tasks {
		chans[t.ID%len(chans)] <- t
	}
	for _, c := range chans {
		close(c)
	}
	wg.Wait()
	return per
}

// Retune grows the pool while it runs: a later Workers value must reach the
// goroutines already started.
func Retune(cfg *PoolConfig, tasks []Task) int {
	var done sync.WaitGroup
	var mu sync.Mutex
	seen := 0
	done.Add(len(tasks))
	for _, t := range tasks {
		go func() {
			defer done.Done()
			mu.Lock()
			seen += t.ID % cfg.Workers
			mu.Unlock()
		}()
	}
	mu.Lock()
	cfg.Workers *= 2
	mu.Unlock()
	done.Wait()
	return seen
}

// Drain waits for the workers with a deadline: the status is written after the
// deadline fires while workers may still read it.
func Drain(tasks []Task, grace time.Duration) string {
	status := "running"
	var wg sync.WaitGroup
	wg.Add(len(tasks))
	for _, t := range tasks {
		go func() {
			defer wg.Done()
			_ = fmt.Sprint(status, t.ID)
		}()
	}
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(grace):
	}
	status = "drained"
	return status
}

// ErrStopped is returned by a stopped pool.
var ErrStopped = errors.New("pool stopped")
