// Package columns lays out a report's rows for a terminal: each cell starts at the next column stop, as a
// tab would, but with spaces, so the report lines up whatever the terminal's own tab width.
package columns

import "strings"

const stop = 48 // columns between stops: the widest cell that still lines up

// Expand writes each row's cells joined by the padding to the next stop. The padding comes from fill,
// a helper called in one place only, with at most stop spaces (col%stop is below stop).
func Expand(rows [][]string) string {
	var (
		b    strings.Builder
		col  int
		fill = func(n int) string {
			pad := make([]byte, n) // want(<go1.25) "escapes to heap" want(>=go1.25) "does not escape"
			for i := range pad {
				pad[i] = ' '
			}
			return string(pad)
		}
	)
	for _, row := range rows {
		col = 0
		for i, cell := range row {
			if i > 0 {
				width := stop - col%stop
				b.WriteString(fill(width))
				col += width
			}
			b.WriteString(cell)
			col += len(cell)
		}
		b.WriteByte('\n')
	}
	return b.String()
}
