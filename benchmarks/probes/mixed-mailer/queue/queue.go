// Package queue delivers queued messages with one worker goroutine per destination domain.
package queue

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"example.com/probes/mixed-mailer/limits"
)

// Message is one queued message for one recipient.
type Message struct {
	ID   string
	To   string
	Body []byte
}

// Sender delivers one message to a domain's exchanger.
type Sender func(ctx context.Context, domain string, m Message) error

// Config of a delivery run.
type Config struct {
	Attempts int
	Backoff  time.Duration
	MaxDelay time.Duration
	Hostname string
}

func (c *Config) normalize() {
	if c.Attempts <= 0 || c.Attempts > limits.MaxAttempts {
		c.Attempts = limits.MaxAttempts
	}
	if c.Backoff <= 0 {
		c.Backoff = time.Millisecond
	}
	if c.MaxDelay <= 0 {
		c.MaxDelay = 64 * c.Backoff
	}
	c.Hostname = strings.ToLower(c.Hostname)
}

// delay is the wait before retry n: doubling from the base, capped.
func (c *Config) delay(n int) time.Duration {
	d := c.Backoff << uint(min(n, 16))
	return min(d, c.MaxDelay)
}

// Result is what happened to one message.
type Result struct {
	ID       string
	Err      error
	Attempts int
}

func domainOf(to string) string {
	_, d, _ := strings.Cut(to, "@")
	return strings.ToLower(d)
}

// byDomain groups messages by destination, domains sorted so runs are reproducible.
func byDomain(msgs []Message) ([]string, map[string][]Message) {
	groups := make(map[string][]Message)
	for _, m := range msgs {
		d := domainOf(m.To)
		groups[d] = append(groups[d], m)
	}
	domains := make([]string, 0, len(groups))
	for d := range groups {
		domains = append(domains, d)
	}
	sort.Strings(domains)
	return domains, groups
}

// retry calls send until it succeeds, the attempts run out or the context ends.
func retry(ctx context.Context, cfg *Config, send func() error) (int, error) {
	var err error
	for n := 0; n < cfg.Attempts; n++ {
		if err = send(); err == nil {
			return n + 1, nil
		}
		t := time.NewTimer(cfg.delay(n))
		select {
		case <-ctx.Done():
			t.Stop()
			return n + 1, ctx.Err()
		case <-t.C:
		}
	}
	return cfg.Attempts, err
}

// Deliver sends every message, one goroutine per domain, with the config defaulted before any starts.
func Deliver(ctx context.Context, msgs []Message, send Sender, cfg Config) []Result {
	cfg.normalize()
	domains, groups := byDomain(msgs)
	var (
		mu  sync.Mutex
		wg  sync.WaitGroup
		out []Result
	)
	for _, d := range domains {
		wg.Add(1)
		go func(domain string, batch []Message) {
			defer wg.Done()
			for _, m := range batch {
				n, err := retry(ctx, &cfg, func() error { return send(ctx, domain, m) })
				mu.Lock()
				out = append(out, Result{ID: m.ID, Err: err, Attempts: n})
				mu.Unlock()
			}
		}(d, groups[d])
	}
	wg.Wait()
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Stats of a flush.
type Stats struct {
	Sent, Failed int
	Errors       []error
	Status       string
}

// Flush delivers every domain's queue concurrently and labels the run once every worker is done.
func Flush(ctx context.Context, queues map[string][]Message, send Sender, label string) Stats {
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		stats Stats
	)
	for domain, q := range queues {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, m := range q {
				err := send(ctx, domain, m)
				mu.Lock()
				if err != nil {
					stats.Failed++
					stats.Errors = append(stats.Errors, fmt.Errorf("%s %s: %w", label, m.ID, err))
				} else {
					stats.Sent++
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	label = strings.TrimSpace(label)
	stats.Status = fmt.Sprintf("%s: %d sent, %d failed", label, stats.Sent, stats.Failed)
	return stats
}

// FlushTagged is Flush where each worker tags its log lines with the run's label, renamed once the run ends.
func FlushTagged(ctx context.Context, queues map[string][]Message, send Sender, label string, logf func(string, ...any)) int {
	var wg sync.WaitGroup
	errs := make(chan error, len(queues))
	for domain, q := range queues {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, m := range q {
				if err := send(ctx, domain, m); err != nil {
					logf("[%s] %s: %v", label, m.ID, err)
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	label += " (done)"
	failed := 0
	for range errs {
		failed++
	}
	logf("%s: %d domains failed", label, failed)
	return failed
}

// Throttled delivers with workers that re-read the shared pacing; Slowdown halves the rate while they run.
func Throttled(ctx context.Context, msgs []Message, send Sender, cfg Config, slow <-chan struct{}) int {
	cfg.normalize()
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		sent int
	)
	domains, groups := byDomain(msgs)
	for _, d := range domains {
		wg.Add(1)
		go func(domain string) {
			defer wg.Done()
			for _, m := range groups[domain] {
				mu.Lock()
				pause := cfg.Backoff
				mu.Unlock()
				time.Sleep(pause)
				if send(ctx, domain, m) == nil {
					mu.Lock()
					sent++
					mu.Unlock()
				}
			}
		}(d)
	}
	finished := make(chan struct{})
	go func() { wg.Wait(); close(finished) }()
	for {
		select {
		case <-slow:
			mu.Lock()
			cfg.Backoff *= 2
			mu.Unlock()
			slow = nil
		case <-finished:
			return sent
		}
	}
}

// Worker is a long-lived per-domain sender.
type Worker struct {
	cfg  *Config
	jobs chan Message
	done chan struct{}
}

// Start starts a worker that keeps reading cfg after Start returns; SetAttempts changes it under the worker.
func Start(ctx context.Context, domain string, send Sender, cfg Config) *Worker {
	cfg.normalize()
	w := &Worker{cfg: &cfg, jobs: make(chan Message), done: make(chan struct{})}
	go func() {
		defer close(w.done)
		for m := range w.jobs {
			retry(ctx, &cfg, func() error { return send(ctx, domain, m) })
		}
	}()
	return w
}

// Submit queues one message.
func (w *Worker) Submit(m Message) { w.jobs <- m }

// Stop ends the worker and waits for it.
func (w *Worker) Stop() { close(w.jobs); <-w.done }

// ErrQuota is returned when a domain's hourly quota is spent.
var ErrQuota = errors.New("queue: domain quota exhausted")
