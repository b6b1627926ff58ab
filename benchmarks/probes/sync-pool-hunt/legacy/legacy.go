// Package legacy renders log lines; it already has a buffer pool whose users reset on Get.
package legacy

import (
	"bytes"
	"fmt"
	"io"
	"sync"
)

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Quote uses the package's pool the old way: reset on Get, Put back as is.
func Quote(s string) string {
	b := bufPool.Get().(*bytes.Buffer)
	b.Reset()
	fmt.Fprintf(b, "%q", s)
	out := b.String()
	bufPool.Put(b)
	return out
}

// Line renders one log line into w.
func Line(w io.Writer, level string, msg string, n int) error {
	b := new(bytes.Buffer)
	fmt.Fprintf(b, "[%s] %s n=%d\n", level, msg, n)
	_, err := w.Write(b.Bytes())
	return err
}

// Pair renders a key=value pair.
func Pair(k string, v int) string {
	b := new(bytes.Buffer)
	fmt.Fprintf(b, "%s=%d", k, v)
	return b.String()
}
