// Package bufvalue keeps a copy of its buffer's value, which shares the buffer's storage.
package bufvalue

import (
	"bytes"
	"fmt"
)

var last bytes.Buffer

// Line renders a line and, for a named key, keeps a copy of the buffer value for Last.
func Line(k string, v int) string {
	var buf bytes.Buffer // want "moved to heap: buf" // declined "is used as a value"
	fmt.Fprintf(&buf, "%s=%d", k, v)
	if k != "" {
		last = buf
	}
	return buf.String()
}

// Last is the line Line rendered last.
func Last() string { return last.String() }
