package jobs

import (
	"context"
	"fmt"
	"log"
	"sort"
	"sync"
	"sync/atomic"
	"time"
)

// Endpoint is something a health checker can probe.
type Endpoint struct {
	Name   string
	Region string
	Probe  func(ctx context.Context) error
}

// Status is one endpoint's health.
type Status struct {
	Name    string
	OK      bool
	Latency time.Duration
	Err     string
}

// CheckAll probes every endpoint in parallel with a per-probe timeout and
// returns the statuses in the endpoints' order.
func CheckAll(ctx context.Context, eps []Endpoint, timeout time.Duration) []Status {
	if timeout <= 0 {
		timeout = 2 * time.Second
	}
	out := make([]Status, len(eps))
	var wg sync.WaitGroup
	for i, ep := range eps {
		wg.Add(1)
		go func() {
			defer wg.Done()
			pctx, cancel := context.WithTimeout(ctx, timeout)
			defer cancel()
			start := time.Now()
			err := ep.Probe(pctx)
			out[i] = Status{Name: ep.Name, OK: err == nil, Latency: time.Since(start)}
			if err != nil {
				out[i].Err = err.Error()
			}
		}()
	}
	wg.Wait()
	return out
}

// Quorum says whether at least need endpoints of the region are healthy; the
// region name is lower-cased first.
func Quorum(ctx context.Context, eps []Endpoint, region string, need int) bool {
	region = lower(region)
	var healthy atomic.Int32
	var wg sync.WaitGroup
	for _, ep := range eps {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if lower(ep.Region) != region {
				return
			}
			if ep.Probe(ctx) == nil {
				healthy.Add(1)
			}
		}()
	}
	wg.Wait()
	return int(healthy.Load()) >= need
}

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// FirstHealthy returns the first endpoint to answer; the others keep running
// and log the region the caller switches to once the answer is in.
func FirstHealthy(ctx context.Context, eps []Endpoint) string {
	region := "primary"
	var mu sync.Mutex
	first := make(chan string, len(eps))
	for _, ep := range eps {
		go func() {
			if ep.Probe(ctx) == nil {
				first <- ep.Name
				mu.Lock()
				log.Printf("%s answered in %s", ep.Name, region)
				mu.Unlock()
			}
		}()
	}
	name := <-first
	mu.Lock()
	region = "failover"
	mu.Unlock()
	return name
}

// Slowest probes all endpoints and returns the names sorted by latency, the
// slowest first; each goroutine sorts nothing, the sort runs after the wait.
func Slowest(ctx context.Context, eps []Endpoint, n int) []string {
	lat := make([]time.Duration, len(eps))
	var wg sync.WaitGroup
	for i, ep := range eps {
		wg.Add(1)
		go func() {
			defer wg.Done()
			start := time.Now()
			_ = ep.Probe(ctx)
			lat[i] = time.Since(start)
		}()
	}
	wg.Wait()
	idx := make([]int, len(eps))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return lat[idx[a]] > lat[idx[b]] })
	names := make([]string, 0, n)
	for _, i := range idx[:min(n, len(idx))] {
		names = append(names, eps[i].Name)
	}
	return names
}

// Monitor probes each endpoint every interval until ctx ends, reporting changes
// on the returned channel. A little jitter keeps the probes apart.
func Monitor(ctx context.Context, eps []Endpoint, interval time.Duration) <-chan Status {
	changes := make(chan Status, len(eps))
	jitter := interval / 10
	var wg sync.WaitGroup
	for i, ep := range eps {
		wg.Add(1)
		go func() {
			defer wg.Done()
			offset := jitter * time.Duration(i%10) / 10
			t := time.NewTicker(interval + offset)
			defer t.Stop()
			last := true
			for {
				select {
				case <-ctx.Done():
					return
				case <-t.C:
					ok := ep.Probe(ctx) == nil
					if ok != last {
						changes <- Status{Name: ep.Name, OK: ok}
						last = ok
					}
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(changes)
	}()
	return changes
}

// WithSlowWarning runs probe and logs a warning if it takes longer than warn;
// the timer is stopped once probe returns.
func WithSlowWarning(ep Endpoint, warn time.Duration, logf func(string, ...any)) error {
	label := ep.Name
	if ep.Region != "" {
		label = ep.Region + "/" + ep.Name
	}
	t := time.AfterFunc(warn, func() { logf("probe %s is slow", label) })
	err := ep.Probe(context.Background())
	t.Stop()
	return err
}

// Summary probes all endpoints and formats a one-line report; the header is
// built after the goroutines are done.
func Summary(ctx context.Context, eps []Endpoint, env string) string {
	env = "[" + env + "]"
	var ok, bad atomic.Int32
	done := make(chan struct{}, len(eps))
	for _, ep := range eps {
		go func() {
			if err := ep.Probe(ctx); err != nil {
				bad.Add(1)
				log.Printf("%s %s: %v", env, ep.Name, err)
			} else {
				ok.Add(1)
			}
			done <- struct{}{}
		}()
	}
	for range eps {
		<-done
	}
	env = env + " health"
	return fmt.Sprintf("%s: %d ok, %d failing", env, ok.Load(), bad.Load())
}
