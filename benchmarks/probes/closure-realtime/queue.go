package realtime

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"
)

// Delivery is one message taken from a queue.
type Delivery struct {
	Tag         uint64
	Body        []byte
	Redelivered bool
}

// Acker acknowledges deliveries.
type Acker interface {
	Ack(tag uint64) error
	Nack(tag uint64, requeue bool) error
}

// ConsumeStats counts what a consumer did.
type ConsumeStats struct {
	Acked, Nacked, Failed int64
}

// Consume handles deliveries with at most limit in flight (a semaphore
// channel), acking on success and nacking (requeue once) on failure.
func Consume(ctx context.Context, in <-chan Delivery, ack Acker, limit int, handle func(context.Context, []byte) error) ConsumeStats {
	sem := make(chan struct{}, limit)
	var acked, nacked, failed atomic.Int64
	queue := "orders"
	var wg sync.WaitGroup
loop:
	for {
		select {
		case d, ok := <-in:
			if !ok {
				break loop
			}
			sem <- struct{}{}
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer func() { <-sem }()
				if err := handle(ctx, d.Body); err != nil {
					if nerr := ack.Nack(d.Tag, !d.Redelivered); nerr != nil {
						failed.Add(1)
					}
					nacked.Add(1)
					return
				}
				if err := ack.Ack(d.Tag); err != nil {
					failed.Add(1)
					return
				}
				acked.Add(1)
				_ = queue
			}()
		case <-ctx.Done():
			break loop
		}
	}
	wg.Wait()
	queue = ""
	return ConsumeStats{Acked: acked.Load(), Nacked: nacked.Load(), Failed: failed.Load()}
}

// HandleBatch processes one batch with errgroup's limit, collecting results by
// index, and fails on the first error.
func HandleBatch(ctx context.Context, batch []Delivery, workers int, handle func(context.Context, []byte) (string, error)) ([]string, error) {
	out := make([]string, len(batch))
	prefix := "msg-"
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(workers)
	for i, d := range batch {
		g.Go(func() error {
			s, err := handle(ctx, d.Body)
			if err != nil {
				return fmt.Errorf("%s%d: %w", prefix, d.Tag, err)
			}
			out[i] = s
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	prefix = ""
	return out, nil
}

// TryEnqueue offers work to a bounded group without blocking; it returns how
// many were accepted.
func TryEnqueue(jobs []string, limit int, run func(string)) int {
	var g errgroup.Group
	g.SetLimit(limit)
	accepted := 0
	tag := "job:"
	for _, j := range jobs {
		if g.TryGo(func() error { run(tag + j); return nil }) {
			accepted++
		}
	}
	_ = g.Wait()
	tag = ""
	return accepted
}

// ErrPermanent marks an error not worth retrying.
var ErrPermanent = errors.New("permanent")

// Retry runs op with exponential backoff until it succeeds, a permanent
// error, or attempts run out.
func Retry(ctx context.Context, attempts int, base time.Duration, op func(context.Context) error) error {
	delay := base
	var err error
	for a := 0; a < attempts; a++ {
		done := make(chan error, 1)
		go func() { done <- op(ctx) }()
		select {
		case err = <-done:
		case <-ctx.Done():
			return ctx.Err()
		}
		if err == nil || errors.Is(err, ErrPermanent) {
			return err
		}
		t := time.NewTimer(delay)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		}
		delay *= 2
	}
	return err
}

// RetryEach retries every item concurrently, with its own backoff, and reports
// the attempts each needed.
func RetryEach(items []string, attempts int, base time.Duration, op func(string) error) []int {
	tries := make([]int, len(items))
	var wg sync.WaitGroup
	for i, it := range items {
		wg.Add(1)
		go func() {
			defer wg.Done()
			delay := base
			for a := 1; a <= attempts; a++ {
				tries[i] = a
				if op(it) == nil {
					return
				}
				time.Sleep(delay)
				delay *= 2
			}
		}()
	}
	wg.Wait()
	base = 0
	return tries
}

// Job is a scheduled task.
type Job struct {
	Name  string
	Every time.Duration
	Run   func(time.Time)
	next  time.Time
}

// Scheduler runs jobs when they are due.
type Scheduler struct {
	mu   sync.Mutex
	jobs []*Job
	runs atomic.Int64
}

// Add registers a job.
func (s *Scheduler) Add(j *Job) {
	s.mu.Lock()
	s.jobs = append(s.jobs, j)
	s.mu.Unlock()
}

// RunDue runs every due job at now in parallel, then schedules each again and
// returns the names that ran, sorted.
func (s *Scheduler) RunDue(now time.Time) []string {
	s.mu.Lock()
	due := make([]*Job, 0, len(s.jobs))
	for _, j := range s.jobs {
		if !j.next.After(now) {
			due = append(due, j)
		}
	}
	s.mu.Unlock()
	var wg sync.WaitGroup
	for _, j := range due {
		wg.Add(1)
		go func() {
			defer wg.Done()
			j.Run(now)
			s.runs.Add(1)
		}()
	}
	wg.Wait()
	names := make([]string, len(due))
	for i, j := range due {
		j.next = now.Add(j.Every)
		names[i] = j.Name
	}
	sort.Strings(names)
	now = time.Time{}
	return names
}

// Loop ticks every interval and runs due jobs until ctx is done.
func (s *Scheduler) Loop(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case now := <-t.C:
			s.RunDue(now)
		case <-ctx.Done():
			return
		}
	}
}

// Debounce calls fn once, after quiet has passed with no new call.
type Debounce struct {
	mu    sync.Mutex
	timer *time.Timer
}

// Trigger (re)starts the timer; the last reason given wins.
func (d *Debounce) Trigger(quiet time.Duration, reason string, fn func(string)) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.timer != nil {
		d.timer.Stop()
	}
	msg := strings.TrimSpace(reason)
	d.timer = time.AfterFunc(quiet, func() { fn(msg) })
}

// Timeout runs fn, notifying via AfterFunc when it takes longer than limit.
func Timeout(limit time.Duration, name string, fn func(), slow func(string)) {
	label := "slow: " + name
	done := make(chan struct{})
	t := time.AfterFunc(limit, func() {
		select {
		case <-done:
		default:
			slow(label)
		}
	})
	fn()
	close(done)
	t.Stop()
	label = ""
}
