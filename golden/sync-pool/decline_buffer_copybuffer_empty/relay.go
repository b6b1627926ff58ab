// Package relay forwards a stream after its banner lines, the buffer that staged the banner lending its storage as
// io.CopyBuffer's buffer. With no banner a fresh Buffer's storage is nil (CopyBuffer allocates its own); a pooled
// one's is empty but not nil, and CopyBuffer panics on an empty buffer.
package relay

import (
	"bytes"
	"fmt"
	"io"
)

// Forward writes the banner, one line each, then copies r to w.
func Forward(w io.Writer, r io.Reader, banner []string) (int64, error) {
	var buf bytes.Buffer // want "moved to heap: buf" // declined "io.CopyBuffer, which may tell a fresh Buffer's nil"
	for _, line := range banner {
		fmt.Fprintln(&buf, line)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return 0, err
	}
	return io.CopyBuffer(w, r, buf.Bytes())
}
