// Package tsv exports rows as tab-separated values. Its escaper is a strings.Replacer in the default
// build; under the `audit` tag (audit.go) it is the package's own, which counts the fields it escaped
// per writer, keeping each writer as a key. go/types names strings.Replacer's WriteString for this
// build only: a pooled buffer would be one writer for every export there.
package tsv

import (
	"bytes"
	"io"
)

// Export writes the row in one Write, so a failing writer gets all or nothing of it.
func Export(w io.Writer, fields []string) error {
	buf := new(bytes.Buffer) // want "new\\(bytes.Buffer\\) escapes to heap" // declined "another build compiles audit.go"
	for i, f := range fields {
		if i > 0 {
			io.WriteString(buf, "\t")
		}
		escaper.WriteString(buf, f)
	}
	_, err := w.Write(buf.Bytes())
	return err
}
