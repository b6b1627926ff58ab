// Package fields measures the columns of short comma-separated lines.
package fields

import "strings"

// maxLine is the longest line the reader accepts.
const maxLine = 128

// Widest returns the width of the widest column of line, or -1 for a line too long to read. The
// column offsets are at most one per comma, plus one: strings.Count is at most len(line)+1.
func Widest(line string) int {
	if len(line) > maxLine {
		return -1
	}
	ends := make([]int, 0, strings.Count(line, ",")+1) // want(<go1.25) "escapes to heap" want(>=go1.25) "does not escape"
	for i := 0; i < len(line); i++ {
		if line[i] == ',' {
			ends = append(ends, i)
		}
	}
	ends = append(ends, len(line))
	widest, start := 0, 0
	for _, e := range ends {
		widest = max(widest, e-start)
		start = e + 1
	}
	return widest
}
