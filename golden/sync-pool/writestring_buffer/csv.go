// Package csv joins one record's fields into a line.
package csv

import (
	"bytes"
	"io"
	"strings"
)

// Line quotes the fields that need it and joins them with commas.
func Line(fields []string) string {
	buf := &bytes.Buffer{} // want "&bytes.Buffer{} escapes to heap"
	for i, f := range fields {
		if i > 0 {
			buf.WriteByte(',')
		}
		if strings.ContainsAny(f, ",\"\n") {
			io.WriteString(buf, `"`+strings.ReplaceAll(f, `"`, `""`)+`"`)
			continue
		}
		io.WriteString(buf, f)
	}
	return buf.String()
}
