// Package report measures report rows through the writer a table encoder is handed.
package report

import "io"

// width counts the bytes and the lines written to it.
type width struct{ bytes, lines int }

func (w *width) Write(p []byte) (int, error) { return w.WriteString(string(p)) }

func (w *width) WriteString(s string) (int, error) {
	w.bytes += len(s)
	w.lines++
	return len(s), nil
}

// Row measures one row: the label, a tab and the value.
func Row(label, value string) int {
	var m width        // want(<go1.26) "moved to heap: m"
	w := io.Writer(&m) // the encoder takes an io.Writer
	sw := w.(io.StringWriter)
	sw.WriteString(label)
	sw.WriteString("\t")
	sw.WriteString(value)
	return m.bytes
}
