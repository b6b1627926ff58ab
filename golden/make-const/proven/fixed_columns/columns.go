// Package columns reads fixed-width report lines: each column is colWidth bytes, the last one shorter.
package columns

const colWidth = 40

// Filled counts the columns of the line that hold more than blanks, each compared trimmed and upper-cased.
func Filled(line string) int {
	count := 0
	for i := 0; i < len(line); i += colWidth {
		end := min(i+colWidth, len(line))
		cell := make([]byte, end-i) // want(<go1.25) "make\\(\\[\\]byte, end - i\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, end - i\\) does not escape"
		n := 0
		for j := i; j < end; j++ {
			c := line[j]
			if c == ' ' {
				continue
			}
			if 'a' <= c && c <= 'z' {
				c -= 'a' - 'A'
			}
			cell[n] = c
			n++
		}
		if n > 0 && string(cell[:n]) != "N/A" {
			count++
		}
	}
	return count
}
