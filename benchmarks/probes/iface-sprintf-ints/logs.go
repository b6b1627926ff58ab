package store

import (
	"fmt"
	"strconv"
)

// Request is one served request, as the access log sees it.
type Request struct {
	Method string
	Path   string
	Status int
	Bytes  int64
	Millis int64
	Cached bool
}

// LogLine is the access-log line of a request.
func (r *Request) LogLine() string {
	return fmt.Sprintf("%s %s %d %d %dms", r.Method, r.Path, r.Status, r.Bytes, r.Millis)
}

// CacheNote notes whether a request was served from cache.
func (r *Request) CacheNote() string { return fmt.Sprintf("cached=%t", r.Cached) }

// Metric is a statsd line of a counter.
func Metric(name string, value int64) string { return fmt.Sprintf("%s:%d|c", name, value) }

// Gauge is a statsd gauge, with its sampling rate as a decimal.
func Gauge(name string, value int64, rate float64) string {
	return fmt.Sprintf("%s:%d|g|@%v", name, value, rate)
}

// Retries counts retries for the log.
func Retries(n int) string { return "retries=" + strconv.Itoa(n) }

// Summary is a batch's summary line.
func Summary(done, failed int, took int64) string {
	return fmt.Sprintf("done=%d failed=%d took=%dms", done, failed, took)
}

// Progress is a progress line, a percent sign and all.
func Progress(done, total int) string {
	return fmt.Sprintf("%d/%d (%d%%)", done, total, done*100/total)
}

// Worker labels a worker goroutine.
func Worker(pool string, id int) string { return fmt.Sprint(pool, "-", id) }
