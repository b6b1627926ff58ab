// Package segment writes an index segment: each term with its length and a checksum, through the package's own
// Writer, which wraps the caller's writer in a bufio.Writer. A segment is written into a buffer first, so a
// failing entry writes nothing to w.
package segment

import (
	"bufio"
	"bytes"
	"errors"
	"io"
)

// Writer writes length-prefixed terms, each followed by a one-byte checksum.
type Writer struct {
	w *bufio.Writer
	n int
}

// NewWriter wraps w.
func NewWriter(w io.Writer) *Writer {
	return &Writer{w: bufio.NewWriter(w)}
}

// Add writes one term.
func (sw *Writer) Add(term string) error {
	if len(term) > 255 {
		return errors.New("segment: term too long")
	}
	sw.w.WriteByte(byte(len(term)))
	sw.w.WriteString(term)
	var sum byte
	for i := 0; i < len(term); i++ {
		sum = sum*31 + term[i]
	}
	sw.n++
	return sw.w.WriteByte(sum)
}

// Close flushes what Add buffered.
func (sw *Writer) Close() error { return sw.w.Flush() }

// Write writes the terms as one segment to w.
func Write(w io.Writer, terms []string) (int, error) {
	var buf bytes.Buffer // want "moved to heap: buf"
	sw := NewWriter(&buf)
	for _, t := range terms {
		if err := sw.Add(t); err != nil {
			return 0, err
		}
	}
	if err := sw.Close(); err != nil {
		return 0, err
	}
	return w.Write(buf.Bytes())
}
