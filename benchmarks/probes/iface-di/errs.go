package di

import (
	"errors"
	"fmt"
	"io"
	"time"
)

// OpError wraps a failed protocol operation.
type OpError struct {
	Op  string
	Err error
}

func (e *OpError) Error() string { return e.Op + ": " + e.Err.Error() }
func (e *OpError) Unwrap() error { return e.Err }

// TimeoutError is a transport timeout.
type TimeoutError struct{ After time.Duration }

func (e *TimeoutError) Error() string   { return "timeout after " + e.After.String() }
func (e *TimeoutError) Timeout() bool   { return true }
func (e *TimeoutError) Temporary() bool { return true }

type timeout interface{ Timeout() bool }

// IsTimeout walks the chain with errors.As.
func IsTimeout(err error) bool {
	var t timeout
	return errors.As(err, &t) && t.Timeout()
}

// Classify builds an error locally and classifies it by a type switch.
func Classify(after time.Duration) string {
	te := TimeoutError{After: after}
	var err error = &te
	switch e := err.(type) {
	case *OpError:
		return "op " + e.Op
	case timeout:
		if e.Timeout() {
			return "timeout"
		}
	}
	return "other"
}

// Wrapped classifies a wrapped timeout: the OpError keeps the inner error.
func Wrapped(op string) bool {
	te := TimeoutError{After: time.Second}
	oe := OpError{Op: op, Err: &te}
	var err error = &oe
	return IsTimeout(err)
}

// Unwrapped reads the cause of an op error built locally.
func Unwrapped(op string) string {
	oe := OpError{Op: op, Err: io.ErrUnexpectedEOF}
	var err error = &oe
	if u, ok := err.(interface{ Unwrap() error }); ok {
		return u.Unwrap().Error()
	}
	return err.Error()
}

// RetryPolicy decides the delay before attempt n.
type RetryPolicy interface {
	Delay(n int) time.Duration
}

type constant struct{ d time.Duration }

func (c *constant) Delay(int) time.Duration { return c.d }

type exponential struct {
	base, max time.Duration
}

func (e *exponential) Delay(n int) time.Duration {
	d := e.base << n
	if d > e.max || d <= 0 {
		return e.max
	}
	return d
}

// Backoff selects a policy by name and sums its delays.
func Backoff(kind string, attempts int) time.Duration {
	var p RetryPolicy
	switch kind {
	case "exp":
		p = &exponential{base: time.Millisecond, max: time.Second}
	default:
		p = &constant{d: 10 * time.Millisecond}
	}
	var total time.Duration
	for i := 0; i < attempts; i++ {
		total += p.Delay(i)
	}
	return total
}

// FixedBackoff uses one policy held as an interface local.
func FixedBackoff(attempts int) time.Duration {
	c := constant{d: 5 * time.Millisecond}
	var p RetryPolicy = &c
	var total time.Duration
	for i := 0; i < attempts; i++ {
		total += p.Delay(i)
	}
	return total
}

// Describe formats an error table entry.
func Describe(op string) string {
	cases := []struct {
		name string
		err  any
	}{
		{"eof", io.EOF},
	}
	te := TimeoutError{After: 2 * time.Second}
	row := [2]any{op, &te}
	return fmt.Sprint(cases[0].name, " ", row[0].(string), " ", row[1].(error).Error())
}
