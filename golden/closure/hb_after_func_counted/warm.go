// Package warm spreads a cache's warm-up loads over a window.
package warm

import (
	"strings"
	"sync"
	"time"
)

// Spread loads every key, the i-th after i steps, from the timers' own goroutines, and waits for all of
// them: time.AfterFunc, its Timer dropped, runs each literal once in a goroutine of its own, as a go
// statement would, so the Add(1) before it counts it and Wait returns only after every load; the source
// is renamed for the summary only then.
func Spread(keys []string, step time.Duration, source string, load func(string) string) string {
	source = strings.TrimSuffix(source, "/")
	got := make([]string, len(keys))
	var wg sync.WaitGroup
	for i, k := range keys {
		wg.Add(1)
		time.AfterFunc(step*time.Duration(i), func() { // want "func literal escapes to heap"
			defer wg.Done()
			got[i] = load(source + "/" + k)
		})
	}
	wg.Wait()
	source = strings.ToUpper(source)
	return source + ": " + strings.Join(got, ",")
}
