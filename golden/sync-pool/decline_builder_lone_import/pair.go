// Package pair renders pairs.
package pair

import "strings"

import "fmt"

// Pair renders a pair; the file imports one package a declaration, with no group the bytes
// import could join beside the dropped strings.
func Pair(a, b int) string {
	var sb strings.Builder // want "moved to heap: sb" // declined "the file has no import group"
	fmt.Fprint(&sb, a, ",", b)
	return sb.String()
}
