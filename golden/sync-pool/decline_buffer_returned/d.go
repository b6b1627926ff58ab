// Package bufreturned returns the buffer it rendered into.
package bufreturned

import (
	"bytes"
	"fmt"
)

// Render returns the buffer for the caller to write further.
func Render(n int) *bytes.Buffer {
	buf := new(bytes.Buffer) // want "new\\(bytes.Buffer\\) escapes to heap" // declined: not recognised (returned)
	fmt.Fprintf(buf, "n=%d", n)
	return buf
}
