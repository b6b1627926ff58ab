// Package flush writes buffered records to a sink.
package flush

import (
	"sync"
	"time"
)

// Flush hands the records to a background writer and waits up to timeout for it. When the
// writer is too slow, the rest of the records go to the fallback sink: the writer reads the
// destination before each record and picks the switch up.
func Flush(records []string, dest, fallback string, timeout time.Duration, write func(dest, rec string)) { // want "moved to heap: dest" // declined "the write at line 28 can come before the wait at line 24 returns"
	var mu sync.Mutex // want "moved to heap: mu"
	done := make(chan struct{})
	go func() { // want "func literal escapes to heap"
		defer close(done)
		for _, r := range records {
			mu.Lock()
			to := dest
			mu.Unlock()
			write(to, r)
		}
	}()
	select {
	case <-done:
	case <-time.After(timeout):
		mu.Lock()
		dest = fallback
		mu.Unlock()
		<-done
	}
}
