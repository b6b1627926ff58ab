package codecs

import (
	"errors"
	"fmt"
	"net"
	"os"
	"strconv"
	"time"
)

// opError is what our transport returns: the operation and whether it timed out.
type opError struct {
	Op        string
	timeout   bool
	temporary bool
}

func (e *opError) Error() string   { return "transport: " + e.Op + " failed" }
func (e *opError) Timeout() bool   { return e.timeout }
func (e *opError) Temporary() bool { return e.temporary }

// statusError carries an HTTP status from an upstream.
type statusError struct{ Code int }

func (e statusError) Error() string { return "upstream status " + strconv.Itoa(e.Code) }

// ErrClosed is returned once the client is closed.
var ErrClosed = errors.New("client closed")

type timeouter interface{ Timeout() bool }
type temporary interface{ Temporary() bool }

// Retryable says whether a failed transport op is worth another attempt.
func Retryable(op string, timedOut, temp bool) bool {
	oe := opError{Op: op, timeout: timedOut, temporary: temp}
	var err error = &oe
	if t, ok := err.(timeouter); ok && t.Timeout() {
		return true
	}
	if t, ok := err.(temporary); ok {
		return t.Temporary()
	}
	return false
}

// IsTimeout reports a timed-out op the way net.Error users check it.
func IsTimeout(op string) bool {
	oe := opError{Op: op, timeout: true}
	var err error = &oe
	ne, ok := err.(net.Error)
	return ok && ne.Timeout()
}

// StatusClass buckets an upstream status for metrics.
func StatusClass(code int) string {
	se := statusError{Code: code}
	var err error = se
	if s, ok := err.(statusError); ok {
		return strconv.Itoa(s.Code/100) + "xx"
	}
	return "other"
}

// Classify names the class of a transport failure for an alert.
func Classify(op string, timedOut bool) string {
	oe := opError{Op: op, timeout: timedOut}
	var err error = &oe
	switch e := err.(type) {
	case timeouter:
		if e.Timeout() {
			return "timeout"
		}
		return "error"
	case interface{ Unwrap() error }:
		return "wrapped"
	}
	return "unknown"
}

// StatusOf digs the upstream status out of a wrapped error.
func StatusOf(code int) int {
	err := fmt.Errorf("fetch: %w", statusError{Code: code})
	var se statusError
	if errors.As(err, &se) {
		return se.Code
	}
	return 0
}

// PathOf returns the path of a filesystem error, or "".
func PathOf(name string) string {
	pe := os.PathError{Op: "open", Path: name, Err: os.ErrNotExist}
	var err error = &pe
	var target *os.PathError
	if errors.As(err, &target) {
		return target.Path
	}
	return ""
}

// ShouldBackoff decides, from an op's outcome, how long to wait.
func ShouldBackoff(op string, attempt int) time.Duration {
	oe := opError{Op: op, temporary: attempt < 3}
	var err error = &oe
	if errors.Is(err, ErrClosed) {
		return 0
	}
	if t, ok := err.(temporary); ok && t.Temporary() {
		return time.Duration(attempt) * 100 * time.Millisecond
	}
	return 0
}

// Outcome is the result record a worker reports for a job.
type Outcome struct {
	Job  string
	Err  error
	Took time.Duration
}

// JobAlert says whether a job's failure should page someone.
func JobAlert(job string, timedOut bool) bool {
	oe := opError{Op: job, timeout: timedOut}
	out := Outcome{Job: job, Err: &oe, Took: time.Second}
	if t, ok := out.Err.(timeouter); ok && t.Timeout() {
		return out.Took > 500*time.Millisecond
	}
	return true
}

// ErrorKinds reports for each failure of a batch whether it timed out.
func ErrorKinds(ops []string) int {
	timeouts := 0
	for _, op := range ops {
		oe := opError{Op: op, timeout: len(op) > 3}
		var err error = &oe
		if t, ok := err.(timeouter); ok && t.Timeout() {
			timeouts++
		}
	}
	return timeouts
}

// Wrapped reports the message of an op failure wrapped with its attempt.
func Wrapped(op string, attempt int) string {
	oe := opError{Op: op}
	err := fmt.Errorf("attempt %d: %w", attempt, &oe)
	if t, ok := errors.Unwrap(err).(timeouter); ok && t.Timeout() {
		return "timeout"
	}
	return err.Error()
}
