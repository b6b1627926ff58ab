// Package logline writes logfmt and key=value log lines for a request logger.
package logline

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// Level is a log severity; it prints as its name.
type Level int

const (
	Debug Level = iota
	Info
	Warn
	Error
)

func (l Level) String() string {
	switch l {
	case Debug:
		return "debug"
	case Info:
		return "info"
	case Warn:
		return "warn"
	}
	return "error"
}

// Pair writes one `key=value ` field of a logfmt line.
func Pair(b *strings.Builder, k, v string) {
	fmt.Fprintf(b, "%s=%s ", k, v)
}

// Line renders a logfmt line for a request.
func Line(method, path string, status int, took time.Duration) string {
	var b strings.Builder
	fmt.Fprintf(&b, "method=%s path=%s status=%d took_ms=%d\n", method, path, status, took.Milliseconds())
	return b.String()
}

// Access renders a combined access-log line into buf.
func Access(buf *bytes.Buffer, remote, user, method, uri string, status, size int) {
	fmt.Fprintf(buf, "%s - %s \"%s %s HTTP/1.1\" %d %d\n", remote, user, method, uri, status, size)
}

// Leveled writes `level=<name> msg=<msg>`: the level prints by its String method.
func Leveled(b *strings.Builder, lvl Level, msg string) {
	fmt.Fprintf(b, "level=%s msg=%s\n", lvl, msg)
}

// Quoted writes a message that may hold spaces quoted, as logfmt requires.
func Quoted(b *strings.Builder, k, msg string) {
	fmt.Fprintf(b, "%s=%q ", k, msg)
}

// Padded writes a fixed-width column line for a terminal.
func Padded(b *strings.Builder, name, state string) {
	fmt.Fprintf(b, "%-12s %s\n", name, state)
}

// Caller writes the source position of a log call.
func Caller(b *bytes.Buffer, file string, line int) {
	fmt.Fprintf(b, "caller=%s:%d ", file, line)
}

// Err writes an error field; the error prints through its Error method.
func Err(b *bytes.Buffer, err error) {
	fmt.Fprintf(b, "err=%v ", err)
}

// Raw writes a field whose value is raw bytes read from the wire.
func Raw(b *bytes.Buffer, k string, v []byte) {
	fmt.Fprintf(b, "%s=%s ", k, v)
}

// Counted writes a field and reports how much it wrote.
func Counted(b *bytes.Buffer, k, v string) int {
	n, _ := fmt.Fprintf(b, "%s=%s ", k, v)
	return n
}

// ToWriter writes a field to any writer the caller owns.
func ToWriter(w io.Writer, k, v string) error {
	_, err := fmt.Fprintf(w, "%s=%s\n", k, v)
	return err
}

// Buffered writes a field through a bufio.Writer over the log file.
func Buffered(w *bufio.Writer, k, v string) {
	fmt.Fprintf(w, "%s=%s ", k, v)
}

// Stdout prints a line on the terminal.
func Stdout(k, v string) {
	fmt.Fprintf(os.Stdout, "%s=%s\n", k, v)
}

// Fields writes every field of a record, in order.
func Fields(keys, vals []string) string {
	var b strings.Builder
	for i, k := range keys {
		v := vals[i]
		fmt.Fprintf(&b, "%s=%s ", k, v)
	}
	return b.String()
}

// Prefixed writes a component-prefixed message line.
func Prefixed(component, msg string) string {
	var b strings.Builder
	fmt.Fprint(&b, component, ": ", msg, "\n")
	return b.String()
}

// Joined writes the words of a message separated by spaces.
func Joined(a, b2 string) string {
	var b strings.Builder
	fmt.Fprintln(&b, a, b2)
	return b.String()
}
