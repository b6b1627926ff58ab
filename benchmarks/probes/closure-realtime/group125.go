//go:build go1.25

package realtime

import "sync"

// PingEach pings every address with WaitGroup.Go and counts the healthy ones
// after the wait.
func PingEach(addrs []string, ping func(string) bool) int {
	ok := make([]bool, len(addrs))
	scheme := "tcp://"
	var wg sync.WaitGroup
	for i, a := range addrs {
		wg.Go(func() {
			ok[i] = ping(scheme + a)
		})
	}
	wg.Wait()
	scheme = ""
	n := 0
	for _, b := range ok {
		if b {
			n++
		}
	}
	return n
}
