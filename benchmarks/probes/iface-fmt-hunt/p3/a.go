package p3

import "fmt"

// LocalRune declares its own rune inside the function.
func LocalRune(r int16) string {
	type rune = int8
	var _ rune
	return fmt.Sprintf("glyph %c", r)
}

// Other formats a rune elsewhere.
func Other(r int16) string { return fmt.Sprintf("glyph %c", r) }
