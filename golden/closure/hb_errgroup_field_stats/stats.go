// Package stats counts words of documents on a group the Counter owns.
package stats

import (
	"strings"

	"golang.org/x/sync/errgroup"
)

// Counter counts words per document, one goroutine per document, on its own group.
type Counter struct {
	g      errgroup.Group
	counts []int
}

// Count counts the words of each document longer than min runes; min is clamped first
// and raised after every count has returned, for the next call's report.
func (c *Counter) Count(docs []string, min int) ([]int, int) { // want "moved to heap: min"
	if min < 1 {
		min = 1
	}
	c.counts = make([]int, len(docs))
	for i, d := range docs {
		c.g.Go(func() error { // want "func literal escapes to heap"
			words := strings.Fields(d)
			for _, w := range words {
				if len(w) >= min {
					c.counts[i]++
				}
			}
			return nil
		})
	}
	_ = c.g.Wait()
	min++
	return c.counts, min
}
