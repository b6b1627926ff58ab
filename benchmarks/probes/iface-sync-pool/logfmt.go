package probe41

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"
)

type Field struct {
	Key   string
	Value any
}

// FormatLine renders a logfmt line to w through a temporary buffer.
func FormatLine(w io.Writer, level, msg string, fields []Field) error {
	buf := new(bytes.Buffer)
	fmt.Fprintf(buf, "level=%s msg=%q", level, msg)
	for _, f := range fields {
		fmt.Fprintf(buf, " %s=%v", f.Key, f.Value)
	}
	buf.WriteByte('\n')
	_, err := w.Write(buf.Bytes())
	return err
}

// RenderMetrics formats counters sorted by name and returns the text (string copies).
func RenderMetrics(counters map[string]int64) string {
	var buf bytes.Buffer
	names := make([]string, 0, len(counters))
	for k := range counters {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(&buf, "%s %d\n", name, counters[name])
	}
	return buf.String()
}

// Histogram writes buckets with strconv appends into a builder.
func Histogram(w io.Writer, buckets []float64, counts []uint64) {
	var sb strings.Builder
	for i, b := range buckets {
		sb.WriteString("le=")
		sb.WriteString(strconv.FormatFloat(b, 'g', -1, 64))
		sb.WriteByte(' ')
		sb.WriteString(strconv.FormatUint(counts[i], 10))
		sb.WriteByte('\n')
	}
	io.WriteString(w, sb.String())
}

// RetainedLine keeps the buffer's bytes: must not be pooled.
func RetainedLine(level, msg string) []byte {
	buf := new(bytes.Buffer)
	fmt.Fprintf(buf, "%s: %s", level, msg)
	return buf.Bytes()
}

type lineCache struct {
	mu   sync.Mutex
	last *bytes.Buffer
}

// Remember stores the buffer: must not be pooled.
func (c *lineCache) Remember(msg string) int {
	buf := &bytes.Buffer{}
	fmt.Fprintf(buf, "msg=%s", msg)
	c.mu.Lock()
	c.last = buf
	c.mu.Unlock()
	return buf.Len()
}

// Tee writes a message to several writers through a formatted buffer.
func Tee(msg string, ws ...io.Writer) error {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "[%d] %s\n", len(msg), msg)
	for _, w := range ws {
		if _, err := w.Write(buf.Bytes()); err != nil {
			return fmt.Errorf("tee: %w", err)
		}
	}
	return nil
}

// AsyncLog hands the buffer to a goroutine that runs after return: must not be pooled.
func AsyncLog(out chan<- string, msg string) {
	buf := new(bytes.Buffer)
	fmt.Fprintf(buf, "async %s", msg)
	go func() { out <- buf.String() }()
}

// KV renders key/value pairs with a writer helper of the package.
func KV(w io.Writer, pairs map[string]string) (int, error) {
	buf := new(bytes.Buffer)
	keys := make([]string, 0, len(pairs))
	for k := range pairs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		writeQuoted(buf, k, pairs[k])
	}
	return w.Write(buf.Bytes())
}

func writeQuoted(w io.Writer, k, v string) {
	fmt.Fprintf(w, "%s=%s ", k, strconv.Quote(v))
}

// Scratch with a size from the caller: unbounded, must not be pooled as constant.
func ReadChunk(r io.Reader, n int) (int, error) {
	buf := make([]byte, n)
	return io.ReadFull(r, buf)
}

// CopyLarge uses a constant 64 KiB scratch through io.CopyBuffer.
func CopyLarge(dst io.Writer, src io.Reader) (int64, error) {
	buf := make([]byte, 128<<10)
	return io.CopyBuffer(dst, src, buf)
}
