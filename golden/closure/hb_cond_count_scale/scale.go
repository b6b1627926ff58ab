// Package scale rescales a batch of sensor readings on one goroutine each, counting the finished
// ones on a sync.Cond instead of a WaitGroup.
package scale

import (
	"strings"
	"sync"
)

// Reading is one sensor value.
type Reading struct {
	Sensor string
	Value  float64
}

// Rescale converts every reading to the unit in parallel, naming the sensor after it, and returns
// the unit the next batch is in. Each goroutine reads unit, then counts itself under mu as its last
// act; the function waits under mu until the count reaches len(rs), one goroutine per reading, so
// the unit's change after the wait follows every read of it, and a copy keeps it off the heap.
func Rescale(rs []Reading, unit string, factor float64) string { // want "moved to heap: unit"
	var mu sync.Mutex // want "moved to heap: mu"
	cond := sync.NewCond(&mu)
	done := 0 // want "moved to heap: done"
	for i := range rs {
		go func() { // want "func literal escapes to heap"
			rs[i].Value *= factor
			rs[i].Sensor = strings.TrimSuffix(rs[i].Sensor, "/raw") + "/" + unit
			mu.Lock()
			done++
			mu.Unlock()
			cond.Broadcast()
		}()
	}
	mu.Lock()
	for done < len(rs) {
		cond.Wait()
	}
	mu.Unlock()
	if unit == "mV" {
		unit = "V"
	}
	return unit
}
