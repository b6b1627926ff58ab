// Package retry calls a backend with a deadline, retrying with a longer timeout.
package retry

import (
	"context"
	"time"
)

// Call runs do in a goroutine with the current timeout and waits for its answer or the
// context; every path to the next attempt passes through the answer, so the timeout doubles
// only once do has read it.
func Call(ctx context.Context, attempts int, timeout time.Duration, do func(time.Duration) error) error { // want "moved to heap: timeout"
	var err error
	for a := 0; a < attempts; a++ {
		errc := make(chan error, 1)
		go func() { // want "func literal escapes to heap"
			errc <- do(timeout)
		}()
		select {
		case err = <-errc:
			if err == nil {
				return nil
			}
		case <-ctx.Done():
			return ctx.Err()
		}
		timeout *= 2
	}
	return err
}
