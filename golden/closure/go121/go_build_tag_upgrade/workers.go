//go:build go1.22

// Package workers starts numbered workers. The module says go 1.21, but the build constraint
// raises this file to go1.22: its loop variables are per-iteration.
package workers

import "fmt"

// Start starts size workers in each of the given number of groups; each reports its group
// and number once.
func Start(groups, size int, out chan<- string) {
	for g := range groups { // want "moved to heap: g"
		for i := 0; i < size; i++ {
			go func() { // want "func literal escapes to heap"
				out <- fmt.Sprint("worker ", g, ".", i)
			}()
		}
	}
}
