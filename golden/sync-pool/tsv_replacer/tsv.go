// Package tsv exports rows as tab-separated values.
package tsv

import (
	"bytes"
	"io"
	"strings"
)

// Tabs and line breaks inside a field would split it: they become spaces.
var escaper = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ")

func writeLine(w io.Writer, fields []string) {
	for i, f := range fields {
		if i > 0 {
			io.WriteString(w, "\t")
		}
		escaper.WriteString(w, f)
	}
	io.WriteString(w, "\n")
}

// Export writes the header and the rows in one Write, so a failing writer gets all or nothing of them.
func Export(w io.Writer, header []string, rows [][]string) error {
	buf := new(bytes.Buffer) // want "new\\(bytes.Buffer\\) escapes to heap"
	writeLine(buf, header)
	for _, r := range rows {
		writeLine(buf, r)
	}
	_, err := w.Write(buf.Bytes())
	return err
}
