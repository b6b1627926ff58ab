// Package frames renders frames a row at a time on goroutines of a small helper.
package frames

import "sync"

// forEachRow calls f for every row on a goroutine of its own and returns once every call has.
func forEachRow(rows int, f func(row int)) {
	var wg sync.WaitGroup
	wg.Add(rows)
	for r := 0; r < rows; r++ {
		go func() {
			defer wg.Done()
			f(r)
		}()
	}
	wg.Wait()
}
