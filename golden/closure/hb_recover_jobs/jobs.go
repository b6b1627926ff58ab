// Package jobs runs plug-in jobs that may panic.
package jobs

import (
	"fmt"
	"sync"
)

// Run runs every job in its own goroutine, turning a panic into an error; Done is the last thing
// each goroutine's deferred handler does. The mode then moves on for the next round.
func Run(jobs []func(mode string) string, mode string) ([]string, string) {
	out := make([]string, len(jobs))
	var wg sync.WaitGroup
	for i, job := range jobs {
		wg.Add(1)
		go func() { // want "func literal escapes to heap"
			defer func() {
				if r := recover(); r != nil {
					out[i] = fmt.Sprint("panic: ", r)
				}
				wg.Done()
			}()
			out[i] = job(mode)
		}()
	}
	wg.Wait()
	mode = "retry-" + mode
	return out, mode
}
