// Package trace renders a recovered panic's stack for a terminal and tees every response it wraps
// into a log, as HTTP middleware does. The tee's Write hands p[:n] on, a slice expression of p:
// it may look past len(p), so no pooled Buffer's storage may ever reach it. Decorate's buffer
// never hands its storage to anything: the helper writes into it and String copies out.
package trace

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// teeWriter copies what it writes to the client into a log.
type teeWriter struct {
	http.ResponseWriter
	log io.Writer
}

func (t *teeWriter) Write(p []byte) (int, error) {
	n, err := t.ResponseWriter.Write(p)
	if t.log != nil {
		t.log.Write(p[:n])
	}
	return n, err
}

// Tee wraps w so that every response body is also written to log.
func Tee(w http.ResponseWriter, log io.Writer) http.ResponseWriter {
	return &teeWriter{ResponseWriter: w, log: log}
}

var (
	colorFunc = []byte("\x1b[33m")
	reset     = []byte("\x1b[0m")
)

// paint writes one colored fragment: w.Write copies into the buffer and fmt.Fprintf calls only Write.
func paint(w io.Writer, color []byte, format string, args ...any) {
	if color != nil {
		w.Write(color)
	}
	fmt.Fprintf(w, format, args...)
	if color != nil {
		w.Write(reset)
	}
}

// Decorate renders one `pkg.Func(...)` line of a stack trace.
func Decorate(line string, color bool) string {
	idx := strings.LastIndex(line, "(")
	if idx < 0 {
		return line
	}
	buf := &bytes.Buffer{} // want "&bytes.Buffer{} escapes to heap"
	var c []byte
	if color {
		c = colorFunc
	}
	paint(buf, nil, "    ")
	paint(buf, c, "%s", line[:idx])
	paint(buf, nil, "%s\n", line[idx:])
	return buf.String()
}
