// Package retry decides what a worker does with a failed call's reply.
package retry

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

// Next says what the worker does after the attempt-th dial of addr failed.
func Next(addr string, attempt int, expired bool) string {
	de := dialError{addr: addr, expired: expired} // want "moved to heap: de"
	r := reply{attempt: attempt, err: &de}
	if ne, ok := r.err.(net.Error); ok && ne.Timeout() {
		return "retry " + strconv.Itoa(r.attempt+1)
	}
	return "give up after " + strconv.Itoa(r.attempt)
}
