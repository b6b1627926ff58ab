// Package audit settles accounts in rounds.
package audit

import "sync"

// Rounds settles each round in a goroutine and waits for it before handing the books to the
// next owner. Each goroutine records the owner only once the books are closed, so every
// round is recorded under the final owner.
func Rounds(rounds [][]int, owner string, next func(string) string, record func(owner string, total int)) { // want "moved to heap: owner" // declined "after the goroutine's signal at line 19, names owner: it may read it after the write"
	closed := make(chan struct{})
	var wg sync.WaitGroup // want "moved to heap: wg"
	for _, r := range rounds {
		wg.Add(1)
		go func() { // want "func literal escapes to heap"
			total := 0
			for _, v := range r {
				total += v
			}
			wg.Done()
			<-closed
			record(owner, total)
		}()
		wg.Wait()
		owner = next(owner)
	}
	close(closed)
}
