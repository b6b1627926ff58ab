// Package bufderef returns a copy of its buffer, which shares the buffer's storage.
package bufderef

import (
	"bytes"
	"fmt"
)

// Snapshot renders the value and returns a copy of the buffer value.
func Snapshot(v int) *bytes.Buffer {
	buf := new(bytes.Buffer) // want "new\\(bytes.Buffer\\) escapes to heap" // declined "is dereferenced"
	fmt.Fprintf(buf, "value=%d", v)
	saved := *buf
	return &saved
}
