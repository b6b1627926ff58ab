package composekit

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// KV is one logged key and value.
type KV struct {
	K string
	V any
}

// writeLogfmtValue writes v, quoted when it needs to be.
func writeLogfmtValue(w io.Writer, v any) {
	var s string
	switch x := v.(type) {
	case string:
		s = x
	case int:
		s = strconv.Itoa(x)
	case error:
		s = x.Error()
	case fmt.Stringer:
		s = x.String()
	default:
		s = fmt.Sprint(x)
	}
	if s == "" || strings.ContainsAny(s, " =\"\n") {
		s = strconv.Quote(s)
	}
	io.WriteString(w, s)
}

// Logfmt writes one logfmt line to w in a single Write.
func Logfmt(w io.Writer, now time.Time, level, msg string, kvs ...KV) error {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "time=%s level=%s msg=", now.UTC().Format(time.RFC3339Nano), level)
	writeLogfmtValue(&buf, msg)
	for _, kv := range kvs {
		fmt.Fprintf(&buf, " %s=", kv.K)
		writeLogfmtValue(&buf, kv.V)
	}
	buf.WriteByte('\n')
	_, err := buf.WriteTo(w)
	return err
}

// SortedFields renders a map of fields as k=v pairs in key order.
func SortedFields(fields map[string]string) string {
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
		fmt.Fprintf(&sb, "%s=%q", k, fields[k])
	}
	return sb.String()
}

// AccessLog writes a combined-log-format line.
func AccessLog(w io.Writer, host, method, path string, status, size int, d time.Duration) {
	var b bytes.Buffer
	fmt.Fprint(&b, host, " - - [", time.Unix(0, 0).UTC().Format("02/Jan/2006:15:04:05 -0700"), "] ")
	fmt.Fprintf(&b, "%q %d %d", method+" "+path+" HTTP/1.1", status, size)
	fmt.Fprintln(&b, " rt="+d.String())
	w.Write(b.Bytes())
}

// Stack renders a multi-line stack of frames with an indent.
func Stack(frames []string) string {
	b := &bytes.Buffer{}
	for i, f := range frames {
		fmt.Fprintf(b, "%3d  %s\n", i, f)
	}
	return b.String()
}

// JournalLine writes a systemd-journal style "PRIORITY=6\nMESSAGE=..." block.
func JournalLine(w io.Writer, prio int, msg string, fields map[string]string) error {
	buf := bytes.NewBuffer(nil)
	fmt.Fprintf(buf, "PRIORITY=%d\n", prio)
	fmt.Fprintf(buf, "MESSAGE=%s\n", msg)
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, strings.ToUpper(k))
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(buf, "%s=%s\n", k, fields[strings.ToLower(k)])
	}
	_, err := io.Copy(w, buf)
	return err
}

// Ring keeps the last lines logged, for a /debug page.
type Ring struct {
	mu    sync.Mutex
	lines [][]byte
	next  int
}

// Log formats the line and keeps its bytes in the ring: must not pool.
func (r *Ring) Log(level, msg string) {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "%s %s", level, msg)
	r.mu.Lock()
	if len(r.lines) < 64 {
		r.lines = append(r.lines, buf.Bytes())
	} else {
		r.lines[r.next%64] = buf.Bytes()
	}
	r.next++
	r.mu.Unlock()
}

// AsyncLogger hands formatted lines to a writer goroutine.
type AsyncLogger struct {
	ch chan *bytes.Buffer
}

// Printf queues the line; the goroutine writes it later: must not pool.
func (l *AsyncLogger) Printf(format string, args ...any) {
	buf := new(bytes.Buffer)
	fmt.Fprintf(buf, format, args...)
	buf.WriteByte('\n')
	l.ch <- buf
}
