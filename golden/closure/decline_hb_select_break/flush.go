// Package flush writes buffered records to a sink.
package flush

import "sync"

// Flush hands the records to a background writer and waits for it. A hard stop returns at
// once; a soft stop breaks out of the select (not the function) to send the rest of the
// records to the fallback sink: the writer reads the destination under the lock before each
// record and picks the switch up.
func Flush(records []string, dest, fallback string, stop <-chan bool, write func(dest, rec string)) { // want "moved to heap: dest" // declined "the write at line 32 can come before the wait at line 34 returns"
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
		return
	case hard := <-stop:
		if !hard {
			break
		}
		return
	}
	mu.Lock()
	dest = fallback
	mu.Unlock()
	<-done
}
