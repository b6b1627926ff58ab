package gateway

import (
	"errors"
	"fmt"
	"io"
	"log"
	"strconv"
	"time"

	"example.com/freshgw/limits"
)

// accessLine formats one access-log line.
func accessLine(method, path string, status int, took time.Duration) string {
	return fmt.Sprintf("%s %s %d %dus", method, path, status, took.Microseconds())
}

// logAccess writes an access line through the standard logger.
func logAccess(l *log.Logger, method, path string, status int) {
	l.Printf("access method=%s path=%s status=%d", method, path, status)
}

// upstreamError wraps a backend failure with its status.
func upstreamError(backend string, status int, err error) error {
	return fmt.Errorf("upstream %s returned %d: %w", backend, status, err)
}

// StatusError carries an HTTP status.
type StatusError struct {
	Code int
	Msg  string
}

func (e *StatusError) Error() string { return strconv.Itoa(e.Code) + " " + e.Msg }

// statusOf finds the status an error carries.
func statusOf(err error) int {
	var se *StatusError
	if errors.As(err, &se) {
		return se.Code
	}
	return 500
}

// appendLogLine formats a log line into a fixed-size line buffer and writes it.
func appendLogLine(w io.Writer, reqID, msg string) error {
	n := len(reqID) + len(msg) + 3
	if n > limits.LogLineBytes {
		n = limits.LogLineBytes
	}
	line := make([]byte, 0, n)
	line = append(line, '[')
	line = append(line, reqID...)
	line = append(line, "] "...)
	line = append(line, msg...)
	if len(line) > limits.LogLineBytes-1 {
		line = line[:limits.LogLineBytes-1]
	}
	line = append(line, '\n')
	_, err := w.Write(line)
	return err
}

// levelTag renders a level as a fixed-width tag.
func levelTag(level int) string {
	var s any = level
	if n, ok := s.(int); ok && n >= 0 && n < 4 {
		return [...]string{"DEBUG", "INFO ", "WARN ", "ERROR"}[n]
	}
	return fmt.Sprint(s)
}

// durationField formats a duration for the structured log in milliseconds.
func durationField(d time.Duration) string {
	ms := d.Milliseconds()
	return fmt.Sprintf("%dms", ms)
}

// kvLine renders alternating keys and values as key=value pairs.
func kvLine(w io.Writer, kv ...any) {
	for i := 0; i+1 < len(kv); i += 2 {
		fmt.Fprintf(w, "%v=%v ", kv[i], kv[i+1])
	}
	io.WriteString(w, "\n")
}

// logRequest logs a request's id, status and latency.
func logRequest(w io.Writer, id string, status int, took time.Duration) {
	kvLine(w, "id", id, "status", status, "ms", took.Milliseconds())
}
