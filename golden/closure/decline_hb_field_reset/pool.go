// Package pool runs a job on a goroutine its Pool's WaitGroup counts, and can be reset.
package pool

import "sync"

// Pool tracks the jobs it has started.
type Pool struct {
	wg sync.WaitGroup
}

// Run starts f with the job's name, resets the pool, waits for it, then renames the job and lets f
// run. Reset writes a zero WaitGroup over the one the Add counted, so Wait returns before the
// goroutine's Done: the write of name is not ordered after the goroutine's read, which happens
// after close(ready) and must see "b". A copy of name at the go statement would give it "a".
func (p *Pool) Run(ready chan struct{}, f func(string)) {
	name := "a" // want "moved to heap: name" // declined "may write the struct over it"
	p.wg.Add(1)
	go func() { // want "func literal escapes to heap"
		defer func() { recover() }() // the late Done takes the zeroed counter below zero
		defer p.wg.Done()
		<-ready
		f(name)
	}()
	p.Reset()
	p.wg.Wait()
	name = "b"
	close(ready)
}

// Reset forgets every job.
func (p *Pool) Reset() { *p = Pool{} }
