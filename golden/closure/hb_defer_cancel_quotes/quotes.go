// Package quotes asks every venue for a quote under a deadline, round after round.
package quotes

import (
	"context"
	"time"
)

// Best asks every venue for a quote, each under its own deadline, rounds times, and keeps the
// lowest. A venue's goroutine defers cancel() before it sends: the deferred call runs after the
// send, and it was evaluated when deferred. The deadline doubles only after one quote per venue
// was received, so every venue has read it.
func Best(ctx context.Context, venues []string, rounds int, timeout time.Duration, quote func(ctx context.Context, venue string) int) int { // want "moved to heap: timeout"
	best := -1
	for r := 0; r < rounds; r++ {
		quotes := make(chan int, len(venues))
		for _, v := range venues {
			go func() { // want "func literal escapes to heap"
				qctx, cancel := context.WithTimeout(ctx, timeout)
				defer cancel()
				quotes <- quote(qctx, v)
			}()
		}
		for range venues {
			if q := <-quotes; best < 0 || q < best {
				best = q
			}
		}
		timeout *= 2
	}
	return best
}
