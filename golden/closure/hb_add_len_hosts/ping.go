// Package ping probes a set of hosts concurrently.
package ping

import (
	"strings"
	"sync"
	"time"
)

// Options says how a host is probed.
type Options struct {
	Port    int
	Timeout time.Duration
}

// Check probes every host with the same options and returns the hosts that answered, with the
// options doubled for a second round: the WaitGroup counts the hosts before the loop starts them.
func Check(hosts []string, opts Options, probe func(string, Options) bool) ([]string, Options) {
	ok := make([]bool, len(hosts))
	var wg sync.WaitGroup
	wg.Add(len(hosts))
	for i, h := range hosts {
		go func() { // want "func literal escapes to heap"
			defer wg.Done()
			ok[i] = probe(strings.ToLower(h), opts)
		}()
	}
	wg.Wait()
	opts.Timeout *= 2
	var up []string
	for i, h := range hosts {
		if ok[i] {
			up = append(up, h)
		}
	}
	return up, opts
}
