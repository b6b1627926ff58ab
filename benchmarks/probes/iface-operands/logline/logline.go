// Package logline formats log lines and errors of a batch writer.
package logline

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"
)

// Batch is a set of records flushed together.
type Batch struct {
	Name  string
	Items []string
	Start time.Time
	Tags  map[string]string
}

// Sink receives a batch.
type Sink interface {
	Name() string
	Write(items []string) error
}

// Flushed reports a flush of the batch.
func Flushed(b *Batch) string {
	return fmt.Sprintf("flushed %s: %d items", b.Name, len(b.Items))
}

// Took reports the time since the batch started.
func Took(name string, start time.Time) string {
	return fmt.Sprintf("%s took %dms", name, time.Since(start).Milliseconds())
}

// Count is the batch's size alone.
func Count(items []string) string {
	return fmt.Sprintf("items=%d", len(items))
}

// First is the batch's first record.
func First(items []string) string {
	return fmt.Sprintf("first=%s", items[0])
}

// Tagged reads a tag.
func (b *Batch) Tagged(key string) string {
	return fmt.Sprintf("%s=%s", key, b.Tags[key])
}

// To names the sink.
func To(s Sink, batch string) string {
	return fmt.Sprintf("%s -> %s", batch, s.Name())
}

// Failed is an error naming the sink.
func Failed(s Sink, err error) error {
	return fmt.Errorf("sink %s: %v", s.Name(), err)
}

// Empty is an error for an empty batch.
func Empty(b *Batch) error {
	return fmt.Errorf("batch %s is empty", b.Name)
}

// Missing names the missing record.
func Missing(items []string, i int) error {
	return fmt.Errorf("record %s is missing", items[i])
}

// Payload is a record's text from raw bytes.
func Payload(raw []byte, n int) string {
	return fmt.Sprintf("payload: %s", raw[:n])
}

// Converted is a record's text through a conversion.
func Converted(raw []byte, n int) string {
	return fmt.Sprintf("payload: %s", string(raw[:n]))
}

// Header writes a header and the batch size to a buffer it returns.
func Header(b *Batch) []byte {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "batch %s (%d)\n", b.Name, len(b.Items))
	return buf.Bytes()
}

// Line writes one line per item.
func Line(w io.Writer, b *Batch) {
	for i := range b.Items {
		fmt.Fprintf(w, "%s: %s\n", b.Name, b.Items[i])
	}
}

// Written tells how much the buffer holds, read from the buffer itself.
func Written(name string) string {
	var buf bytes.Buffer
	buf.WriteString(name)
	fmt.Fprintf(&buf, " %s %d", name, buf.Len())
	return buf.String()
}

// Wrapped returns an error with the batch name joined to the cause.
func Wrapped(b *Batch, cause error) error {
	return errors.Join(fmt.Errorf("batch %s", b.Name), cause)
}

// Retry joins two errors: the second computed by a call.
func Retry(name string, next func() error) error {
	return errors.Join(fmt.Errorf("retrying %s", name), next())
}

// Quote keeps strconv's quoting.
func Quote(name string) string {
	return fmt.Sprintf("name %s", strconv.Quote(name))
}

// Elapsed is a duration formatted by its String method.
func Elapsed(start time.Time) string {
	return fmt.Sprintf("elapsed %s", time.Since(start))
}

// Upper shows an item's text upper-cased by a helper of this package.
func Upper(items []string) string {
	return fmt.Sprintf("%s/%s", items[0], shout(items[1]))
}

func shout(s string) string {
	return s + "!"
}

var seq int

// Next numbers a line by a counter a call moves.
func Next(prefix string) string {
	return fmt.Sprintf("%d %s", seq, advance(prefix))
}

func advance(p string) string {
	seq++
	return p
}
