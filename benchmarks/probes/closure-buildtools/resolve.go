package buildtools

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"
)

// Module is a module at a version.
type Module struct {
	Path    string
	Version string
}

func (m Module) String() string { return m.Path + "@" + m.Version }

// Fetcher returns a module's requirements.
type Fetcher interface {
	Requires(ctx context.Context, m Module) ([]Module, error)
}

// Resolver walks a module graph, fetching each module's requirements once.
type Resolver struct {
	fetch   Fetcher
	mu      sync.Mutex
	visited map[string]bool
	graph   map[string][]Module
}

// NewResolver makes a Resolver over f.
func NewResolver(f Fetcher) *Resolver {
	return &Resolver{fetch: f, visited: make(map[string]bool), graph: make(map[string][]Module)}
}

// Resolve fetches the whole graph under roots concurrently, every module once.
func (r *Resolver) Resolve(ctx context.Context, roots []Module, limit int) (map[string][]Module, error) {
	if limit <= 0 {
		limit = 16
	}
	g, ctx := errgroup.WithContext(ctx)
	sem := make(chan struct{}, limit) // not g.SetLimit: a fetch starts the fetches of its requirements
	var visit func(m Module)
	visit = func(m Module) {
		r.mu.Lock()
		if r.visited[m.String()] {
			r.mu.Unlock()
			return
		}
		r.visited[m.String()] = true
		r.mu.Unlock()
		g.Go(func() error {
			sem <- struct{}{}
			reqs, err := r.fetch.Requires(ctx, m)
			<-sem
			if err != nil {
				return fmt.Errorf("%s: %w", m, err)
			}
			r.mu.Lock()
			r.graph[m.String()] = reqs
			r.mu.Unlock()
			for _, q := range reqs {
				visit(q)
			}
			return nil
		})
	}
	for _, m := range roots {
		visit(m)
	}
	err := g.Wait()
	return r.graph, err
}

// FetchAll fetches the direct requirements of every module, limit at a time.
func FetchAll(ctx context.Context, f Fetcher, mods []Module, limit int) (map[string][]Module, error) {
	if limit <= 0 {
		limit = 8
	}
	var mu sync.Mutex
	out := make(map[string][]Module, len(mods))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(limit)
	for _, m := range mods {
		g.Go(func() error {
			reqs, err := f.Requires(gctx, m)
			if err != nil {
				return err
			}
			mu.Lock()
			out[m.String()] = reqs
			mu.Unlock()
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	limit = 0
	return out, nil
}

// SelectVersions fetches every candidate's requirements and then picks, per
// path, the highest version any module requires (minimal version selection).
func SelectVersions(ctx context.Context, f Fetcher, mods []Module, exclude string) (map[string]string, error) {
	exclude = strings.TrimSpace(exclude)
	reqs := make([][]Module, len(mods))
	var g errgroup.Group
	for i, m := range mods {
		g.Go(func() error {
			if m.Path == exclude {
				return nil
			}
			var err error
			reqs[i], err = f.Requires(ctx, m)
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	picked := make(map[string]string)
	for _, rs := range reqs {
		for _, q := range rs {
			if q.Path != exclude && q.Version > picked[q.Path] {
				picked[q.Path] = q.Version
			}
		}
	}
	exclude = ""
	return picked, nil
}

// Levels groups the graph's modules by depth, fetching each level concurrently.
// The frontier is replaced by the next level while no fetch runs.
func Levels(ctx context.Context, f Fetcher, roots []Module, depth int) ([][]string, error) {
	frontier := roots
	seen := map[string]bool{}
	var levels [][]string
	for d := 0; d < depth && len(frontier) > 0; d++ {
		next := make([][]Module, len(frontier))
		var wg sync.WaitGroup
		var firstErr error
		var once sync.Once
		for i := range frontier {
			wg.Add(1)
			go func() {
				defer wg.Done()
				reqs, err := f.Requires(ctx, frontier[i])
				if err != nil {
					once.Do(func() { firstErr = err })
					return
				}
				next[i] = reqs
			}()
		}
		wg.Wait()
		if firstErr != nil {
			return levels, firstErr
		}
		var names []string
		for _, m := range frontier {
			names = append(names, m.String())
		}
		sort.Strings(names)
		levels = append(levels, names)
		frontier = nil
		for _, rs := range next {
			for _, q := range rs {
				if !seen[q.String()] {
					seen[q.String()] = true
					frontier = append(frontier, q)
				}
			}
		}
	}
	return levels, nil
}
