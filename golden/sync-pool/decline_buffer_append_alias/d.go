// Package lines renders a line and returns it with its newline appended to the buffer's own bytes:
// append's first argument is the storage the result shares, so the line outlives the call.
package lines

import (
	"bytes"
	"fmt"
)

// Line renders "key=value\n".
func Line(key string, value int) []byte {
	buf := new(bytes.Buffer) // want "new\\(bytes.Buffer\\) escapes to heap" // declined "is append's first argument"
	fmt.Fprintf(buf, "%s=%d", key, value)
	return append(buf.Bytes(), '\n')
}
