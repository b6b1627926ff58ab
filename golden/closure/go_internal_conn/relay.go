// Package relay forwards messages through a primary or fallback connection.
package relay

import "example.com/golden/closure/go_internal_conn/internal/conn"

// Forward sends every message on its own goroutine. c's type is
// conn.client, which this package cannot spell; the rule declines variables
// whose type it cannot name with certainty.
func Forward(msgs []string, primary, fallback string, errs chan<- error) {
	c := conn.Dial(primary) // want "moved to heap: c"
	if primary == "" {
		c = conn.Dial(fallback)
	}
	for _, m := range msgs {
		go func() { // want "func literal escapes to heap"
			errs <- c.Send(m)
		}()
	}
}
