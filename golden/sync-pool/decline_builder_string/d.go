// Package builder formats through a strings.Builder, whose String shares its storage.
package builder

import (
	"fmt"
	"strings"
)

// Pair formats a key and a value.
func Pair(k string, v int) string {
	sb := new(strings.Builder) // want "new\\(strings.Builder\\) escapes to heap" // declined "String() returns its buffer without a copy"
	fmt.Fprintf(sb, "%s=%d", k, v)
	return sb.String()
}
