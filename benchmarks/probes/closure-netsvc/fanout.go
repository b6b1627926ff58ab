package netsvc

import (
	"context"
	"errors"
	"fmt"
	"net/netip"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

// Resolver looks names up; tests use a map.
type Resolver interface {
	LookupHost(ctx context.Context, host string) ([]string, error)
}

// ResolveAll looks every host up concurrently under one deadline and returns
// the addresses by host, in input order.
func ResolveAll(ctx context.Context, r Resolver, hosts []string, timeout time.Duration) ([][]string, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	out := make([][]string, len(hosts))
	g, gctx := errgroup.WithContext(ctx)
	suffix := ".svc.cluster.local"
	for i, h := range hosts {
		g.Go(func() error {
			name := h
			if !strings.Contains(name, ".") {
				name += suffix
			}
			addrs, err := r.LookupHost(gctx, name)
			if err != nil {
				return fmt.Errorf("resolve %s: %w", name, err)
			}
			out[i] = addrs
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	suffix = ""
	_ = suffix
	return out, nil
}

// ResolveOpts tunes a resolution round.
type ResolveOpts struct {
	Search  []string
	Timeout time.Duration
	Retries int
}

func normalize(o *ResolveOpts) {
	if o.Timeout <= 0 {
		o.Timeout = 2 * time.Second
	}
	if o.Retries <= 0 {
		o.Retries = 1
	}
}

// ResolveSearch tries each host under every search domain, after filling in
// the options' defaults through a helper.
func ResolveSearch(ctx context.Context, r Resolver, hosts []string, opts ResolveOpts) map[string][]string {
	normalize(&opts)
	found := make([][]string, len(hosts))
	var wg sync.WaitGroup
	for i, h := range hosts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, dom := range opts.Search {
				for try := 0; try < opts.Retries; try++ {
					c, cancel := context.WithTimeout(ctx, opts.Timeout)
					addrs, err := r.LookupHost(c, h+"."+dom)
					cancel()
					if err == nil {
						found[i] = addrs
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	res := make(map[string][]string, len(hosts))
	for i, h := range hosts {
		if found[i] != nil {
			res[h] = found[i]
		}
	}
	return res
}

// ParseAddrs parses resolved addresses concurrently, one goroutine per host,
// each storing its parsed prefixes at its index.
func ParseAddrs(raw [][]string, port uint16) [][]netip.AddrPort {
	out := make([][]netip.AddrPort, len(raw))
	var wg sync.WaitGroup
	wg.Add(len(raw))
	for i, addrs := range raw {
		go func() {
			defer wg.Done()
			for _, a := range addrs {
				ip, err := netip.ParseAddr(a)
				if err != nil {
					continue
				}
				out[i] = append(out[i], netip.AddrPortFrom(ip, port))
			}
		}()
	}
	wg.Wait()
	return out
}

// Prober checks one endpoint.
type Prober interface {
	Probe(ctx context.Context, target string) error
}

// Health is one target's result.
type Health struct {
	Target  string
	Healthy bool
	Took    time.Duration
	Err     string
}

// CheckTargets probes every target concurrently with a per-probe deadline and
// gathers the results through a buffered channel, sorted by target.
func CheckTargets(ctx context.Context, p Prober, targets []string, perProbe time.Duration) []Health {
	res := make(chan Health, len(targets))
	for _, t := range targets {
		go func() {
			c, cancel := context.WithTimeout(ctx, perProbe)
			defer cancel()
			start := time.Now()
			err := p.Probe(c, t)
			h := Health{Target: t, Healthy: err == nil, Took: time.Since(start)}
			if err != nil {
				h.Err = err.Error()
			}
			res <- h
		}()
	}
	out := make([]Health, 0, len(targets))
	for range targets {
		out = append(out, <-res)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Target < out[b].Target })
	perProbe = 0
	_ = perProbe
	return out
}

// Quorum probes replicas until enough are healthy or the context ends; the
// caller learns whether quorum was reached.
func Quorum(ctx context.Context, p Prober, replicas []string, need int) (bool, error) {
	if need <= 0 {
		need = len(replicas)/2 + 1
	}
	results := make(chan error, len(replicas))
	for _, r := range replicas {
		go func() {
			results <- p.Probe(ctx, r)
		}()
	}
	healthy, failed := 0, 0
	for healthy < need && failed <= len(replicas)-need {
		select {
		case err := <-results:
			if err != nil {
				failed++
				continue
			}
			healthy++
		case <-ctx.Done():
			return false, ctx.Err()
		}
	}
	return healthy >= need, nil
}

// SweepRounds runs health rounds until stop; each round's label is bumped only
// once every probe of the previous round reported.
func SweepRounds(ctx context.Context, p Prober, targets []string, rounds int) []string {
	var log []string
	label := "round-0"
	for r := 0; r < rounds; r++ {
		done := make(chan string)
		for _, t := range targets {
			go func() {
				err := p.Probe(ctx, t)
				status := "ok"
				if err != nil {
					status = "fail"
				}
				done <- label + " " + t + " " + status
			}()
		}
		for range targets {
			log = append(log, <-done)
		}
		label = fmt.Sprintf("round-%d", r+1)
	}
	return log
}

// FirstHealthy returns the first target whose probe succeeds, or an error once
// every probe failed or the deadline passed.
func FirstHealthy(ctx context.Context, p Prober, targets []string, deadline time.Duration) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, deadline)
	defer cancel()
	win := make(chan string, len(targets))
	var wg sync.WaitGroup
	for _, t := range targets {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if p.Probe(ctx, t) == nil {
				win <- t
			}
		}()
	}
	go func() {
		wg.Wait()
		close(win)
	}()
	select {
	case t, ok := <-win:
		if !ok {
			return "", errors.New("no healthy target")
		}
		return t, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}
