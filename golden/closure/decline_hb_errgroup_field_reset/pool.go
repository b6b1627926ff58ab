// Package pool runs jobs on a group its Pool owns, and can be reset.
package pool

import "golang.org/x/sync/errgroup"

// Pool runs jobs on its group.
type Pool struct {
	g errgroup.Group
}

// Run starts f with the job's name, resets the pool, waits for the group, then renames the
// job and lets f run. Reset writes a zero group over the one Go counted, so Wait returns
// before f does: the write of name is not ordered after the goroutine's read, which happens
// after close(ready) and must see "b". A copy of name at the Go call would give it "a".
func (p *Pool) Run(ready chan struct{}, f func(string)) {
	name := "a" // want "moved to heap: name" // declined "may write the struct over it"
	p.g.Go(func() error { // want "func literal escapes to heap"
		<-ready
		f(name)
		select {} // never returns: Go's Done would take the zeroed counter below zero
	})
	p.Reset()
	_ = p.g.Wait()
	name = "b"
	close(ready)
}

// Reset forgets every job.
func (p *Pool) Reset() { *p = Pool{} }
