// Package batch uploads batches under a short-lived token.
package batch

import "sync"

// Upload sends each batch from its own goroutine and refreshes the token after each large
// batch is through. Small batches are held back and sent together at the end, so they go
// out with the token current then.
func Upload(batches [][]string, token string, refresh func(string) string, send func(token string, b []string)) { // want "moved to heap: token" // declined "a continue at line 26 can skip the wait"
	var small sync.WaitGroup // want "moved to heap: small"
	later := make(chan struct{})
	for _, b := range batches {
		done := make(chan struct{})
		if len(b) < 2 {
			small.Add(1)
		}
		go func() { // want "func literal escapes to heap"
			defer close(done)
			if len(b) < 2 {
				defer small.Done()
				<-later
			}
			send(token, b)
		}()
		if len(b) < 2 {
			continue
		}
		<-done
		token = refresh(token)
	}
	close(later)
	small.Wait()
}
