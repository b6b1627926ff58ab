// Package health probes a set of targets concurrently under one normalized config.
package health

import "sync"

// Config says how to probe a target.
type Config struct {
	Scheme, Path, Fallback string
	Tries                  int
}

func (c *Config) normalize() {
	if c.Scheme == "" {
		c.Scheme = "http://"
	}
	if c.Tries <= 0 {
		c.Tries = 1
	}
}

// ProbeAll checks every target on its own goroutine and, when some are down, switches the config to
// its fallback path for the caller. c is cfg's address, used to normalize it before the goroutines start
// and to write a field after wg.Wait(): that write is cfg's own, ordered after every goroutine's read, so
// a copy keeps cfg off the heap.
func ProbeAll(targets []string, cfg Config, check func(url string, tries int) bool) (int, string) { // want "moved to heap: cfg"
	c := &cfg
	c.normalize()
	ok := make([]bool, len(targets))
	var wg sync.WaitGroup // want "moved to heap: wg"
	for i, t := range targets {
		wg.Add(1)
		go func() { // want "func literal escapes to heap"
			defer wg.Done()
			ok[i] = check(cfg.Scheme+t+cfg.Path, cfg.Tries)
		}()
	}
	wg.Wait()
	up := 0
	for _, k := range ok {
		if k {
			up++
		}
	}
	if up < len(targets) {
		c.Path = cfg.Fallback
	}
	return up, cfg.Path
}
