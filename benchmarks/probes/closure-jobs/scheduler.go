package jobs

import (
	"context"
	"fmt"
	"log"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

// Job is one scheduled task.
type Job struct {
	Name  string
	Every time.Duration
	Next  time.Time
	Run   func(ctx context.Context) error
}

// Scheduler runs jobs when they are due, cron style.
type Scheduler struct {
	mu      sync.Mutex
	jobs    []*Job
	timeout time.Duration
	last    time.Time
	errs    []error
	logf    func(format string, args ...any)
}

const defaultJobTimeout = 30 * time.Second

// RunDue starts every job whose time has come, each in its own goroutine with a
// timeout, waits for all of them and records the run.
func (s *Scheduler) RunDue(ctx context.Context, now time.Time) int {
	timeout := s.timeout
	if timeout <= 0 {
		timeout = defaultJobTimeout
	}
	var wg sync.WaitGroup
	errs := make([]error, len(s.jobs))
	started := 0
	for i, j := range s.jobs {
		if j.Next.After(now) {
			continue
		}
		started++
		wg.Add(1)
		go func() {
			defer wg.Done()
			jctx, cancel := context.WithTimeout(ctx, timeout)
			defer cancel()
			errs[i] = j.Run(jctx)
		}()
	}
	wg.Wait()
	for _, j := range s.jobs {
		if !j.Next.After(now) {
			j.Next = now.Add(j.Every)
		}
	}
	s.mu.Lock()
	s.last = now
	s.errs = errs
	s.mu.Unlock()
	return started
}

// RunNamed runs the named jobs with a label for their logs; the label is
// reset once they are done so the summary line reads differently.
func (s *Scheduler) RunNamed(ctx context.Context, names []string) string {
	label := "batch"
	if len(names) == 1 {
		label = names[0]
	}
	g, gctx := errgroup.WithContext(ctx)
	for _, n := range names {
		j := s.find(n)
		if j == nil {
			continue
		}
		g.Go(func() error {
			if err := j.Run(gctx); err != nil {
				return fmt.Errorf("%s/%s: %w", label, j.Name, err)
			}
			return nil
		})
	}
	err := g.Wait()
	label = strings.ToUpper(label)
	if err != nil {
		return label + " failed: " + err.Error()
	}
	return label + " ok"
}

func (s *Scheduler) find(name string) *Job {
	for _, j := range s.jobs {
		if j.Name == name {
			return j
		}
	}
	return nil
}

// Every calls fn on each tick of interval until the returned stop is called.
// The interval is clamped to at least a second.
func Every(interval time.Duration, fn func(time.Time)) (stop func()) {
	if interval < time.Second {
		interval = time.Second
	}
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case now := <-t.C:
				fn(now)
			case <-done:
				return
			}
		}
	}()
	var once sync.Once
	return func() { once.Do(func() { close(done) }) }
}

// Catchup runs the missed ticks of a job in parallel, limited to four at a
// time, each told which slot it stands for.
func Catchup(ctx context.Context, j *Job, from, to time.Time) error {
	step := j.Every
	if step <= 0 {
		step = time.Minute
	}
	var g errgroup.Group
	g.SetLimit(4)
	for at := from; at.Before(to); at = at.Add(step) {
		g.Go(func() error {
			c := context.WithValue(ctx, slotKey{}, at.Truncate(step))
			return j.Run(c)
		})
	}
	return g.Wait()
}

type slotKey struct{}

// Staggered starts each job after a delay spread over window so that they do
// not all hit the database at once; the last start time is reported after
// all of them ran.
func Staggered(jobs []*Job, window time.Duration, logf func(string, ...any)) time.Time {
	var wg sync.WaitGroup
	gap := window / time.Duration(max(len(jobs), 1))
	var last time.Time
	for i, j := range jobs {
		delay := gap * time.Duration(i)
		wg.Add(1)
		time.AfterFunc(delay, func() {
			defer wg.Done()
			if err := j.Run(context.Background()); err != nil {
				logf("job %s: %v", j.Name, err)
			}
		})
	}
	wg.Wait()
	last = time.Now()
	return last
}

// Watch runs a goroutine that logs the scheduler's mode every period; the caller
// changes the mode later, under the lock, and the goroutine must see it.
func (s *Scheduler) Watch(ctx context.Context, period time.Duration, pause <-chan struct{}) {
	var mu sync.Mutex
	mode := "running"
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		t := time.NewTicker(period)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				mu.Lock()
				m := mode
				mu.Unlock()
				log.Printf("scheduler %s with %d jobs", m, len(s.jobs))
			}
		}
	}()
	select {
	case <-pause:
		mu.Lock()
		mode = "paused"
		mu.Unlock()
	case <-ctx.Done():
	}
	<-stopped
}
