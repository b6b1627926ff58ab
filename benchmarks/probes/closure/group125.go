//go:build go1.25

package probe

import (
	"strings"
	"sync"
)

// Upper uses go1.25's WaitGroup.Go; sep is trimmed after the wait.
func Upper(lines []string, sep string) []string {
	out := make([]string, len(lines))
	var wg sync.WaitGroup
	for i, l := range lines {
		wg.Go(func() {
			out[i] = strings.ToUpper(strings.Join(strings.Fields(l), sep))
		})
	}
	wg.Wait()
	sep = strings.TrimSpace(sep)
	_ = sep
	return out
}
