// Package qcache caches search results by a key built from the query and its
// options.
package qcache

import (
	"strconv"
	"strings"
	"sync"

	"example.com/probes/mixed-search/limits"
	"example.com/probes/mixed-search/rank"
)

// Cache is a bounded map of results.
type Cache struct {
	mu      sync.Mutex
	entries map[string][]rank.Hit
	order   []string
	max     int
	hits    int
}

// New returns a cache of at most n entries.
func New(n int) *Cache { return &Cache{entries: map[string][]rank.Hit{}, max: n} }

// key builds the cache key of a query and its k.
func key(q string, k int) string {
	var b strings.Builder
	b.WriteString(q)
	b.WriteByte('|')
	b.WriteString(strconv.Itoa(k))
	return b.String()
}

// Get returns the cached hits of q, k.
func (c *Cache) Get(q string, k int) ([]rank.Hit, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	h, ok := c.entries[key(q, k)]
	if ok {
		c.hits++
	}
	return h, ok
}

// Lookup is Get with the key built in a byte scratch and looked up without a
// string allocation.
func (c *Cache) Lookup(q string, k int) ([]rank.Hit, bool) {
	if len(q) > limits.MaxTokenLen*limits.MaxQueryTerms {
		return nil, false
	}
	buf := make([]byte, 0, limits.MaxTokenLen*limits.MaxQueryTerms+24)
	buf = append(buf, q...)
	buf = append(buf, '|')
	buf = strconv.AppendInt(buf, int64(k), 10)
	c.mu.Lock()
	defer c.mu.Unlock()
	h, ok := c.entries[string(buf)]
	return h, ok
}

// Put stores hits under q, k, evicting the oldest entry when full.
func (c *Cache) Put(q string, k int, hits []rank.Hit) {
	kk := key(q, k)
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.entries[kk]; !ok {
		c.order = append(c.order, kk)
	}
	c.entries[kk] = hits
	for len(c.order) > c.max {
		delete(c.entries, c.order[0])
		c.order = c.order[1:]
	}
}

// Hits returns the cache hit count.
func (c *Cache) Hits() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.hits
}

// Prefetch fills the cache for queries concurrently with run, then returns how
// many were already there; opts.K is read by every goroutine.
func (c *Cache) Prefetch(queries []string, opts struct{ K int }, run func(string, int) []rank.Hit) int {
	var wg sync.WaitGroup
	var mu sync.Mutex
	present := 0
	for _, q := range queries {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, ok := c.Get(q, opts.K); ok {
				mu.Lock()
				present++
				mu.Unlock()
				return
			}
			c.Put(q, opts.K, run(q, opts.K))
		}()
	}
	wg.Wait()
	return present
}
