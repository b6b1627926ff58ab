package gateway

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"

	"example.com/freshgw/limits"
)

// errorBody is the JSON body of an error response.
type errorBody struct {
	Status    int    `json:"status"`
	Message   string `json:"message"`
	RequestID string `json:"request_id"`
}

// writeError renders a JSON error response.
func writeError(w http.ResponseWriter, status int, msg, id string) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	if err := enc.Encode(errorBody{status, msg, id}); err != nil {
		http.Error(w, msg, status)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// renderStatus writes a plain-text status page.
func renderStatus(w io.Writer, routes []Route, up map[string]bool) error {
	buf := new(bytes.Buffer)
	fmt.Fprintf(buf, "%d routes\n", len(routes))
	for _, r := range routes {
		fmt.Fprintf(buf, "%-32s -> %-20s up=%t\n", r.Pattern, r.Backend, up[r.Backend])
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// proxyBody copies a backend body with a fixed chunk buffer.
func proxyBody(dst io.Writer, src io.Reader) (int64, error) {
	chunk := make([]byte, 32*1024)
	return io.CopyBuffer(dst, src, chunk)
}

// headerBlock renders response headers into one write.
func headerBlock(w io.Writer, h http.Header) error {
	buf := make([]byte, 0, limits.MaxHeaderName+limits.MaxHeaderValue)
	for k, vs := range h {
		for _, v := range vs {
			buf = append(buf[:0], k...)
			buf = append(buf, ": "...)
			buf = append(buf, v...)
			buf = append(buf, "\r\n"...)
			if _, err := w.Write(buf); err != nil {
				return err
			}
		}
	}
	return nil
}

// metricsLine is one metrics sample.
type metricsLine struct {
	Name  string  `json:"name"`
	Value float64 `json:"value"`
}

// writeMetrics encodes samples as JSON lines.
func writeMetrics(w io.Writer, samples map[string]float64) error {
	enc := json.NewEncoder(w)
	for k, v := range samples {
		m := &metricsLine{Name: k, Value: v}
		if err := enc.Encode(m); err != nil {
			return err
		}
	}
	return nil
}

// summaryJSON returns a small JSON summary as bytes.
func summaryJSON(reqs, errs int) []byte {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, `{"requests":%d,"errors":%d}`, reqs, errs)
	return bytes.Clone(buf.Bytes())
}

// handler builds a handler that echoes the request id in a pooled buffer.
func handler(prefix string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		buf := make([]byte, 0, 256)
		buf = append(buf, prefix...)
		buf = append(buf, r.Header.Get("X-Request-Id")...)
		w.Write(buf)
	}
}
