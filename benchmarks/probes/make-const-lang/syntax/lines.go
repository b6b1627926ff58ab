package syntax

import "bytes"

// LineTable maps offsets to lines.
type LineTable struct{ starts []int }

// NewLineTable indexes src's line starts; the table keeps them.
func NewLineTable(src []byte) *LineTable {
	starts := make([]int, 0, bytes.Count(src, []byte{'\n'})+1)
	starts = append(starts, 0)
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &LineTable{starts: starts}
}

// Column returns the visual column of off in line, tabs to tab stops of width tab.
func Column(line []byte, off, tab int) int {
	if off > len(line) {
		off = len(line)
	}
	widths := make([]int, off)
	for i := 0; i < off; i++ {
		widths[i] = 1
		if line[i] == '\t' {
			widths[i] = tab
		}
	}
	col := 0
	for _, w := range widths {
		col += w
	}
	return col
}

// Caret draws a caret under column col of a line, at most 120 wide.
func Caret(col int) string {
	if col < 0 || col >= 120 {
		return "^"
	}
	buf := make([]byte, col+1)
	for i := range buf {
		buf[i] = ' '
	}
	buf[col] = '^'
	return string(buf)
}
