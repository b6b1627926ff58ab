// Package thumbs renders thumbnails with a pool of workers.
package thumbs

import "sync"

// Job is one image to shrink.
type Job struct {
	Path string
	W, H int
}

// Render shrinks every job to at most maxSide pixels (256 if zero) with the
// given number of workers. The WaitGroup must stay shared (Done has a
// pointer receiver); maxSide is only read by the workers.
func Render(jobs []Job, workers, maxSide int, save func(Job) error) []error { // want "moved to heap: maxSide"
	if maxSide <= 0 {
		maxSide = 256
	}
	var wg sync.WaitGroup // want "moved to heap: wg"
	next := make(chan int)
	errs := make([]error, len(jobs))
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			// keep: comment inside the goroutine
			defer wg.Done()
			for i := range next {
				j := jobs[i]
				if j.W > maxSide || j.H > maxSide {
					scale := float64(maxSide) / float64(max(j.W, j.H))
					j.W, j.H = int(float64(j.W)*scale), int(float64(j.H)*scale)
				}
				errs[i] = save(j)
			}
		}()
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	return errs
}
