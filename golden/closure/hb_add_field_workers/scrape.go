// Package scrape keeps the points newer than a watermark, filtered by a pool sized by its config.
package scrape

import (
	"sync"
	"time"
)

// Config sizes a scrape round.
type Config struct {
	Workers int
	Job     string
}

// Point is one scraped value.
type Point struct {
	At    time.Time
	Value float64
}

// Since keeps the indexes of the points newer than since, filtered on cfg.Workers goroutines that
// the WaitGroup counts before the loop to cfg.Workers starts them, and returns the new watermark.
func Since(points []Point, since time.Time, cfg Config) ([]int, time.Time) { // want "moved to heap: since"
	if cfg.Workers < 1 {
		cfg.Workers = 1
	}
	fresh := make([][]int, cfg.Workers)
	var wg sync.WaitGroup
	wg.Add(cfg.Workers)
	for w := 0; w < cfg.Workers; w++ {
		go func() { // want "func literal escapes to heap"
			defer wg.Done()
			for i := w; i < len(points); i += cfg.Workers {
				if points[i].At.After(since) {
					fresh[w] = append(fresh[w], i)
				}
			}
		}()
	}
	wg.Wait()
	var out []int
	for _, f := range fresh {
		out = append(out, f...)
	}
	for _, i := range out {
		if points[i].At.After(since) {
			since = points[i].At
		}
	}
	return out, since
}
