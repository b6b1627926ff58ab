// Package renderkit holds the output side of a small service: log lines,
// exports, tables, diffs, mail and query text.
package renderkit

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// Field is one key/value pair of a structured log line.
type Field struct {
	Key   string
	Value any
}

// Logger writes one line per call to its writer.
type Logger struct {
	mu  sync.Mutex
	out io.Writer
	// last keeps the most recent line for the /debug/lastlog endpoint.
	last []byte
}

func NewLogger(w io.Writer) *Logger { return &Logger{out: w} }

func needsQuote(s string) bool {
	if s == "" {
		return true
	}
	for _, r := range s {
		if r <= ' ' || r == '=' || r == '"' || r == utf8.RuneError {
			return true
		}
	}
	return false
}

func appendValue(buf *bytes.Buffer, v any) {
	switch x := v.(type) {
	case string:
		if needsQuote(x) {
			buf.WriteString(strconv.Quote(x))
		} else {
			buf.WriteString(x)
		}
	case int:
		buf.WriteString(strconv.Itoa(x))
	case bool:
		buf.WriteString(strconv.FormatBool(x))
	case time.Duration:
		buf.WriteString(x.String())
	case error:
		buf.WriteString(strconv.Quote(x.Error()))
	default:
		fmt.Fprintf(buf, "%q", fmt.Sprint(x))
	}
}

// Logfmt writes a logfmt line: ts=... level=... msg=... k=v.
func (l *Logger) Logfmt(level, msg string, fields ...Field) error {
	var buf bytes.Buffer
	buf.WriteString("ts=")
	buf.WriteString(time.Now().UTC().Format(time.RFC3339))
	buf.WriteString(" level=")
	buf.WriteString(level)
	buf.WriteString(" msg=")
	appendValue(&buf, msg)
	for _, f := range fields {
		buf.WriteByte(' ')
		buf.WriteString(f.Key)
		buf.WriteByte('=')
		appendValue(&buf, f.Value)
	}
	buf.WriteByte('\n')
	l.mu.Lock()
	defer l.mu.Unlock()
	_, err := l.out.Write(buf.Bytes())
	return err
}

// JSONLine writes one JSON object per line with sorted keys.
func (l *Logger) JSONLine(level, msg string, fields map[string]any) error {
	buf := new(bytes.Buffer)
	buf.WriteString(`{"level":`)
	buf.WriteString(strconv.Quote(level))
	buf.WriteString(`,"msg":`)
	buf.WriteString(strconv.Quote(msg))
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(buf, ",%q:", k)
		switch v := fields[k].(type) {
		case string:
			buf.WriteString(strconv.Quote(v))
		case int:
			buf.WriteString(strconv.Itoa(v))
		default:
			fmt.Fprintf(buf, "%q", fmt.Sprint(v))
		}
	}
	buf.WriteString("}\n")
	l.mu.Lock()
	defer l.mu.Unlock()
	_, err := buf.WriteTo(l.out)
	return err
}

// Remember formats a line and keeps it for the debug endpoint: the bytes
// are retained in the logger, so this buffer must not be recycled.
func (l *Logger) Remember(msg string) {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "%s %s", time.Now().Format(time.Kitchen), msg)
	l.mu.Lock()
	l.last = buf.Bytes()
	l.mu.Unlock()
}

// FormatLine returns a logfmt line as bytes for the caller to batch.
func FormatLine(level, msg string) []byte {
	buf := bytes.NewBuffer(make([]byte, 0, 256))
	buf.WriteString("level=")
	buf.WriteString(level)
	buf.WriteString(" msg=")
	appendValue(buf, msg)
	return buf.Bytes()
}

// AsyncLogger hands formatted lines to a background writer.
type AsyncLogger struct {
	lines chan []byte
}

// Log formats on the caller's goroutine; the writer goroutine reads the
// bytes later, so the buffer is retained by another goroutine.
func (a *AsyncLogger) Log(msg string, n int) {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "msg=%q n=%d\n", msg, n)
	a.lines <- buf.Bytes()
}

// Caller writes a short caller prefix: "file.go:12 ".
func Caller(w io.Writer, file string, line int) {
	var sb strings.Builder
	if i := strings.LastIndexByte(file, '/'); i >= 0 {
		file = file[i+1:]
	}
	sb.WriteString(file)
	sb.WriteByte(':')
	sb.WriteString(strconv.Itoa(line))
	sb.WriteByte(' ')
	io.WriteString(w, sb.String())
}
