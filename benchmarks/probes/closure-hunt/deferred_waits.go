package svc

import (
	"runtime"
	"sync"
)

type board struct {
	mu   sync.Mutex
	seen map[string]string
}

func (b *board) put(k, v string) { b.mu.Lock(); b.seen[k] = v; b.mu.Unlock() }

func (b *board) await(k string) string {
	for {
		b.mu.Lock()
		v, ok := b.seen[k]
		b.mu.Unlock()
		if ok {
			return v
		}
		runtime.Gosched()
	}
}

// DeferredWait defers its wait and renames the tag right away.
func DeferredWait(n int) string {
	b := &board{seen: map[string]string{}}
	func() {
		tag := "a"
		gate := make(chan bool)
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-gate
			b.put("t", tag)
		}()
		defer wg.Wait()
		tag = "b"
		close(gate)
	}()
	return b.await("t")
}

// DeferredWaitInBranch defers its wait inside a branch and renames after it.
func DeferredWaitInBranch(n int) string {
	b := &board{seen: map[string]string{}}
	func() {
		tag := "a"
		gate := make(chan bool)
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-gate
			b.put("t", tag)
		}()
		if n >= 0 {
			defer wg.Wait()
			tag = "b"
		}
		close(gate)
	}()
	return b.await("t")
}

// GoWaitInBranch waits through a goroutine started in a branch, then renames.
func GoWaitInBranch(n int) string {
	b := &board{seen: map[string]string{}}
	func() {
		tag := "a"
		gate := make(chan bool)
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-gate
			b.put("t", tag)
		}()
		if n >= 0 {
			go wg.Wait()
			tag = "b"
		}
		close(gate)
		wg.Wait()
	}()
	return b.await("t")
}
