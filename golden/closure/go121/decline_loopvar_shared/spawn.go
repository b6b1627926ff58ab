// Package spawn starts one goroutine per task. This module says go 1.21, so
// loop variables are shared by all iterations.
package spawn

import "time"

// Run starts n numbered tasks, stagger apart, and returns their results in
// completion order. Every goroutine reads the single shared i (the classic
// loop-variable bug; vet's loopclosure check misses it because the go
// statement is not the last statement of the loop body). Passing i as a
// parameter would fix it, but that changes behaviour and must be the
// author's decision, so the rule declines.
func Run(n int, stagger time.Duration, task func(i int) string) <-chan string {
	out := make(chan string, n)
	for i := 0; i < n; i++ { // want "moved to heap: i" // declined "shared by all iterations"
		go func() { // want "func literal escapes to heap"
			out <- task(i)
		}()
		time.Sleep(stagger)
	}
	return out
}

// Each starts one goroutine per name and returns how many it started; name
// is shared across iterations too.
func Each(names []string, visit func(string), done chan<- struct{}) int {
	started := 0
	for _, name := range names { // want "moved to heap: name"
		go func() { // want "func literal escapes to heap"
			visit(name)
			done <- struct{}{}
		}()
		started++
	}
	return started
}
