// Package metricsgz serves metrics in Prometheus' text exposition format, gzipped in memory
// first, so the Content-Length is known before the headers go out.
package metricsgz

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"net/http"
	"strconv"
)

// Sample is one metric's value, with its labels already rendered (`method="GET",code="200"`).
type Sample struct {
	Name   string
	Labels string
	Value  float64
}

// Write renders the samples through fmt.Fprintf into a gzip writer over a buffer, then sends the
// buffer with its length; the writer is closed before the buffer is read and dies with the call.
func Write(w http.ResponseWriter, samples []Sample) error {
	var buf bytes.Buffer // want "moved to heap: buf"
	zw := gzip.NewWriter(&buf)
	for _, s := range samples {
		if s.Labels != "" {
			fmt.Fprintf(zw, "%s{%s} %g\n", s.Name, s.Labels, s.Value)
		} else {
			fmt.Fprintf(zw, "%s %g\n", s.Name, s.Value)
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "text/plain; version=0.0.4")
	h.Set("Content-Encoding", "gzip")
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	_, err := w.Write(buf.Bytes())
	return err
}
