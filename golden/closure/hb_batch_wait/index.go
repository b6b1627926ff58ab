// Package bulk indexes documents concurrently, a batch at a time.
package bulk

import (
	"strconv"
	"sync"
)

// Index sends each document on its own goroutine, tagged with the generation of its batch.
// After every full batch it waits for the goroutines started so far, and only then moves to
// the next generation: no goroutine can still read it.
func Index(docs []string, batch int, send func(id, doc string)) int { // want "leaking param: send"
	generation := 1 // want "moved to heap: generation"
	var wg sync.WaitGroup
	for i, doc := range docs {
		wg.Add(1)
		go func() { // want "func literal escapes to heap"
			defer wg.Done()
			send(strconv.Itoa(generation)+"-"+strconv.Itoa(i), doc)
		}()
		if (i+1)%batch == 0 {
			wg.Wait()
			generation++
		}
	}
	wg.Wait()
	return generation
}
