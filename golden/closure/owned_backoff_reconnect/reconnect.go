// Package reconnect redials a storage peer in the background.
package reconnect

import "time"

// Reconnect dials until it succeeds or stop is closed, doubling the wait after each failure up to
// limit, and sends the attempts it took (negative when stopped). Only the goroutine uses backoff once
// it is started: its doublings are its own, so it can work on a copy and capture the parameter by value.
func Reconnect(dial func() error, backoff, limit time.Duration, stop <-chan struct{}) <-chan int { // want "moved to heap: backoff"
	res := make(chan int, 1)
	go func() { // want "func literal escapes to heap"
		attempts := 0
		for {
			attempts++
			if dial() == nil {
				res <- attempts
				return
			}
			select {
			case <-stop:
				res <- -attempts
				return
			case <-time.After(backoff):
			}
			backoff = min(2*backoff, limit)
		}
	}()
	return res
}
