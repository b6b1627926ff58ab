// Package builder formats through a strings.Builder that fmt writes into.
package builder

import (
	"fmt"
	"strings"
)

// Pair formats a key and a value: a pooled bytes.Buffer stands for the Builder, and its String
// copies, so the text outlives the buffer's return to the pool.
func Pair(k string, v int) string {
	sb := new(strings.Builder) // want "new\\(strings.Builder\\) escapes to heap"
	fmt.Fprintf(sb, "%s=%d", k, v)
	return sb.String()
}
