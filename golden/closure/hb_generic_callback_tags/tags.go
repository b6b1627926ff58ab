// Package tags cleans tag lists on workers: it drops a stop word and sorts what is left.
package tags

import (
	"slices"
	"strings"
	"sync"
)

// Clean removes stop (case-folded) from every list and sorts the rest, one goroutine a list, in two
// passes: the second drops the first pass's most common survivor too. The callbacks read stop, but
// slices.DeleteFunc and slices.SortFunc are generic (no parameter verdicts): their source only calls
// them, inside the call, before the deferred Done, so stop changes only once every worker is done.
func Clean(lists [][]string, stop string) [][]string { // want "moved to heap: stop"
	for pass := 0; pass < 2; pass++ {
		var wg sync.WaitGroup // want "moved to heap: wg"
		for i := range lists {
			wg.Add(1)
			go func() { // want "func literal escapes to heap"
				defer wg.Done()
				l := slices.DeleteFunc(slices.Clone(lists[i]), func(t string) bool { return strings.EqualFold(t, stop) })
				slices.SortFunc(l, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
				lists[i] = l
			}()
		}
		wg.Wait()
		stop = common(lists)
	}
	return lists
}

func common(lists [][]string) string {
	n := map[string]int{}
	best := ""
	for _, l := range lists {
		for _, t := range l {
			n[t]++
			if n[t] > n[best] || (n[t] == n[best] && t < best) {
				best = t
			}
		}
	}
	return best
}
