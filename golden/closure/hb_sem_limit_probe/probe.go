// Package probe checks endpoints' health with a bounded number of probes in flight.
package probe

import "time"

// Health probes every endpoint, at most parallel at a time, with the given timeout. It waits for
// the probes by taking every slot of the semaphore, then doubles the timeout for the next round
// if any probe failed, and returns it.
func Health(endpoints []string, parallel int, timeout time.Duration, ping func(string, time.Duration) bool) ([]bool, time.Duration) { // want "moved to heap: timeout"
	up := make([]bool, len(endpoints))
	slots := make(chan struct{}, parallel)
	for i, e := range endpoints {
		slots <- struct{}{}
		go func() { // want "func literal escapes to heap"
			defer func() { <-slots }()
			up[i] = ping(e, timeout)
		}()
	}
	for range parallel {
		slots <- struct{}{}
	}
	for _, ok := range up {
		if !ok {
			timeout *= 2
			break
		}
	}
	return up, timeout
}
