// Package badge renders SVG badges; the markup helpers live in markup.go.
package badge

import "bytes"

// SVG renders a badge with its label and message.
func SVG(label, message string) string {
	buf := new(bytes.Buffer) // want "new\\(bytes.Buffer\\) escapes to heap"
	open(buf, len(label)+len(message))
	text(buf, 0, label)
	text(buf, len(label), message)
	close(buf)
	return buf.String()
}
