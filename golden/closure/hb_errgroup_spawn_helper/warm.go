// Package warm fills a cache from a loader, the hot keys through a small spawning helper and the cold ones
// inline, all on one errgroup.
package warm

import (
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"
)

// Cache is a locked map.
type Cache struct {
	mu sync.Mutex
	m  map[string]string
}

func (c *Cache) put(k, v string) {
	c.mu.Lock()
	c.m[k] = v
	c.mu.Unlock()
}

// warmOne loads one hot key on the group.
func warmOne(g *errgroup.Group, c *Cache, key string) {
	g.Go(func() error {
		c.put(key, strings.ToUpper(key))
		return nil
	})
}

// Warm loads the hot keys through warmOne and the cold ones under tier; the tier is reported as done once
// the group is.
func Warm(c *Cache, hot, cold []string, tier string) (string, error) { // want "moved to heap: tier"
	var g errgroup.Group // want "moved to heap: g"
	for _, k := range hot {
		warmOne(&g, c, k)
	}
	for _, k := range cold {
		g.Go(func() error { // want "func literal escapes to heap"
			c.put(k, tier+":"+k)
			return nil
		})
	}
	err := g.Wait()
	tier += " (warm)"
	return tier, err
}
