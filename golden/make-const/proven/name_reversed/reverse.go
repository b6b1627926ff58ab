// Package mirror writes short labels mirrored, rune by rune, for right-to-left displays.
package mirror

import (
	"strings"
	"unicode/utf8"
)

const maxLabel = 64

// Mirror writes label with its runes in reverse order and reports whether it did; a label longer
// than 64 bytes is refused. Each rune takes at least one byte, so there are at most 64 of them.
func Mirror(b *strings.Builder, label string) bool {
	if len(label) > maxLabel {
		return false
	}
	runes := make([]rune, utf8.RuneCountInString(label)) // want(<go1.25) "make\\(\\[\\]rune, utf8.n\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]rune, utf8.n\\) does not escape"
	i := len(runes)
	for _, r := range label {
		i--
		runes[i] = r
	}
	for _, r := range runes {
		b.WriteRune(r)
	}
	return true
}
