// Package folded canonicalises header fields whose name may continue on folded lines.
package folded

import "strings"

// maxLine is the longest header line the parser accepts; continuation lines are not limited.
const maxLine = 128

// Hash returns the hash of the field name of a line and its continuation: the colon is found in the joined
// text, which nothing bounds.
func Hash(line, continued string) uint32 {
	if len(line) > maxLine {
		return 0
	}
	joined := line + continued
	colon := strings.Index(joined, ": ")
	if colon < 0 {
		return 0
	}
	field := make([]byte, colon) // want(<go1.25) "make\\(\\[\\]byte, colon\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, colon\\) does not escape" // declined "speculative"
	copy(field, joined)
	h := uint32(2166136261)
	for _, c := range field {
		h = (h ^ uint32(c)) * 16777619
	}
	return h
}
