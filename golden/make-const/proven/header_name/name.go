// Package name canonicalises the field names of header lines.
package name

import "strings"

// maxLine is the longest header line the parser accepts.
const maxLine = 128

// Hash returns the FNV-1a hash of the line's field name, lower-cased, or 0 for a line without ": " or too long.
func Hash(line string) uint32 {
	if len(line) > maxLine {
		return 0
	}
	colon := strings.Index(line, ": ")
	if colon < 0 {
		return 0
	}
	field := make([]byte, colon) // want(<go1.25) "make\\(\\[\\]byte, colon\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, colon\\) does not escape"
	for i := range field {
		c := line[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		field[i] = c
	}
	h := uint32(2166136261)
	for _, c := range field {
		h = (h ^ uint32(c)) * 16777619
	}
	return h
}
