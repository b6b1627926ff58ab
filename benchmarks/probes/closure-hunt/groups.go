package svc

import (
	"strings"
	"sync"
)

// ReassignedGroup replaces its WaitGroup pointer after the worker has deferred its Done.
func ReassignedGroup(n int) string {
	tag := "a"
	wg := new(sync.WaitGroup)
	started := make(chan bool)
	gate := make(chan bool)
	var mu sync.Mutex
	var seen []string
	wg.Add(1)
	go func() {
		defer wg.Done()
		started <- true
		<-gate
		mu.Lock()
		seen = append(seen, strings.Repeat(tag, n+1))
		mu.Unlock()
	}()
	<-started
	wg = new(sync.WaitGroup)
	wg.Wait()
	tag = "b"
	close(gate)
	for {
		mu.Lock()
		if len(seen) > 0 {
			s := seen[0]
			mu.Unlock()
			return s
		}
		mu.Unlock()
	}
}

// ResetGroup zeroes its WaitGroup value after the worker has taken its address.
func ResetGroup(n int) string {
	tag := "a"
	var wg sync.WaitGroup
	started := make(chan bool)
	gate := make(chan bool)
	var mu sync.Mutex
	var seen []string
	other := &wg
	other.Add(1)
	go func() {
		defer other.Done()
		started <- true
		<-gate
		mu.Lock()
		seen = append(seen, strings.Repeat(tag, n+1))
		mu.Unlock()
	}()
	<-started
	wg = sync.WaitGroup{}
	wg.Wait()
	tag = "b"
	close(gate)
	for {
		mu.Lock()
		if len(seen) > 0 {
			s := seen[0]
			mu.Unlock()
			return s
		}
		mu.Unlock()
	}
}
