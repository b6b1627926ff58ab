// Package bufwrite writes the buffer's bytes to an io.Writer, which may keep the slice.
package bufwrite

import (
	"bytes"
	"fmt"
	"io"
)

// Frame writes a length-prefixed frame in one Write.
func Frame(w io.Writer, payload string) error {
	buf := new(bytes.Buffer) // want "new\\(bytes.Buffer\\) escapes to heap" // declined "buf.Bytes, whose parameter"
	fmt.Fprintf(buf, "%04d%s", len(payload), payload)
	_, err := w.Write(buf.Bytes())
	return err
}
