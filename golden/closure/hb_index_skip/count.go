// Package count tokenizes documents in parallel.
package count

import (
	"strconv"
	"strings"
	"sync"
)

// Tokens counts the tokens of every non-empty document, one goroutine each, and returns the
// counts with the separator quoted for the report line.
func Tokens(docs []string, sep string) ([]int, string) { // want "moved to heap: sep"
	if sep == "" {
		sep = " "
	}
	counts := make([]int, len(docs))
	var wg sync.WaitGroup // want "moved to heap: wg"
	for i, d := range docs {
		if d == "" {
			continue
		}
		wg.Add(1)
		go func() { // want "func literal escapes to heap"
			defer wg.Done()
			counts[i] = len(strings.Split(d, sep))
		}()
	}
	wg.Wait()
	sep = strconv.Quote(sep)
	return counts, sep
}
