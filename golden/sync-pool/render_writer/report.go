// Package report renders a plain-text usage report through a helper that writes to an io.Writer.
package report

import (
	"bytes"
	"fmt"
	"io"
)

// writeRow writes one aligned row: it only calls w's methods, through fmt and io.
func writeRow(w io.Writer, name string, count int) {
	fmt.Fprintf(w, "%-12s %6d\n", name, count)
}

// Usage renders the rows and a total line.
func Usage(names []string, counts []int) string {
	buf := new(bytes.Buffer) // want "new\\(bytes.Buffer\\) escapes to heap"
	total := 0
	for i, name := range names {
		writeRow(buf, name, counts[i])
		total += counts[i]
	}
	io.WriteString(buf, "------------ ------\n")
	writeRow(buf, "total", total)
	return buf.String()
}
