// Package slurp reads a body into a buffer with io.Copy and returns it as a string.
package slurp

import (
	"bytes"
	"io"
)

// All reads r to the end: io.Copy hands the buffer to r's own WriteTo when r has one, and a
// WriteTo may keep the writer it is given.
func All(r io.Reader) (string, error) {
	buf := new(bytes.Buffer) // want "new\\(bytes.Buffer\\) escapes to heap" // declined "buf is passed to io.Copy, whose parameter"
	if _, err := io.Copy(buf, r); err != nil {
		return "", err
	}
	return buf.String(), nil
}
