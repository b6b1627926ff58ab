// Package columns lays out key-value lines for a terminal, keys padded with dots to a column.
package columns

import "strings"

const widest = 64

// Line writes key, dots up to width (at most 64 columns), and the value. A key as wide as the
// column gets no dots: past that guard width is above len(key), and at most 64.
func Line(b *strings.Builder, key, value string, width int) {
	if width > widest {
		width = widest
	}
	b.WriteString(key)
	if len(key) < width {
		dots := make([]byte, width-len(key)) // want(<go1.25) "escapes to heap" want(>=go1.25) "does not escape"
		for i := range dots {
			dots[i] = '.'
		}
		b.Write(dots)
	}
	b.WriteString(" ")
	b.WriteString(value)
	b.WriteString("\n")
}
