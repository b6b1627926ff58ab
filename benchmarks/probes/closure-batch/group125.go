//go:build go1.25

package batch

import (
	"strings"
	"sync"
)

// Upper upper-cases words with sync.WaitGroup.Go; sep is chosen before and
// changed after the wait.
func Upper(words []string, sep string) (string, string) {
	if sep == "" {
		sep = ","
	}
	out := make([]string, len(words))
	var wg sync.WaitGroup
	for i, w := range words {
		wg.Go(func() {
			out[i] = strings.ToUpper(w) + sep
		})
	}
	wg.Wait()
	joined := strings.Join(out, "")
	sep = ""
	return joined, sep
}
