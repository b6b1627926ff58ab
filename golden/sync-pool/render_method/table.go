// Package table renders a small text table with a method that writes to an io.Writer.
package table

import (
	"bytes"
	"fmt"
	"io"
	"strings"
)

// Table is a header and its rows.
type Table struct {
	Header []string
	Rows   [][]string
}

// writeTo writes the table, tab-separated; it keeps nothing of w.
func (t *Table) writeTo(w io.Writer) {
	fmt.Fprintln(w, strings.Join(t.Header, "\t"))
	for _, row := range t.Rows {
		fmt.Fprintln(w, strings.Join(row, "\t"))
	}
}

// String renders the table.
func (t *Table) String() string {
	buf := new(bytes.Buffer) // want "new\\(bytes.Buffer\\) escapes to heap"
	t.writeTo(buf)
	return buf.String()
}
