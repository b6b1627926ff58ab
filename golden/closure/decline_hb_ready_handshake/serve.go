// Package serve starts a handler goroutine.
package serve

// Start runs handle in a goroutine that reports it is ready, then waits for the go-ahead and
// serves with the limit in force at that point: the caller may still halve the limit between
// the two, which is why the goroutine must read the variable, not a copy.
func Start(handle func(limit int), limit int, halve bool) (goAhead func()) { // want "moved to heap: limit" // declined "after the goroutine's signal at line 11, names limit: it may read it after the write"
	ready := make(chan struct{})
	start := make(chan struct{})
	go func() { // want "func literal escapes to heap"
		ready <- struct{}{}
		<-start
		handle(limit)
	}()
	<-ready
	if halve {
		limit /= 2
	}
	return func() { close(start) } // want "func literal escapes to heap"
}
