// Package callparameter writes into a buffer that fmt keeps hold of.
package callparameter

import (
	"bytes"
	"fmt"
)

// Render passes the buffer to fmt.Fprintf: 40 bytes fit the stack, so the heap is for the call parameter.
func Render(name string) string {
	b := new(bytes.Buffer) // want "new\\(bytes.Buffer\\) escapes to heap" // declined "it fits the stack (40 bytes)"
	fmt.Fprintf(b, "hello %s", name)
	return b.String()
}
