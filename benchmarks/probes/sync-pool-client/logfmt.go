package httplog

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Level is a log severity.
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

// Field is one key=value pair of a structured line.
type Field struct {
	Key   string
	Value any
}

// Logger writes logfmt lines to an io.Writer, one Write per line.
type Logger struct {
	mu     sync.Mutex
	out    io.Writer
	prefix string
	last   []byte // the last line written, for tests
}

func NewLogger(out io.Writer, prefix string) *Logger {
	return &Logger{out: out, prefix: prefix}
}

// needsQuote reports whether a logfmt value must be quoted.
func needsQuote(s string) bool {
	if s == "" {
		return true
	}
	for _, r := range s {
		if r <= ' ' || r == '=' || r == '"' || r == 0x7f {
			return true
		}
	}
	return false
}

func writeValue(w io.Writer, v any) {
	switch x := v.(type) {
	case string:
		if needsQuote(x) {
			io.WriteString(w, strconv.Quote(x))
			return
		}
		io.WriteString(w, x)
	case int:
		fmt.Fprintf(w, "%d", x)
	case time.Duration:
		io.WriteString(w, x.String())
	case error:
		io.WriteString(w, strconv.Quote(x.Error()))
	default:
		fmt.Fprintf(w, "%v", x)
	}
}

// Log formats one line and writes it under the lock.
func (l *Logger) Log(level Level, msg string, fields ...Field) error {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "level=%s msg=%s", level, strconv.Quote(msg))
	if l.prefix != "" {
		buf.WriteString(" component=")
		buf.WriteString(l.prefix)
	}
	for _, f := range fields {
		buf.WriteByte(' ')
		buf.WriteString(f.Key)
		buf.WriteByte('=')
		writeValue(&buf, f.Value)
	}
	buf.WriteByte('\n')
	l.mu.Lock()
	defer l.mu.Unlock()
	_, err := l.out.Write(buf.Bytes())
	return err
}

// LogKeep is Log for the test logger: it remembers the line (retained).
func (l *Logger) LogKeep(msg string) {
	var buf bytes.Buffer
	buf.WriteString("msg=")
	buf.WriteString(strconv.Quote(msg))
	buf.WriteByte('\n')
	l.mu.Lock()
	l.last = buf.Bytes()
	l.mu.Unlock()
	l.out.Write(l.last)
}

// FormatFields renders sorted fields as a logfmt string.
func FormatFields(fields map[string]string) string {
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var sb strings.Builder
	for i, k := range keys {
		if i > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(k)
		sb.WriteByte('=')
		v := fields[k]
		if needsQuote(v) {
			v = strconv.Quote(v)
		}
		sb.WriteString(v)
	}
	return sb.String()
}

// Entry is one JSON log line.
type Entry struct {
	Time    time.Time         `json:"ts"`
	Level   string            `json:"level"`
	Message string            `json:"msg"`
	Fields  map[string]string `json:"fields,omitempty"`
}

// WriteJSONLine encodes e as one JSON line and writes it with a single Write.
func WriteJSONLine(w io.Writer, e Entry) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(e); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// MarshalLine returns the JSON line: the caller keeps it.
func MarshalLine(e Entry) []byte {
	buf := new(bytes.Buffer)
	json.NewEncoder(buf).Encode(e)
	return buf.Bytes()
}

// AppendLine is the append-style formatter used by the fast path.
func AppendLine(dst []byte, level Level, msg string, kv ...string) []byte {
	dst = append(dst, "level="...)
	dst = append(dst, level.String()...)
	dst = append(dst, " msg="...)
	dst = strconv.AppendQuote(dst, msg)
	for i := 0; i+1 < len(kv); i += 2 {
		dst = append(dst, ' ')
		dst = append(dst, kv[i]...)
		dst = append(dst, '=')
		dst = append(dst, kv[i+1]...)
	}
	return append(dst, '\n')
}

// FastLog formats into a stack scratch and writes it once.
func FastLog(w io.Writer, level Level, msg string, kv ...string) error {
	scratch := make([]byte, 0, 1024)
	scratch = AppendLine(scratch, level, msg, kv...)
	_, err := w.Write(scratch)
	return err
}

// AsyncLogger hands lines to a writer goroutine.
type AsyncLogger struct {
	lines chan []byte
	done  chan struct{}
}

func NewAsyncLogger(w io.Writer) *AsyncLogger {
	a := &AsyncLogger{lines: make(chan []byte, 64), done: make(chan struct{})}
	go func() {
		defer close(a.done)
		for l := range a.lines {
			w.Write(l)
		}
	}()
	return a
}

// Log queues the line: the goroutine reads it after Log returns.
func (a *AsyncLogger) Log(msg string) {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "msg=%q\n", msg)
	a.lines <- buf.Bytes()
}

func (a *AsyncLogger) Close() {
	close(a.lines)
	<-a.done
}
