// Package metrics writes counters in the Prometheus text format, one scrape at a time.
package metrics

import (
	"bytes"
	"fmt"
	"io"
)

// Counter is one named count with its labels already rendered.
type Counter struct {
	Name, Help, Labels string
	Value              float64
}

// Expose writes every counter in one Write: the scrape's connection sees whole lines only. The
// buffer starts with a capacity hint; only fmt and io.Writer's Write see it, and keep nothing.
func Expose(w io.Writer, counters []Counter) error {
	buf := bytes.NewBuffer(make([]byte, 0, 4096)) // want "&bytes.Buffer{...} escapes to heap" "make\\(\\[\\]byte, 0, 4096\\) escapes to heap"
	for _, c := range counters {
		fmt.Fprintf(buf, "# HELP %s %s\n# TYPE %s counter\n", c.Name, c.Help, c.Name)
		fmt.Fprintf(buf, "%s{%s} %g\n", c.Name, c.Labels, c.Value)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// Line renders one counter as the text a log line quotes.
func Line(c Counter) string {
	buf := bytes.NewBufferString("") // want "&bytes.Buffer{...} escapes to heap"
	fmt.Fprintf(buf, "%s{%s}=%g", c.Name, c.Labels, c.Value)
	return buf.String()
}
