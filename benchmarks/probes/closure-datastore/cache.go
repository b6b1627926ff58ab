package datastore

import (
	"context"
	"hash/fnv"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

// Loader fetches a value from the backing store.
type Loader func(ctx context.Context, key string) (string, error)

// Shard is one lock-striped part of a Cache.
type Shard struct {
	mu      sync.Mutex
	entries map[string]entry
}

type entry struct {
	val     string
	expires time.Time
}

// CacheConfig sizes a Cache.
type CacheConfig struct {
	Shards   int
	Warmers  int
	TTL      time.Duration
	Prefix   string
	MaxBatch int
}

// Cache is a sharded in-memory cache.
type Cache struct {
	cfg    CacheConfig
	shards []*Shard
	load   Loader
}

// NewCache makes a cache of cfg.Shards shards.
func NewCache(cfg CacheConfig, load Loader) *Cache {
	c := &Cache{cfg: cfg, load: load, shards: make([]*Shard, cfg.Shards)}
	for i := range c.shards {
		c.shards[i] = &Shard{entries: map[string]entry{}}
	}
	return c
}

func (c *Cache) shard(key string) *Shard {
	h := fnv.New32a()
	h.Write([]byte(key))
	return c.shards[int(h.Sum32())%len(c.shards)]
}

func (c *Cache) put(key, val string, now time.Time) {
	s := c.shard(key)
	s.mu.Lock()
	s.entries[key] = entry{val: val, expires: now.Add(c.cfg.TTL)}
	s.mu.Unlock()
}

// Get returns a cached value.
func (c *Cache) Get(key string) (string, bool) {
	s := c.shard(key)
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.entries[key]
	return e.val, ok
}

// Warm loads keys through an errgroup; the prefix is reset afterwards.
func (c *Cache) Warm(ctx context.Context, keys []string, prefix string) error {
	g, ctx := errgroup.WithContext(ctx)
	now := time.Now()
	for _, k := range keys {
		g.Go(func() error {
			v, err := c.load(ctx, prefix+k)
			if err != nil {
				return err
			}
			c.put(k, v, now)
			return nil
		})
	}
	err := g.Wait()
	prefix = ""
	_ = prefix
	return err
}

// warmOne starts one load on the group.
func warmOne(g *errgroup.Group, c *Cache, ctx context.Context, key string, now time.Time) {
	g.Go(func() error {
		v, err := c.load(ctx, key)
		if err != nil {
			return err
		}
		c.put(key, v, now)
		return nil
	})
}

// WarmTiered warms the hot keys through a helper and the cold ones
// inline; the tier name is rewritten for the report after the group is done.
func (c *Cache) WarmTiered(ctx context.Context, hot, cold []string) (string, error) {
	var g errgroup.Group
	now := time.Now()
	tier := "hot"
	for _, k := range hot {
		warmOne(&g, c, ctx, k, now)
	}
	for _, k := range cold {
		g.Go(func() error {
			v, err := c.load(ctx, tier+":"+k)
			if err != nil {
				return err
			}
			c.put(k, v, now)
			return nil
		})
	}
	err := g.Wait()
	tier = "done"
	return tier, err
}

// WarmStriped warms keys in stripes of cfg.MaxBatch, one goroutine a
// stripe, and rewrites the prefix afterwards.
func (c *Cache) WarmStriped(ctx context.Context, keys []string) string {
	prefix := c.cfg.Prefix
	batch := c.cfg.MaxBatch
	n := len(keys)
	var wg sync.WaitGroup
	wg.Add((n + batch - 1) / batch)
	for lo := 0; lo < n; lo += batch {
		go func() {
			defer wg.Done()
			now := time.Now()
			for _, k := range keys[lo:min(lo+batch, n)] {
				if v, err := c.load(ctx, prefix+k); err == nil {
					c.put(k, v, now)
				}
			}
		}()
	}
	wg.Wait()
	prefix = strings.TrimSuffix(prefix, ":")
	return prefix
}

// evictShard drops expired entries of one shard.
func evictShard(wg *sync.WaitGroup, s *Shard, now time.Time) {
	defer wg.Done()
	s.mu.Lock()
	defer s.mu.Unlock()
	for k, e := range s.entries {
		if now.After(e.expires) {
			delete(s.entries, k)
		}
	}
}

// Evict sweeps every shard in parallel, then counts what is left; the
// sweep time is reused as the count's timestamp after an adjustment.
func (c *Cache) Evict(now time.Time) (int, time.Time) {
	var wg sync.WaitGroup
	wg.Add(len(c.shards))
	for _, s := range c.shards {
		go evictShard(&wg, s, now)
	}
	wg.Wait()
	left := make([]int, len(c.shards))
	wg.Add(len(c.shards))
	for i, s := range c.shards {
		go func() {
			defer wg.Done()
			s.mu.Lock()
			for _, e := range s.entries {
				if !now.After(e.expires) {
					left[i]++
				}
			}
			s.mu.Unlock()
		}()
	}
	wg.Wait()
	now = now.Add(time.Second)
	total := 0
	for _, n := range left {
		total += n
	}
	return total, now
}

// StartEvictor sweeps in the background until stop is closed; the ttl it
// reads may be changed by SetTTL at any time (a real escape).
func (c *Cache) StartEvictor(stop <-chan struct{}, every time.Duration) func(time.Duration) {
	ttl := c.cfg.TTL
	go func() {
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case now := <-t.C:
				c.Evict(now.Add(-ttl))
			}
		}
	}()
	return func(d time.Duration) { ttl = d }
}

// ShardSizes counts each shard's entries under a key prefix in parallel, one
// goroutine per configured shard, and reports under the upper-cased prefix.
func (c *Cache) ShardSizes(title string) (string, []int) {
	sizes := make([]int, c.cfg.Shards)
	var wg sync.WaitGroup
	wg.Add(c.cfg.Shards)
	for i := 0; i < c.cfg.Shards; i++ {
		go func() {
			defer wg.Done()
			s := c.shards[i]
			s.mu.Lock()
			for k := range s.entries {
				if strings.HasPrefix(k, title) {
					sizes[i]++
				}
			}
			s.mu.Unlock()
		}()
	}
	wg.Wait()
	title = strings.ToUpper(title)
	return title, sizes
}
