// Package first tags the first non-empty item once a gate opens.
package first

import "sync"

// First counts each goroutine with Add(1), yet a skipped item calls Done too: that Done takes back
// the count of a goroutine already running, so Wait returns while it still waits to read the
// suffix, and reads the one written after Wait. A copy taken at the go statement would tag with
// the old suffix.
func First(items []string, suffix string) string { // want "moved to heap: suffix" // declined "wg is used other than by this goroutine's one signal"
	res := make(chan string, len(items))
	gate, hold := make(chan struct{}), make(chan struct{})
	var wg sync.WaitGroup // want "moved to heap: wg"
	for _, it := range items {
		if it == "" {
			wg.Done()
			continue
		}
		wg.Add(1)
		go func() { // want "func literal escapes to heap"
			defer wg.Done()
			<-gate
			res <- it + suffix
			<-hold
		}()
	}
	wg.Wait()
	suffix = "!"
	close(gate)
	return <-res
}
