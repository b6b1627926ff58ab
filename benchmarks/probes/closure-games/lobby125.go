//go:build go1.25

package arena

import "sync"

// Resync sends every player the full state after a hitch, one goroutine each
// through WaitGroup.Go; the epoch advances after all are sent.
func Resync(players []*Player, epoch int, state func(int) string) int {
	var wg sync.WaitGroup
	for _, p := range players {
		wg.Go(func() {
			select {
			case p.Inbox <- state(epoch):
			case <-p.closed:
			}
		})
	}
	wg.Wait()
	epoch++
	return epoch
}
