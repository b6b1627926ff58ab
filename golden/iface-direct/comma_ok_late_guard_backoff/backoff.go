// Package backoff decides how long a worker waits before it dials again.
package backoff

import (
	"net"
	"strconv"
)

type dialError struct {
	addr    string
	expired bool
}

func (e *dialError) Error() string   { return "dial " + e.addr + ": failed" }
func (e *dialError) Timeout() bool   { return e.expired }
func (e *dialError) Temporary() bool { return e.expired }

type reply struct {
	attempt int
	err     error
}

// Delay says how long the worker waits after the attempt-th dial of addr failed, or that it stops.
func Delay(addr string, attempt int, expired bool) string {
	de := dialError{addr: addr, expired: expired} // want "moved to heap: de"
	r := reply{attempt: attempt, err: &de}
	ne, ok := r.err.(net.Error)
	if !ok || !ne.Timeout() {
		return "stop after " + strconv.Itoa(r.attempt)
	}
	return "wait " + strconv.Itoa(1<<r.attempt) + "ms"
}
