package svc

import (
	"runtime"
	"strings"
	"sync"
)

// CloseLastAudit streams values; an audit deferred before the close runs after it, once released.
func CloseLastAudit(items []string) string {
	tag := "a"
	ch := make(chan string)
	gate := make(chan bool)
	var mu sync.Mutex
	seen := map[string]string{}
	go func() {
		defer func() {
			<-gate
			mu.Lock()
			seen["t"] = tag
			mu.Unlock()
		}()
		defer close(ch)
		for _, it := range items {
			ch <- it
		}
	}()
	var got []string
	for v := range ch {
		got = append(got, v)
	}
	tag = "b"
	close(gate)
	for {
		mu.Lock()
		v, ok := seen["t"]
		mu.Unlock()
		if ok {
			return strings.Join(got, ",") + v
		}
		runtime.Gosched()
	}
}

// DoneLastAudit defers Done last (runs first) and audits after it.
func DoneLastAudit(items []string) string {
	tag := "a"
	gate := make(chan bool)
	var mu sync.Mutex
	seen := map[string]string{}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer func() {
			<-gate
			mu.Lock()
			seen["t"] = tag
			mu.Unlock()
		}()
		defer wg.Done()
		_ = len(items)
	}()
	wg.Wait()
	tag = "b"
	close(gate)
	for {
		mu.Lock()
		v, ok := seen["t"]
		mu.Unlock()
		if ok {
			return v
		}
		runtime.Gosched()
	}
}
