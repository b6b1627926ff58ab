// Package calleereturns renders through a helper that returns the writer it was given.
package calleereturns

import (
	"bytes"
	"io"
)

// Out is the writer of the latest render.
var Out io.Writer

// titled writes the title and hands w back for chaining.
func titled(w io.Writer, title string) io.Writer {
	io.WriteString(w, "# "+title+"\n")
	return w
}

// Render renders a title.
func Render(title string) string {
	buf := new(bytes.Buffer) // want "new\\(bytes.Buffer\\) escapes to heap" // declined "is passed to titled, whose w (d.go:15) is returned"
	Out = titled(buf, title)
	return buf.String()
}
