// Package probe measures every host's latency, round after round.
package probe

import (
	"sync"
	"time"
)

// Pinger measures one host's latency, giving up after timeout.
type Pinger func(host string, timeout time.Duration) time.Duration

// Rounds pings every host once a round under the round's timeout, sums the latencies as they
// arrive, and backs the timeout off before it waits for the round's workers to exit. Each worker
// sends its latency as its last act, after its read of the timeout; its deferred Done runs after
// that send, and the round receives one latency per host before it changes the timeout.
func Rounds(hosts []string, rounds int, timeout time.Duration, ping Pinger) time.Duration { // want "moved to heap: timeout"
	var total time.Duration
	for r := 0; r < rounds; r++ {
		var wg sync.WaitGroup // want "moved to heap: wg"
		latency := make(chan time.Duration, len(hosts))
		for _, h := range hosts {
			wg.Add(1)
			go func() { // want "func literal escapes to heap"
				defer wg.Done()
				latency <- ping(h, timeout)
			}()
		}
		for range hosts {
			total += <-latency
		}
		timeout += timeout / 2
		wg.Wait()
	}
	return total
}
