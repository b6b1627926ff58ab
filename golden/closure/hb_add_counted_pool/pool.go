// Package pool runs a fixed worker pool per batch.
package pool

import "sync"

// Process runs `workers` workers per batch over the batch's jobs, each worker tagging its output
// with the current generation; the generation advances once every worker of the batch is done.
// wg.Add(workers) counts the goroutines of the counted loop (i is written by its post statement
// alone, workers by nothing).
func Process(batches [][]int, workers int, gen int, out func(gen, job int)) int { // want "moved to heap: gen"
	for _, batch := range batches {
		jobs := make(chan int)
		var wg sync.WaitGroup // want "moved to heap: wg"
		wg.Add(workers)
		for i := 0; i < workers; i++ {
			go func() { // want "func literal escapes to heap"
				defer wg.Done()
				for j := range jobs {
					out(gen, j)
				}
			}()
		}
		for _, j := range batch {
			jobs <- j
		}
		close(jobs)
		wg.Wait()
		gen++
	}
	return gen
}
