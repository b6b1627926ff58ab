// Package budget compacts segments in the background within a shared byte budget.
package budget

import "sync"

// Compact starts one goroutine per segment; together they may rewrite at most budget bytes, so the
// goroutines share budget: each takes its segment's size from it under the lock. A copy of budget for
// each goroutine would let every one of them spend the whole budget.
func Compact(sizes []int, budget int) int { // want "moved to heap: budget" // declined "the go statement may run again for the same budget"
	var mu sync.Mutex     // want "moved to heap: mu" // declined "address of mu"
	var wg sync.WaitGroup // want "moved to heap: wg" // declined "address of wg"
	done := 0             // want "moved to heap: done" // declined "func literal writes done"
	for _, size := range sizes {
		wg.Add(1)
		go func() { // want "func literal escapes to heap"
			defer wg.Done()
			mu.Lock()
			defer mu.Unlock()
			if size <= budget {
				budget -= size
				done++
			}
		}()
	}
	wg.Wait()
	return done
}
