package gateway

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"time"
)

// Entry is one access-log record.
type Entry struct {
	Method   string
	Path     string
	Status   int
	Bytes    int64
	Duration time.Duration
	Client   string
	Upstream string
}

// CombinedLine renders an entry in the combined log format.
func CombinedLine(e *Entry) string {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s - - \"%s %s HTTP/1.1\" %d %d", e.Client, e.Method, e.Path, e.Status, e.Bytes)
	return b.String()
}

// WriteAccess writes one access-log line to the log sink.
func WriteAccess(w io.Writer, e *Entry) error {
	buf := new(bytes.Buffer)
	buf.WriteString(e.Method)
	buf.WriteByte(' ')
	buf.WriteString(e.Path)
	buf.WriteByte(' ')
	buf.WriteString(strconv.Itoa(e.Status))
	buf.WriteByte(' ')
	buf.WriteString(e.Duration.String())
	buf.WriteByte('\n')
	_, err := w.Write(buf.Bytes())
	return err
}

// JSONLine renders an entry as a JSON log line with hand-written escaping of the path.
func JSONLine(e *Entry) string {
	var b bytes.Buffer
	b.WriteString(`{"method":`)
	b.WriteString(strconv.Quote(e.Method))
	b.WriteString(`,"path":`)
	b.WriteString(strconv.Quote(e.Path))
	fmt.Fprintf(&b, `,"status":%d,"ms":%d}`, e.Status, e.Duration.Milliseconds())
	return b.String()
}

// AccessLogger batches lines and flushes them together.
type AccessLogger struct {
	out     io.Writer
	pending [][]byte
}

// Log renders the line and queues its bytes until Flush: the storage is retained, must stay allocated.
func (l *AccessLogger) Log(e *Entry) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s %s %d\n", e.Method, e.Path, e.Status)
	l.pending = append(l.pending, b.Bytes())
}

// Flush writes every queued line.
func (l *AccessLogger) Flush() error {
	for _, p := range l.pending {
		if _, err := l.out.Write(p); err != nil {
			return err
		}
	}
	l.pending = l.pending[:0]
	return nil
}

// AsyncLog renders the line and hands the buffer to a goroutine writing it: must stay allocated.
func AsyncLog(w io.Writer, e *Entry, done chan<- error) {
	buf := new(bytes.Buffer)
	fmt.Fprintf(buf, "%s %s %d\n", e.Method, e.Path, e.Status)
	go func() {
		_, err := w.Write(buf.Bytes())
		done <- err
	}()
}

// UpstreamTiming renders the Server-Timing header for the upstream call.
func UpstreamTiming(e *Entry) string {
	buf := bytes.NewBuffer(make([]byte, 0, 128))
	buf.WriteString("upstream;desc=")
	buf.WriteString(strconv.Quote(e.Upstream))
	buf.WriteString(";dur=")
	buf.WriteString(strconv.FormatFloat(float64(e.Duration)/float64(time.Millisecond), 'f', 1, 64))
	return buf.String()
}

// LineLength returns how long an entry's line would be, for the log sampler.
func LineLength(e *Entry) int {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s %s %d %d", e.Method, e.Path, e.Status, e.Bytes)
	return b.Len()
}
