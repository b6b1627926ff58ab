// Package rank orders score groups on workers, alternating the order each round.
package rank

import (
	"sort"
	"sync"
)

// Rounds sorts a copy of every group on its own worker, once ascending and once descending. The
// comparator reads desc, but sort.Slice does not keep it (func literal does not escape): it runs
// only inside that call, before the deferred Done, so desc flips only once every worker is done
// with it.
func Rounds(groups [][]int, desc bool) [][][]int { // want "moved to heap: desc"
	var rounds [][][]int
	for r := 0; r < 2; r++ {
		out := make([][]int, len(groups))
		var wg sync.WaitGroup // want "moved to heap: wg"
		for i, g := range groups {
			wg.Add(1)
			go func() { // want "func literal escapes to heap"
				defer wg.Done()
				c := append([]int(nil), g...)
				sort.Slice(c, func(a, b int) bool { return (c[a] < c[b]) != desc })
				out[i] = c
			}()
		}
		wg.Wait()
		rounds = append(rounds, out)
		desc = !desc
	}
	return rounds
}
