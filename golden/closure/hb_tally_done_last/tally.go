// Package tally sums sharded samples.
package tally

import "sync"

// AtLeast lowers the threshold until the samples at or above it add up to target, summing
// every shard in its own goroutine at each threshold; it returns the threshold reached.
func AtLeast(shards [][]int, threshold, target int) int { // want "moved to heap: threshold"
	sums := make([]int, len(shards))
	for threshold > 0 {
		var wg sync.WaitGroup // want "moved to heap: wg"
		for i, s := range shards {
			wg.Add(1)
			go func() { // want "func literal escapes to heap"
				sums[i] = 0
				for _, v := range s {
					if v >= threshold {
						sums[i] += v
					}
				}
				wg.Done()
			}()
		}
		wg.Wait()
		total := 0
		for _, s := range sums {
			total += s
		}
		if total >= target {
			break
		}
		threshold--
	}
	return threshold
}
