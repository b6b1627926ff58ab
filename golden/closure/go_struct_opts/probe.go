// Package probe health-checks a set of targets concurrently.
package probe

import (
	"net"
	"time"
)

// Options tunes one probe.
type Options struct {
	Network string
	Timeout time.Duration
	Retries int
}

// Result is the outcome of probing one target.
type Result struct {
	Addr string
	Err  error
}

// All dials every target and reports one Result per target.
func All(targets []string, quick bool) <-chan Result {
	opts := Options{Network: "tcp", Timeout: 2 * time.Second, Retries: 3} // want "moved to heap: opts"
	if quick {
		opts.Timeout = 200 * time.Millisecond
		opts.Retries = 1
	}
	out := make(chan Result, len(targets))
	for _, addr := range targets {
		go func() {
			// keep: comment inside the goroutine
			var err error
			for i := 0; i < opts.Retries; i++ {
				var c net.Conn
				if c, err = net.DialTimeout(opts.Network, addr, opts.Timeout); err == nil {
					c.Close()
					break
				}
			}
			out <- Result{Addr: addr, Err: err}
		}()
	}
	return out
}
