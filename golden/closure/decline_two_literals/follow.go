// Package follow polls a source until the caller stops it.
package follow

import (
	"sync"
	"time"
)

// Poller calls Poll every interval until Stop.
type Poller struct {
	mu   sync.Mutex
	Poll func()
}

// Run starts polling and returns a stop function. The goroutine reads done
// under the mutex; stop sets it after the goroutine has started, so done must
// stay shared: passing it as a parameter would freeze it at false.
func (p *Poller) Run(interval time.Duration) (stop func()) {
	done := false // want "moved to heap: done" // declined "func literal writes done"
	go func() {   // want "func literal escapes to heap"
		for {
			p.mu.Lock()
			d := done
			p.mu.Unlock()
			if d {
				return
			}
			p.Poll()
			time.Sleep(interval)
		}
	}()
	return func() { // want "func literal escapes to heap"
		p.mu.Lock()
		done = true
		p.mu.Unlock()
	}
}
