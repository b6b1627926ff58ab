// Package thumbs scales image sizes in parallel through the package's own helper.
package thumbs

import "sync"

//go:generate go run gen.go

// forEach runs f for every index on a goroutine of its own and returns once all are done.
func forEach(n int, f func(i int)) {
	var wg sync.WaitGroup // want "moved to heap: wg"
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() { // want "func literal escapes to heap"
			defer wg.Done()
			f(i)
		}()
	}
	wg.Wait()
}

// Scale gives every size its thumbnail edge; the factor is reset for the caller once the helper
// has returned, after every goroutine it started is done.
func Scale(sizes []int, factor int) ([]int, int) { // want "moved to heap: factor"
	out := make([]int, len(sizes)) // want "make\(\[\]int, len\(sizes\)\) escapes to heap"
	forEach(len(sizes), func(i int) { // want "func literal escapes to heap"
		out[i] = sizes[i] * factor / edges[len(edges)-1]
	})
	factor = 1
	return out, factor
}
