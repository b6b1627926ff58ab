// Package runner runs a lint check over packages in parallel.
package runner

import (
	"strings"
	"sync"
)

// Run checks every package on a goroutine of its own, each package's findings at its index.
// findings and failed are named results: the returns after the Wait set them, and the
// goroutines are done reading findings by then.
func Run(pkgs []string, check func(string) ([]string, error)) (findings [][]string, failed int) { // want "moved to heap: findings"
	findings = make([][]string, len(pkgs))
	errs := make([]error, len(pkgs))
	var wg sync.WaitGroup
	for i, p := range pkgs {
		wg.Add(1)
		go func() { // want "func literal escapes to heap"
			defer wg.Done()
			findings[i], errs[i] = check(strings.TrimSuffix(p, "/..."))
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			failed++
		}
	}
	if failed == len(pkgs) {
		return nil, failed
	}
	return findings, failed
}
