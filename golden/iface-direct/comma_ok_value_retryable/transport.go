// Package transport classifies the errors of a failed RPC for its retry policy.
package transport

import "net"

type opError struct {
	op      string
	timeout bool
}

func (e *opError) Error() string   { return "transport: " + e.op + " failed" }
func (e *opError) Timeout() bool   { return e.timeout }
func (e *opError) Temporary() bool { return e.timeout }

type result struct {
	attempt int
	err     error
}

// Retryable says whether the attempt-th call of op may be retried: a timeout may, within three attempts.
func Retryable(op string, attempt int, timedOut bool) bool {
	oe := opError{op: op, timeout: timedOut} // want "moved to heap: oe"
	res := result{attempt: attempt, err: &oe}
	ne, ok := res.err.(net.Error)
	return ok && ne.Timeout() && res.attempt < 3
}
