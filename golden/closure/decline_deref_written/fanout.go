// Package fanout runs jobs concurrently and counts the failures through a pointer.
package fanout

import "sync"

// Failures runs every job on its own goroutine; each failure bumps the count through a pointer the
// goroutines write, under a lock. A copy of *failed per goroutine would count nothing.
func Failures(jobs []func() error) int {
	var count int // want "moved to heap: count" // declined "uses failed itself, not a field through it"
	failed := &count
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, job := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if job() != nil {
				mu.Lock()
				*failed = *failed + 1
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return count
}
