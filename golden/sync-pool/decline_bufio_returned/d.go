// Package logw hands out a buffered writer with a header already written.
package logw

import (
	"bufio"
	"io"
)

// Open writes the header and returns the buffered writer for the caller to continue with.
func Open(w io.Writer, title string) *bufio.Writer {
	bw := bufio.NewWriter(w) // want "make\\(\\[\\]byte, bufio.size\\) escapes to heap" // declined "bw is used other than by its writing methods"
	bw.WriteString("# " + title + "\n")
	return bw
}
