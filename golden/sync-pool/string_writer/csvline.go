// Package csvline joins fields into one quoted CSV line through an io.StringWriter helper.
package csvline

import (
	"bytes"
	"io"
	"strings"
)

// quote writes s in double quotes, each quote inside doubled.
func quote(w io.StringWriter, s string) {
	w.WriteString(`"`)
	for {
		i := strings.IndexByte(s, '"')
		if i < 0 {
			break
		}
		w.WriteString(s[:i+1])
		w.WriteString(`"`)
		s = s[i+1:]
	}
	w.WriteString(s)
	w.WriteString(`"`)
}

// Line joins the fields with commas, each quoted, and ends the line.
func Line(fields []string) string {
	var b bytes.Buffer // want "moved to heap: b"
	for i, f := range fields {
		if i > 0 {
			b.WriteByte(',')
		}
		quote(&b, f)
	}
	io.WriteString(&b, "\n")
	return b.String()
}
