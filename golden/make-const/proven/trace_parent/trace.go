// Package trace propagates W3C trace context on requests the edge forwards.
package trace

import "encoding/hex"

// Context is the trace a request belongs to.
type Context struct {
	TraceID [16]byte
	SpanID  [8]byte
	Sampled bool
}

// Header formats the traceparent header: version, trace ID, parent span ID and flags, dash-separated
// ("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").
func (c *Context) Header() string {
	tid := hex.EncodeToString(c.TraceID[:])
	sid := hex.EncodeToString(c.SpanID[:])
	b := make([]byte, 0, len("00-")+len(tid)+1+len(sid)+len("-01")) // want(<go1.25) "make\\(\\[\\]byte, 0, 3 \\+ len\\(tid\\) \\+ 1 \\+ len\\(sid\\) \\+ 3\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, 0, 3 \\+ len\\(tid\\) \\+ 1 \\+ len\\(sid\\) \\+ 3\\) does not escape"
	b = append(b, "00-"...)
	b = append(b, tid...)
	b = append(b, '-')
	b = append(b, sid...)
	if c.Sampled {
		b = append(b, "-01"...)
	} else {
		b = append(b, "-00"...)
	}
	return string(b)
}
