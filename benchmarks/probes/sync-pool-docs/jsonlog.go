package docs

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"
)

// Logger writes one JSON object per line.
type Logger struct {
	mu  sync.Mutex
	out io.Writer
	now func() time.Time
}

// NewLogger logs to out.
func NewLogger(out io.Writer) *Logger {
	return &Logger{out: out, now: time.Now}
}

// Info logs msg with key/value pairs.
func (l *Logger) Info(msg string, kv ...any) {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, `{"ts":%q,"level":"info","msg":`, l.now().UTC().Format(time.RFC3339Nano))
	writeJSONString(&buf, msg)
	for i := 0; i+1 < len(kv); i += 2 {
		fmt.Fprintf(&buf, ",%q:", kv[i])
		writeJSONValue(&buf, kv[i+1])
	}
	buf.WriteString("}\n")
	l.mu.Lock()
	l.out.Write(buf.Bytes())
	l.mu.Unlock()
}

func writeJSONString(w io.Writer, s string) {
	io.WriteString(w, strconv.Quote(s))
}

func writeJSONValue(w io.Writer, v any) {
	switch v := v.(type) {
	case string:
		writeJSONString(w, v)
	case int:
		fmt.Fprint(w, v)
	case float64:
		fmt.Fprint(w, strconv.FormatFloat(v, 'g', -1, 64))
	case bool:
		fmt.Fprint(w, v)
	case error:
		writeJSONString(w, v.Error())
	default:
		b, err := json.Marshal(v)
		if err != nil {
			writeJSONString(w, err.Error())
			return
		}
		w.Write(b)
	}
}

// Event is a structured audit event.
type Event struct {
	Actor  string            `json:"actor"`
	Action string            `json:"action"`
	Meta   map[string]string `json:"meta,omitempty"`
}

// Audit logs ev as one line through an encoder.
func (l *Logger) Audit(ev Event) error {
	buf := new(bytes.Buffer)
	if err := json.NewEncoder(buf).Encode(ev); err != nil {
		return err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	_, err := l.out.Write(buf.Bytes())
	return err
}

// AccessLine formats one access-log line with strconv.Append* into a scratch slice.
func (l *Logger) AccessLine(method, path string, status int, d time.Duration) {
	line := make([]byte, 0, 256)
	line = append(line, `{"method":`...)
	line = strconv.AppendQuote(line, method)
	line = append(line, `,"path":`...)
	line = strconv.AppendQuote(line, path)
	line = append(line, `,"status":`...)
	line = strconv.AppendInt(line, int64(status), 10)
	line = append(line, `,"ms":`...)
	line = strconv.AppendFloat(line, float64(d.Microseconds())/1000, 'f', 3, 64)
	line = append(line, "}\n"...)
	l.mu.Lock()
	l.out.Write(line)
	l.mu.Unlock()
}

// Truncate shortens s to n runes for a log field, marking the cut.
func Truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	var b bytes.Buffer
	for i, r := range s {
		if i >= n {
			break
		}
		b.WriteRune(r)
	}
	b.WriteString("…")
	return b.String()
}

// LastLine keeps the last line logged (must decline: the storage is kept after the call).
type LastLine struct {
	line []byte
}

// Remember formats one line and keeps its bytes.
func (ll *LastLine) Remember(msg string, n int) {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "msg=%q n=%d\n", msg, n)
	ll.line = buf.Bytes()
}
