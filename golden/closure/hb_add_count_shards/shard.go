// Package shard sums readings in parallel shards.
package shard

import "sync"

// Sum splits xs into n shards, scales and sums each shard in its own goroutine, then adds the
// shards; the WaitGroup counts the shards before `range n` starts one goroutine for each.
func Sum(xs []int, n int, scale int) (total, scaled int) {
	if n < 1 {
		n = 1
	}
	parts := make([]int, n)
	size := (len(xs) + n - 1) / n
	var wg sync.WaitGroup
	wg.Add(n)
	for s := range n {
		go func() { // want "func literal escapes to heap"
			defer wg.Done()
			lo, hi := min(s*size, len(xs)), min((s+1)*size, len(xs))
			for _, x := range xs[lo:hi] {
				parts[s] += x * scale
			}
		}()
	}
	wg.Wait()
	for _, p := range parts {
		total += p
	}
	scale = max(scale, 1)
	return total, total / scale
}
