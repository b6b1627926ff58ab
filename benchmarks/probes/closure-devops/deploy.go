package devops

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"
)

// Stats is what a rollout did.
type Stats struct {
	mu      sync.Mutex
	Updated int
	Failed  []string
}

func (s *Stats) record(host string, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil {
		s.Failed = append(s.Failed, host)
		return
	}
	s.Updated++
}

// Rollout deploys version to every host in batches; each batch runs in
// parallel and must finish before the next starts. The version string is
// normalised; the stats are shared through their address.
func Rollout(ctx context.Context, hosts []string, batch int, version string, deploy func(context.Context, string, string) error) (*Stats, error) {
	if batch <= 0 {
		batch = 1
	}
	version = strings.TrimPrefix(version, "v")
	var stats Stats
	for lo := 0; lo < len(hosts); lo += batch {
		hi := min(lo+batch, len(hosts))
		var wg sync.WaitGroup
		for _, h := range hosts[lo:hi] {
			wg.Add(1)
			go func() {
				defer wg.Done()
				stats.record(h, deploy(ctx, h, version))
			}()
		}
		wg.Wait()
		if len(stats.Failed) > 0 {
			return &stats, fmt.Errorf("batch %d: %d hosts failed", lo/batch, len(stats.Failed))
		}
	}
	return &stats, nil
}

// Retry calls fn until it succeeds or attempts run out, sleeping a growing
// backoff between tries; the label is normalised for the error.
func Retry(ctx context.Context, label string, attempts int, fn func() error) error {
	if attempts <= 0 {
		attempts = 3
	}
	label = strings.TrimSpace(label)
	backoff := 10 * time.Millisecond
	var err error
	for i := 0; i < attempts; i++ {
		errc := make(chan error, 1)
		go func() { errc <- fn() }()
		select {
		case err = <-errc:
			if err == nil {
				return nil
			}
		case <-ctx.Done():
			return fmt.Errorf("%s: %w", label, ctx.Err())
		}
		time.Sleep(backoff)
		backoff *= 2
	}
	return fmt.Errorf("%s: %d attempts: %w", label, attempts, err)
}

// Drain stops every service concurrently, giving each grace period to stop.
func Drain(services []string, stop func(string) error, grace time.Duration) []string {
	if grace <= 0 {
		grace = time.Second
	}
	stuck := make([]bool, len(services))
	var wg sync.WaitGroup
	for i, s := range services {
		wg.Add(1)
		go func() {
			defer wg.Done()
			done := make(chan error, 1)
			go func() { done <- stop(s) }()
			select {
			case err := <-done:
				stuck[i] = err != nil
			case <-time.After(grace):
				stuck[i] = true
			}
		}()
	}
	wg.Wait()
	var out []string
	for i, s := range services {
		if stuck[i] {
			out = append(out, s)
		}
	}
	return out
}

// Config is loaded once and shared.
type Config struct {
	once   sync.Once
	values map[string]string
	err    error
}

// Get loads the config on first use from load, with the environment prefix
// applied to every key.
func (c *Config) Get(key, envPrefix string, load func() (map[string]string, error)) (string, error) {
	envPrefix = strings.ToUpper(envPrefix)
	c.once.Do(func() {
		raw, err := load()
		if err != nil {
			c.err = err
			return
		}
		c.values = make(map[string]string, len(raw))
		for k, v := range raw {
			c.values[envPrefix+k] = v
		}
	})
	return c.values[envPrefix+key], c.err
}

// Preflight runs every check with errgroup, counting passes atomically; the
// first failure cancels the rest. The environment name is normalised.
func Preflight(ctx context.Context, env string, checks map[string]func(context.Context, string) error) (int64, error) {
	env = strings.ToLower(env)
	var passed atomic.Int64
	g, ctx := errgroup.WithContext(ctx)
	for name, check := range checks {
		g.Go(func() error {
			if err := check(ctx, env); err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			passed.Add(1)
			return nil
		})
	}
	err := g.Wait()
	return passed.Load(), err
}

// FirstHealthy races the replicas and returns the first that answers; the
// caller's region is recorded by whichever goroutine wins, after the
// function has already returned (a later write the goroutines observe).
func FirstHealthy(replicas []string, ping func(string) error, region string) (string, error) {
	region = strings.ToLower(region)
	won := make(chan string, len(replicas))
	for _, r := range replicas {
		go func() {
			if ping(region+"/"+r) == nil {
				won <- r
			}
		}()
	}
	select {
	case r := <-won:
		region = ""
		return r, nil
	case <-time.After(time.Second):
		return "", errors.New("no healthy replica")
	}
}

// Apply applies manifests concurrently with a limit, collecting results by
// index; the namespace is defaulted and the dry-run flag set from env.
func Apply(ctx context.Context, manifests []string, ns string, dryRun bool, limit int, apply func(context.Context, string, string, bool) (string, error)) ([]string, error) {
	if ns == "" {
		ns = "default"
	}
	if strings.HasPrefix(ns, "test-") {
		dryRun = true
	}
	out := make([]string, len(manifests))
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(max(limit, 1))
	for i, m := range manifests {
		g.Go(func() error {
			res, err := apply(ctx, m, ns, dryRun)
			if err != nil {
				return err
			}
			out[i] = res
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return out, nil
}
