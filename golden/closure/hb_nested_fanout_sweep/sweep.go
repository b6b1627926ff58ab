// Package sweep runs a parameter sweep: a goroutine per step count fans out a goroutine per case.
package sweep

import "sync"

// Case is one simulation of a sweep.
type Case func(seed int64, steps int) float64

// Sweep runs every case at every step count with the same seed and returns the grid of results and
// the seed the next sweep starts from, advanced once every step count's cases are done.
func Sweep(cases []Case, steps []int, seed int64) ([][]float64, int64) { // want "moved to heap: seed"
	grid := make([][]float64, len(steps))
	var outer sync.WaitGroup
	for si, n := range steps {
		grid[si] = make([]float64, len(cases))
		outer.Add(1)
		go func() { // want "func literal escapes to heap"
			defer outer.Done()
			var inner sync.WaitGroup
			for ci, run := range cases {
				inner.Add(1)
				go func() { // want "func literal escapes to heap"
					defer inner.Done()
					grid[si][ci] = run(seed, n)
				}()
			}
			inner.Wait()
		}()
	}
	outer.Wait()
	seed++
	return grid, seed
}
