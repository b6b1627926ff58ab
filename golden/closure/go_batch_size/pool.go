// Package pool runs a fixed set of workers that acknowledge jobs in batches.
package pool

// Job is one unit of work read from the queue.
type Job struct {
	ID      int
	Payload []byte
}

// Run starts n workers draining jobs. Each worker acknowledges the last job
// ID of every full batch on acks, and closes nothing: the caller owns both
// channels.
func Run(jobs <-chan Job, acks chan<- int, n int, bulk bool) {
	batch := 64 // want "moved to heap: batch"
	if bulk {
		batch = 512
	}
	for w := 0; w < n; w++ {
		go func() {
			// keep: comment inside the goroutine
			pending := 0
			for j := range jobs {
				pending++
				if pending == batch {
					acks <- j.ID
					pending = 0
				}
			}
		}()
	}
}
