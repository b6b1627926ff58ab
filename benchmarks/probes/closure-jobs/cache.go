package jobs

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

// Loader fetches a value for a key from the source of truth.
type Loader func(ctx context.Context, key string) (string, error)

type entry struct {
	val     string
	expires time.Time
}

// Cache is a TTL cache refreshed in the background.
type Cache struct {
	mu      sync.RWMutex
	items   map[string]entry
	load    Loader
	ttl     time.Duration
	prefix  string
	refresh time.Time
}

// NewCache makes an empty cache.
func NewCache(load Loader, ttl time.Duration, prefix string) *Cache {
	return &Cache{items: map[string]entry{}, load: load, ttl: ttl, prefix: prefix}
}

// Warm loads every key in parallel, at most limit at a time, and stores them.
func (c *Cache) Warm(ctx context.Context, keys []string, limit int) error {
	ttl := c.ttl
	if ttl == 0 {
		ttl = time.Minute
	}
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(limit)
	for _, k := range keys {
		g.Go(func() error {
			v, err := c.load(ctx, c.prefix+k)
			if err != nil {
				return err
			}
			c.mu.Lock()
			c.items[k] = entry{v, time.Now().Add(ttl)}
			c.mu.Unlock()
			return nil
		})
	}
	return g.Wait()
}

// RefreshStale reloads the expired entries, each in a goroutine writing its own
// slot, then stores them with one lock and notes when the refresh ran.
func (c *Cache) RefreshStale(ctx context.Context) int {
	now := time.Now()
	var stale []string
	c.mu.RLock()
	for k, e := range c.items {
		if now.After(e.expires) {
			stale = append(stale, k)
		}
	}
	c.mu.RUnlock()
	vals := make([]string, len(stale))
	oks := make([]bool, len(stale))
	var wg sync.WaitGroup
	for i, k := range stale {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ctx, cancel := context.WithDeadline(ctx, now.Add(5*time.Second))
			defer cancel()
			v, err := c.load(ctx, k)
			vals[i], oks[i] = v, err == nil
		}()
	}
	wg.Wait()
	now = time.Now()
	n := 0
	c.mu.Lock()
	for i, k := range stale {
		if oks[i] {
			c.items[k] = entry{vals[i], now.Add(c.ttl)}
			n++
		}
	}
	c.refresh = now
	c.mu.Unlock()
	return n
}

// StartRefresher refreshes the cache every period until ctx ends; the returned
// channel is closed when the goroutine has stopped.
func (c *Cache) StartRefresher(ctx context.Context, period time.Duration) <-chan struct{} {
	if period <= 0 {
		period = c.ttl / 2
	}
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
				c.RefreshStale(ctx)
			}
		}
	}()
	return stopped
}

// WarmGroups loads each group of keys in its own goroutine with a group tag;
// the tag is normalised first.
func (c *Cache) WarmGroups(ctx context.Context, groups map[string][]string, tag string) map[string]int {
	tag = strings.TrimSpace(tag)
	counts := make(map[string]int, len(groups))
	var mu sync.Mutex
	var wg sync.WaitGroup
	for name, keys := range groups {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n := 0
			for _, k := range keys {
				if _, err := c.load(ctx, tag+"/"+name+"/"+k); err == nil {
					n++
				}
			}
			mu.Lock()
			counts[name] = n
			mu.Unlock()
		}()
	}
	wg.Wait()
	return counts
}

// Prefetch loads keys in the background into a batch the caller keeps: the
// batch slice is handed back and filled by the goroutine.
func (c *Cache) Prefetch(ctx context.Context, keys []string) (batch *[]string, done <-chan struct{}) {
	out := make([]string, 0, len(keys))
	ch := make(chan struct{})
	go func() {
		defer close(ch)
		for _, k := range keys {
			if v, err := c.load(ctx, k); err == nil {
				out = append(out, v)
			}
		}
	}()
	return &out, ch
}

// LoadOnce loads a key at most once for concurrent callers, singleflight-style;
// waiters block on the call's channel.
type call struct {
	done chan struct{}
	val  string
	err  error
}

// Group deduplicates loads.
type Group struct {
	mu    sync.Mutex
	calls map[string]*call
}

// Do loads key through load once for everybody asking at the same time.
func (g *Group) Do(ctx context.Context, key string, load Loader) (string, error) {
	g.mu.Lock()
	if c, ok := g.calls[key]; ok {
		g.mu.Unlock()
		<-c.done
		return c.val, c.err
	}
	c := &call{done: make(chan struct{})}
	if g.calls == nil {
		g.calls = map[string]*call{}
	}
	g.calls[key] = c
	g.mu.Unlock()
	go func() {
		defer close(c.done)
		c.val, c.err = load(context.WithoutCancel(ctx), key)
		g.mu.Lock()
		delete(g.calls, key)
		g.mu.Unlock()
	}()
	<-c.done
	return c.val, c.err
}

// WarmSpread spreads the loads of keys over window, one timer each so the
// backend sees a trickle rather than a burst, and waits for all of them; the
// source name is reused, upper-cased, for the summary line.
func (c *Cache) WarmSpread(ctx context.Context, keys []string, window time.Duration, source string) string {
	source = strings.TrimSuffix(source, "/")
	step := window / time.Duration(max(len(keys), 1))
	failed := make([]bool, len(keys))
	var wg sync.WaitGroup
	for i, k := range keys {
		wg.Add(1)
		time.AfterFunc(step*time.Duration(i), func() {
			defer wg.Done()
			v, err := c.load(ctx, source+"/"+k)
			if err != nil {
				failed[i] = true
				return
			}
			c.mu.Lock()
			c.items[k] = entry{v, time.Now().Add(c.ttl)}
			c.mu.Unlock()
		})
	}
	wg.Wait()
	n := 0
	for _, f := range failed {
		if !f {
			n++
		}
	}
	source = strings.ToUpper(source)
	return fmt.Sprintf("%s: %d of %d warmed", source, n, len(keys))
}
