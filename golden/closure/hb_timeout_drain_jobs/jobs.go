// Package jobs runs jobs with a time budget each.
package jobs

import (
	"context"
	"time"
)

// Bounded runs each job with the current weight and waits at most d for it; on timeout it
// cancels the job and still waits for it to return, so the job has read the weight before it
// grows. Both cases of the select receive from done before anything after it runs.
func Bounded(ctx context.Context, jobs []string, d time.Duration, weight int, run func(context.Context, string, int) int) (int, int) { // want "moved to heap: weight"
	timeouts, total := 0, 0
	for _, j := range jobs {
		cctx, cancel := context.WithCancel(ctx)
		done := make(chan int, 1)
		go func() { // want "func literal escapes to heap"
			done <- run(cctx, j, weight)
		}()
		select {
		case n := <-done:
			total += n
		case <-time.After(d):
			cancel()
			total += <-done
			timeouts++
		}
		cancel()
		weight++
	}
	return total, timeouts
}
