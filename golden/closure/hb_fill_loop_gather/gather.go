// Package gather runs test packages on goroutines and gathers their results in completion order.
package gather

import "strings"

// Result is one package's outcome.
type Result struct {
	Pkg    string
	Output string
}

// Gather runs every package on its own goroutine, receives until it holds a result per package, and then
// drops the arguments, which no goroutine reads any more.
func Gather(pkgs []string, tags []string) ([]Result, int) {
	args := []string{"-count=1"} // want "moved to heap: args"
	if len(tags) > 0 {
		args = append(args, "-tags="+strings.Join(tags, ","))
	}
	ch := make(chan Result)
	for _, p := range pkgs {
		go func() { // want "func literal escapes to heap"
			ch <- Result{Pkg: p, Output: "go test " + strings.Join(args, " ") + " " + p}
		}()
	}
	var results []Result
	for len(results) < len(pkgs) {
		r := <-ch
		results = append(results, r)
	}
	args = nil
	return results, len(args)
}
