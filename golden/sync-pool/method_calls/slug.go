// Package slug turns titles into URL slugs with a numeric suffix.
package slug

import (
	"bytes"
	"fmt"
	"unicode"
)

// Make keeps letters and digits, lower-cased, joins the words with single dashes and appends the id.
func Make(title string, id int) string {
	buf := new(bytes.Buffer) // want "new\\(bytes.Buffer\\) escapes to heap"
	buf.Grow(len(title) + 8)
	dash := false
	for _, r := range title {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && buf.Len() > 0 {
				buf.WriteByte('-')
			}
			buf.WriteString(string(unicode.ToLower(r)))
			dash = false
		} else {
			dash = true
		}
	}
	if buf.Len() > 60 {
		buf.Truncate(60)
	}
	fmt.Fprintf(buf, "-%d", id)
	return buf.String()
}
