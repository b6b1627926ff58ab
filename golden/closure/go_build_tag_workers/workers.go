//go:build go1.22

// Package workers starts numbered workers. The build constraint gives this file go1.22's
// per-iteration loop variables whatever the go.mod says.
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
