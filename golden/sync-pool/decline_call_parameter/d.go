// Package callparameter writes into a buffer that fmt keeps hold of.
package callparameter

import (
	"bytes"
	"fmt"
)

// Render passes the buffer to fmt.Fprintf: the compiler's flow is a call parameter, not its size.
func Render(name string) string {
	b := new(bytes.Buffer) // want "new\\(bytes.Buffer\\) escapes to heap"
	fmt.Fprintf(b, "hello %s", name)
	return b.String()
}
