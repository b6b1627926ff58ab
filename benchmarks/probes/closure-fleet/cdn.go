package fleet

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

// Edge is a CDN point of presence.
type Edge struct {
	Name   string
	Region string
}

// Purger purges paths on one edge.
type Purger interface {
	Purge(ctx context.Context, e Edge, paths []string) error
}

// PurgeAll purges the paths on every edge at once; the reason is stamped on
// the audit line after all edges answer.
func PurgeAll(ctx context.Context, p Purger, edges []Edge, paths []string, reason string) (string, error) {
	errs := make([]error, len(edges))
	var wg sync.WaitGroup
	for i, e := range edges {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = p.Purge(ctx, e, paths)
		}()
	}
	wg.Wait()
	reason = strings.TrimSpace(reason)
	return fmt.Sprintf("purge %d paths on %d edges: %s", len(paths), len(edges), reason), errors.Join(errs...)
}

// PurgeRegions purges region by region on an errgroup; the path list is
// rewritten with the region's prefix before each region (must-decline: the
// paths are written while the previous region's purges read them).
func PurgeRegions(ctx context.Context, p Purger, byRegion map[string][]Edge, paths []string) error {
	g, ctx := errgroup.WithContext(ctx)
	regions := make([]string, 0, len(byRegion))
	for r := range byRegion {
		regions = append(regions, r)
	}
	sort.Strings(regions)
	for _, r := range regions {
		for _, e := range byRegion[r] {
			g.Go(func() error { return p.Purge(ctx, e, paths) })
		}
		paths = append([]string{"/" + r}, paths...)
	}
	return g.Wait()
}

// PurgeQuorum returns once a quorum of edges answered; the rest keep purging
// after the call returns (must-decline: goroutines outlive the function).
func PurgeQuorum(ctx context.Context, p Purger, edges []Edge, paths []string, quorum int) error {
	ok := make(chan error, len(edges))
	tag := "quorum"
	for _, e := range edges {
		go func() {
			err := p.Purge(ctx, e, append(paths, tag))
			ok <- err
		}()
	}
	tag = "straggler"
	for n := 0; n < quorum && n < len(edges); n++ {
		if err := <-ok; err != nil {
			return err
		}
	}
	return nil
}

// PurgeWithTimeout bounds each edge's purge with a timeout that the batch
// doubles for the retry round after the first round's Wait.
func PurgeWithTimeout(ctx context.Context, p Purger, edges []Edge, paths []string, timeout time.Duration) []string {
	var failed []string
	var mu sync.Mutex
	for round := 0; round < 2; round++ {
		todo := edges
		if round > 0 {
			todo = nil
			for _, e := range edges {
				if contains(failed, e.Name) {
					todo = append(todo, e)
				}
			}
			failed = nil
		}
		var wg sync.WaitGroup
		for _, e := range todo {
			wg.Add(1)
			go func() {
				defer wg.Done()
				ctx, cancel := context.WithTimeout(ctx, timeout)
				defer cancel()
				if p.Purge(ctx, e, paths) != nil {
					mu.Lock()
					failed = append(failed, e.Name)
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		timeout *= 2
	}
	return failed
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// PurgeCounted purges on every edge and lets a status page read the count of
// edges done while they run (must-decline: a counter read concurrently).
func PurgeCounted(ctx context.Context, p Purger, edges []Edge, paths []string, status func(int)) {
	var mu sync.Mutex
	done := 0
	var wg sync.WaitGroup
	for _, e := range edges {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p.Purge(ctx, e, paths)
			mu.Lock()
			done++
			mu.Unlock()
		}()
	}
	mu.Lock()
	status(done)
	mu.Unlock()
	wg.Wait()
	status(done)
}
