// Package expo writes metrics in the Prometheus text exposition format.
package expo

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
)

// Help writes a family's HELP and TYPE lines.
func Help(b *bytes.Buffer, name, help, kind string) {
	fmt.Fprintf(b, "# HELP %s %s\n", name, help)
	fmt.Fprintf(b, "# TYPE %s %s\n", name, kind)
}

// Counter writes one counter sample with a single label.
func Counter(b *bytes.Buffer, name, label, value string, n uint64) {
	fmt.Fprintf(b, "%s{%s=\"%s\"} %d\n", name, label, value, n)
}

// Gauge writes one gauge sample as a float.
func Gauge(b *bytes.Buffer, name string, v float64) {
	fmt.Fprintf(b, "%s %g\n", name, v)
}

// Bucket writes one histogram bucket line.
func Bucket(b *bytes.Buffer, name, le string, count uint64) {
	fmt.Fprintf(b, "%s_bucket{le=\"%s\"} %d\n", name, le, count)
}

// Labels renders a label set already escaped by the caller.
func Labels(names, values []string) string {
	var b strings.Builder
	b.WriteByte('{')
	for i, n := range names {
		if i > 0 {
			b.WriteByte(',')
		}
		v := values[i]
		fmt.Fprintf(&b, "%s=%q", n, v)
	}
	b.WriteByte('}')
	return b.String()
}

// Series renders a series key `name{labels}` for a cache lookup.
func Series(name, labels string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s%s", name, labels)
	return b.String()
}

// Family writes a whole family to the scrape's writer.
func Family(w io.Writer, name string, values []float64) error {
	for i, v := range values {
		if _, err := fmt.Fprintf(w, "%s{shard=\"%d\"} %g\n", name, i, v); err != nil {
			return err
		}
	}
	return nil
}

// Scrape writes every family through a buffered writer.
func Scrape(w *bufio.Writer, names []string, values []float64) error {
	for i, n := range names {
		fmt.Fprintf(w, "%s %g\n", n, values[i])
	}
	return w.Flush()
}

// Summary writes a quantile line: the quantile as %v of a string.
func Summary(b *bytes.Buffer, name, q string, v float64) {
	fmt.Fprintf(b, "%s{quantile=\"%v\"} %g\n", name, q, v)
}

// Timestamped writes a sample with its millisecond timestamp.
func Timestamped(b *bytes.Buffer, name string, v float64, ms int64) {
	fmt.Fprintf(b, "%s %g %d\n", name, v, ms)
}
