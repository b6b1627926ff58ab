// Package retry calls a flaky endpoint.
package retry

import "time"

// Call tries the endpoint up to attempts times, each attempt in a goroutine that reports its
// error on a channel; the backoff it is given doubles after every failure.
func Call(call func(backoff time.Duration) error, attempts int) error {
	backoff := 10 * time.Millisecond // want "moved to heap: backoff"
	var err error
	for i := 0; i < attempts; i++ {
		errs := make(chan error, 1)
		go func() { // want "func literal escapes to heap"
			errs <- call(backoff)
		}()
		if err = <-errs; err == nil {
			return nil
		}
		backoff *= 2
	}
	return err
}
