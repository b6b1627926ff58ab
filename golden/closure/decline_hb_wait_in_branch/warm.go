// Package warm fills a cache from a background worker.
package warm

import "sync"

// Fill stores every key with the given TTL from a worker. A blocking fill lets the worker run
// and waits for it before clearing the TTL; a lazy fill clears the TTL first, so the worker,
// which only starts then, stores the keys without one.
func Fill(keys []string, ttl int, lazy bool, put func(key string, ttl int)) { // want "moved to heap: ttl" // declined "the wait at line 22 is in a branch, case or loop of its own"
	var wg sync.WaitGroup // want "moved to heap: wg"
	start := make(chan struct{})
	wg.Add(1)
	go func() { // want "func literal escapes to heap"
		defer wg.Done()
		<-start
		for _, k := range keys {
			put(k, ttl)
		}
	}()
	if !lazy {
		close(start)
		wg.Wait()
	}
	ttl = 0
	if lazy {
		close(start)
		wg.Wait()
	}
}
