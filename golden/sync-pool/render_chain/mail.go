// Package mail renders a message's header block through two levels of helpers.
package mail

import (
	"bytes"
	"io"
)

// writeLine writes "key: value" and CRLF with w.Write only.
func writeLine(w io.Writer, key, value string) {
	w.Write([]byte(key))
	w.Write([]byte(": "))
	w.Write([]byte(value))
	w.Write([]byte("\r\n"))
}

// writeHeader writes the fields in order, then the blank line that ends a header.
func writeHeader(w io.Writer, keys, values []string) {
	for i, k := range keys {
		writeLine(w, k, values[i])
	}
	io.WriteString(w, "\r\n")
}

// Header renders the header block of a message.
func Header(from, to, subject string) string {
	var buf bytes.Buffer // want "moved to heap: buf"
	writeHeader(&buf, []string{"From", "To", "Subject"}, []string{from, to, subject})
	return buf.String()
}
