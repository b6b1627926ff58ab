package buildtools

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

// CacheEntry is one file of the build cache.
type CacheEntry struct {
	Path  string
	Size  int64
	Atime time.Time
}

// Pruner trims a build cache to a size budget.
type Pruner struct {
	Dir     string
	MaxSize int64
	MaxAge  time.Duration
	Workers int
	removed int
	mu      sync.Mutex
}

// Scan lists the cache's entries, stat-ing the subdirectories in parallel.
func (p *Pruner) Scan(ctx context.Context) ([]CacheEntry, error) {
	dirs, err := os.ReadDir(p.Dir)
	if err != nil {
		return nil, err
	}
	per := make([][]CacheEntry, len(dirs))
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(max(p.Workers, 1))
	for i, d := range dirs {
		if !d.IsDir() {
			continue
		}
		g.Go(func() error {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			sub := filepath.Join(p.Dir, d.Name())
			ents, err := os.ReadDir(sub)
			if err != nil {
				return err
			}
			for _, e := range ents {
				info, err := e.Info()
				if err != nil {
					continue
				}
				per[i] = append(per[i], CacheEntry{Path: filepath.Join(sub, e.Name()), Size: info.Size(), Atime: info.ModTime()})
			}
			return nil
		})
	}
	err = g.Wait()
	var all []CacheEntry
	for _, es := range per {
		all = append(all, es...)
	}
	return all, err
}

// Victims picks the oldest entries until the rest fit the budget, and those
// older than MaxAge.
func (p *Pruner) Victims(entries []CacheEntry, now time.Time) []CacheEntry {
	sort.Slice(entries, func(i, j int) bool { return entries[i].Atime.Before(entries[j].Atime) })
	var total int64
	for _, e := range entries {
		total += e.Size
	}
	var out []CacheEntry
	for _, e := range entries {
		if total > p.MaxSize || (p.MaxAge > 0 && now.Sub(e.Atime) > p.MaxAge) {
			out = append(out, e)
			total -= e.Size
		}
	}
	return out
}

// Remove deletes the victims on p.Workers goroutines, dry-running when asked.
func (p *Pruner) Remove(victims []CacheEntry, dryRun bool) (int, error) {
	if p.Workers <= 0 {
		p.Workers = 2
	}
	remove := os.Remove
	if dryRun {
		remove = func(string) error { return nil }
	}
	jobs := make(chan string)
	errs := make([]error, p.Workers)
	var wg sync.WaitGroup
	wg.Add(p.Workers)
	for w := 0; w < p.Workers; w++ {
		go func() {
			defer wg.Done()
			for path := range jobs {
				if err := remove(path); err != nil && !os.IsNotExist(err) {
					errs[w] = err
					continue
				}
				p.mu.Lock()
				p.removed++
				p.mu.Unlock()
			}
		}()
	}
	for _, v := range victims {
		jobs <- v.Path
	}
	close(jobs)
	wg.Wait()
	remove = nil
	for _, err := range errs {
		if err != nil {
			return p.removed, err
		}
	}
	return p.removed, nil
}

// PruneLoop prunes every interval until ctx is done, each pass in a goroutine
// of its own that the loop waits for.
func (p *Pruner) PruneLoop(ctx context.Context, interval time.Duration, onPass func(int, error)) {
	if interval <= 0 {
		interval = time.Hour
	}
	for {
		done := make(chan struct{})
		go func() {
			defer close(done)
			entries, err := p.Scan(ctx)
			if err == nil {
				var n int
				n, err = p.Remove(p.Victims(entries, time.Now()), false)
				onPass(n, err)
				return
			}
			onPass(0, err)
		}()
		<-done
		select {
		case <-ctx.Done():
			return
		case <-time.After(interval):
		}
		interval += interval / 10
	}
}
