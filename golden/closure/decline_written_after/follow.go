// Package follow polls a source for a fixed time.
package follow

import (
	"sync"
	"time"
)

// Poller calls Poll every Interval.
type Poller struct {
	mu       sync.Mutex
	Interval time.Duration
	Poll     func()
}

// RunFor polls in the background for d, then stops the poller. done is set
// after the goroutine has started, so it must stay shared: a parameter would
// freeze it at false and the goroutine would never stop.
func (p *Poller) RunFor(d time.Duration) {
	done := false // want "moved to heap: done" // declined "written by or after the go statement"
	go func() {   // want "func literal escapes to heap"
		for {
			p.mu.Lock()
			stop := done
			p.mu.Unlock()
			if stop {
				return
			}
			p.Poll()
			time.Sleep(p.Interval)
		}
	}()
	time.Sleep(d)
	p.mu.Lock()
	done = true
	p.mu.Unlock()
}
