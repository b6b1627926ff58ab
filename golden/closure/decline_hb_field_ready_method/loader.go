// Package loader starts a reloading goroutine that reports ready through the loader's WaitGroup.
package loader

import "sync"

// Loader serves one source on a goroutine of its own; its WaitGroup first says the goroutine is
// running, then that it is done.
type Loader struct {
	wg     sync.WaitGroup
	reload chan struct{}
}

// ready tells Start the goroutine runs: a Done that takes the count the go statement's Add made.
func (l *Loader) ready() { l.wg.Done() }

// Start runs serve on a goroutine that reports ready and then waits for the go-ahead; Start
// versions the source once the goroutine is running, so serve sees the versioned source. The
// first Wait returns on ready's Done, before the goroutine reads source: a copy would be stale.
func (l *Loader) Start(source string, serve func(string)) { // want "moved to heap: source" // declined "l.wg has a Done that is not the one signal of a goroutine"
	l.reload = make(chan struct{})
	l.wg.Add(1)
	go func() { // want "func literal escapes to heap"
		defer l.wg.Done()
		l.ready()
		<-l.reload
		serve(source)
	}()
	l.wg.Wait()
	source += "?v=2"
	l.wg.Add(1) // the deferred Done's count
	close(l.reload)
	l.wg.Wait()
}
