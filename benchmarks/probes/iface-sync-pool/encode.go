package probe41

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

type Event struct {
	Name  string            `json:"name"`
	Attrs map[string]string `json:"attrs,omitempty"`
	Count int               `json:"count"`
}

// WriteJSON encodes v into a temporary buffer then writes it with a length prefix.
func WriteJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(v); err != nil {
		return fmt.Errorf("encode: %w", err)
	}
	if _, err := fmt.Fprintf(w, "%d\n", buf.Len()); err != nil {
		return err
	}
	_, err := buf.WriteTo(w)
	return err
}

// Compress gzips the events' JSON to w.
func Compress(w io.Writer, events []Event) error {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	enc := json.NewEncoder(zw)
	for i := range events {
		if err := enc.Encode(&events[i]); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// Lines writes each event on its own line through a bufio.Writer.
func Lines(w io.Writer, events []Event) error {
	bw := bufio.NewWriter(w)
	for _, e := range events {
		fmt.Fprintf(bw, "%s %d\n", e.Name, e.Count)
	}
	return bw.Flush()
}

// Marshal returns the encoded bytes: retained, must not be pooled.
func Marshal(e Event) ([]byte, error) {
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(e); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Envelope wraps an encoded payload with a checksum line.
func Envelope(w io.Writer, e Event) error {
	payload := new(bytes.Buffer)
	if err := json.NewEncoder(payload).Encode(e); err != nil {
		return err
	}
	var sum uint32
	for _, b := range payload.Bytes() {
		sum = sum*31 + uint32(b)
	}
	_, err := fmt.Fprintf(w, "%08x %s", sum, payload.String())
	return err
}

// countingWriter is an io.Writer wrapper that counts bytes.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// Measure counts what an encoder writes, via an any-typed sink.
func Measure(e Event) int64 {
	cw := countingWriter{w: io.Discard}
	sinks := map[string]any{"count": &cw}
	json.NewEncoder(sinks["count"].(io.Writer)).Encode(e)
	return cw.n
}

var ErrEmpty = errors.New("empty")

type encodeError struct {
	op  string
	err error
}

func (e *encodeError) Error() string { return e.op + ": " + e.err.Error() }
func (e *encodeError) Unwrap() error { return e.err }

// Classify wraps then unwraps an error kept in an any field.
func Classify(op string) string {
	ee := encodeError{op: op, err: ErrEmpty}
	res := struct {
		ok  bool
		err any
	}{err: &ee}
	if e, ok := res.err.(error); ok {
		return e.Error()
	}
	return "ok"
}
