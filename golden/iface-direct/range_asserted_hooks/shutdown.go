// Package shutdown runs the shutdown hooks a service registered, in order.
package shutdown

import "errors"

// Stopper is a dependency that must be stopped on shutdown.
type Stopper interface{ Stop() error }

type dbPool struct{ open int }

func (p *dbPool) Stop() error {
	p.open = 0
	return nil
}

type cacheWarmer struct{ warmed bool }

func (c *cacheWarmer) Stop() error {
	if !c.warmed {
		return errors.New("hooks: cache never warmed")
	}
	c.warmed = false
	return nil
}

// Shutdown stops the pool and the cache warmer, and counts the hooks that failed.
func Shutdown(open int, warmed bool) int {
	pool := dbPool{open: open}          // want "moved to heap: pool"
	warm := cacheWarmer{warmed: warmed} // want "moved to heap: warm"
	failed := 0
	for _, h := range []any{&pool, &warm} {
		if err := h.(Stopper).Stop(); err != nil {
			failed++
		}
	}
	return failed
}
