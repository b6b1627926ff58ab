package clamped_bytes

import (
	"strconv"
	"strings"
)

// Pad renders v right-aligned in width columns, at most 32.
func Pad(v int, width int) string {
	if width > 32 {
		width = 32
	}
	line := make([]byte, width) // want(<go1.25) "make\\(\\[\\]byte, width\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, width\\) does not escape"
	digits := strconv.Itoa(v)
	for i := range line {
		line[i] = ' '
	}
	copy(line[max(0, width-len(digits)):], digits)
	return string(line)
}

// Title upper-cases a label.
func Title(s string) string { return strings.ToUpper(s) }
