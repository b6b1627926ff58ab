// Package report formats per-service latency lines in parallel.
package report

import (
	"fmt"
	"sync"
	"time"
)

// Sample is one service's measured latencies.
type Sample struct {
	Service string
	Lat     []time.Duration
}

// Lines formats every sample with one helper literal, called by a goroutine per sample; the unit
// it divides by is reset for the caller once every line is done.
func Lines(samples []Sample, unit time.Duration) ([]string, time.Duration) { // want "moved to heap: unit"
	out := make([]string, len(samples))
	var wg sync.WaitGroup // want "moved to heap: wg"
	line := func(s Sample) string { // want "func literal escapes to heap"
		var total time.Duration
		for _, l := range s.Lat {
			total += l
		}
		if len(s.Lat) == 0 {
			return s.Service + " -"
		}
		return fmt.Sprintf("%s %d", s.Service, int64(total)/int64(len(s.Lat))/int64(unit))
	}
	for i, s := range samples {
		wg.Add(1)
		go func() { // want "func literal escapes to heap"
			defer wg.Done()
			out[i] = line(s)
		}()
	}
	wg.Wait()
	unit = time.Millisecond
	return out, unit
}
