// Package wire writes framed messages and counts the bytes that reach the connection.
package wire

import (
	"bytes"
	"fmt"
	"io"
)

// Counter is an io.Writer that counts what it passes on: it hands p to w and keeps none of it.
type Counter struct {
	w io.Writer
	n int64
}

// NewCounter counts the bytes written to w.
func NewCounter(w io.Writer) *Counter { return &Counter{w: w} }

func (c *Counter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// Written is the number of bytes passed on so far.
func (c *Counter) Written() int64 { return c.n }

// Frame writes one "LEN kind payload" frame in a single Write, formatted into a buffer first.
func Frame(w io.Writer, kind string, payload []byte) error {
	var buf bytes.Buffer // want "moved to heap: buf"
	fmt.Fprintf(&buf, "%d %s ", len(payload), kind)
	buf.Write(payload)
	buf.WriteByte('\n')
	_, err := w.Write(buf.Bytes())
	return err
}
