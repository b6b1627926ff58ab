// Package scrape pulls metrics from targets concurrently.
package scrape

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"example.com/probes/mixed-observability/limits"
)

// Target is one endpoint to scrape.
type Target struct {
	Job, Addr string
}

// Sample is one scraped value.
type Sample struct {
	Name  string
	Value float64
}

// Fetcher fetches a target's exposition text.
type Fetcher func(t Target, timeout time.Duration) (string, error)

// Config of a scrape round.
type Config struct {
	Timeout time.Duration
	Prefix  string
	Retries int
}

func (c *Config) applyDefaults() {
	if c.Timeout == 0 {
		c.Timeout = 10 * time.Second
	}
	if c.Retries == 0 {
		c.Retries = 1
	}
}

func parse(body, prefix string) []Sample {
	var out []Sample
	for _, line := range strings.Split(body, "\n") {
		name, val, ok := strings.Cut(line, " ")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		var v float64
		fmt.Sscan(val, &v)
		out = append(out, Sample{prefix + name, v})
	}
	return out
}

// Round scrapes every target once, one goroutine each, with the defaults filled in first.
func Round(targets []Target, fetch Fetcher, cfg Config) ([][]Sample, error) {
	cfg.applyDefaults()
	results := make([][]Sample, len(targets))
	errs := make([]error, len(targets))
	var wg sync.WaitGroup
	wg.Add(len(targets))
	for i, t := range targets {
		go func() {
			defer wg.Done()
			body, err := fetch(t, cfg.Timeout)
			if err != nil {
				errs[i] = err
				return
			}
			results[i] = parse(body, cfg.Prefix)
		}()
	}
	wg.Wait()
	return results, errors.Join(errs...)
}

// worker scrapes the targets it receives with a config it shares with its siblings.
type worker struct {
	cfg   *Config
	fetch Fetcher
}

func (w worker) run(t Target) int {
	body, err := w.fetch(t, w.cfg.Timeout)
	if err != nil {
		return 0
	}
	return len(parse(body, w.cfg.Prefix))
}

// Pool scrapes targets through a fixed pool of workers sharing one config.
func Pool(targets []Target, fetch Fetcher, cfg Config) int {
	w := worker{cfg: &cfg, fetch: fetch}
	jobs := make(chan Target)
	counts := make(chan int, len(targets))
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range jobs {
				counts <- w.run(t)
			}
		}()
	}
	for _, t := range targets {
		jobs <- t
	}
	close(jobs)
	wg.Wait()
	close(counts)
	total := 0
	for c := range counts {
		total += c
	}
	return total
}

// Tally accumulates sample counts per job.
type Tally struct {
	mu     sync.Mutex
	perJob map[string]int
}

func (t *Tally) add(job string, n int) {
	t.mu.Lock()
	t.perJob[job] += n
	t.mu.Unlock()
}

// PerJob scrapes every target and tallies samples per job through a method value.
func PerJob(targets []Target, fetch Fetcher) map[string]int {
	tally := Tally{perJob: map[string]int{}}
	record := tally.add
	var wg sync.WaitGroup
	for _, t := range targets {
		wg.Add(1)
		go func() {
			defer wg.Done()
			body, err := fetch(t, time.Second)
			if err == nil {
				record(t.Job, len(parse(body, "")))
			}
		}()
	}
	wg.Wait()
	return tally.perJob
}

// Group runs functions and returns the first error, like errgroup.
type Group struct {
	wg   sync.WaitGroup
	once sync.Once
	err  error
}

// Go runs f in a goroutine.
func (g *Group) Go(f func() error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		if err := f(); err != nil {
			g.once.Do(func() { g.err = err })
		}
	}()
}

// Wait waits for every f and returns the first error.
func (g *Group) Wait() error {
	g.wg.Wait()
	return g.err
}

// Validate fetches every target through the package's Group and relabels the job after the wait.
func Validate(targets []Target, fetch Fetcher, job string) (string, error) {
	var g Group
	for _, t := range targets {
		g.Go(func() error {
			_, err := fetch(Target{Job: job, Addr: t.Addr}, time.Second)
			return err
		})
	}
	err := g.Wait()
	job = job + "-validated"
	return job, err
}

// Backoff scrapes the failing targets again with a doubled timeout each round.
func Backoff(targets []Target, fetch Fetcher, timeout time.Duration) int {
	pending := targets
	for round := 0; round < 3 && len(pending) > 0; round++ {
		failed := make([]bool, len(pending))
		var wg sync.WaitGroup
		for i, t := range pending {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, err := fetch(t, timeout)
				failed[i] = err != nil
			}()
		}
		wg.Wait()
		var next []Target
		for i, f := range failed {
			if f {
				next = append(next, pending[i])
			}
		}
		pending = next
		timeout *= 2
	}
	return len(pending)
}

// Retry scrapes once and, when that fails, once more in the background with a doubled timeout, giving
// up after it: the second attempt must see the doubled value, so its timeout must not be copied.
func Retry(t Target, fetch Fetcher, timeout time.Duration) error {
	errc := make(chan error, 1)
	attempt := func() {
		_, err := fetch(t, timeout)
		errc <- err
	}
	attempt()
	if err := <-errc; err == nil {
		return nil
	}
	timeout *= 2
	go attempt()
	select {
	case err := <-errc:
		return err
	case <-time.After(timeout):
		return errors.New("scrape: timed out")
	}
}

// Limited scrapes at most MaxTargets targets concurrently, each reporting to a shared slice sized by the limit.
func Limited(targets []Target, fetch Fetcher) []int {
	n := len(targets)
	if n > limits.MaxTargets {
		n = limits.MaxTargets
	}
	sizes := make([]int, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			body, _ := fetch(targets[i], time.Second)
			sizes[i] = len(body)
		}()
	}
	wg.Wait()
	out := make([]int, 0, n)
	for _, s := range sizes {
		if s > 0 {
			out = append(out, s)
		}
	}
	return out
}
