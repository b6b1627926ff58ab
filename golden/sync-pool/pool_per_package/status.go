// Package status renders a service's status line and its check list, in two files.
package status

import (
	"bytes"
	"fmt"
)

// Line renders "name: state (n checks)".
func Line(name, state string, n int) string {
	buf := new(bytes.Buffer) // want "new\\(bytes.Buffer\\) escapes to heap"
	fmt.Fprintf(buf, "%s: %s (%d checks)", name, state, n)
	return buf.String()
}
