// Package metrics flushes counters to a sink from a small set of flushers.
package metrics

import (
	"fmt"
	"io"
	"time"
)

// Sample is one measurement waiting to be flushed.
type Sample struct {
	Name  string
	Value float64
}

// StartFlushers starts n flushers. Each one writes the samples it receives
// to sink, tagged with its flusher id, every interval (10s if zero).
func StartFlushers(n int, samples <-chan Sample, sink io.Writer, interval time.Duration) { // want "moved to heap: interval"
	if interval <= 0 {
		interval = 10 * time.Second
	}
	for w := 0; w < n; w++ {
		// Written before Go 1.22; the id is still passed explicitly.
		go func(id int) {
			// keep: comment inside the goroutine
			tick := time.NewTicker(interval)
			defer tick.Stop()
			var buf []Sample
			for {
				select {
				case s, ok := <-samples:
					if !ok {
						return
					}
					buf = append(buf, s)
				case <-tick.C:
					for _, s := range buf {
						fmt.Fprintf(sink, "flusher=%d %s=%g\n", id, s.Name, s.Value)
					}
					buf = buf[:0]
				}
			}
		}(w)
	}
}
