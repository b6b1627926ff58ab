// Package slug builds URL slugs.
package slug

import (
	"fmt"
	"strings"
)

// Make lower-cases the words and joins them with dashes, and says whether the Builder had to grow
// past the room it reserved: Cap would see what a pooled bytes.Buffer kept from earlier calls.
func Make(words []string) (string, bool) {
	var sb strings.Builder // want "moved to heap: sb" // declined "calls Cap, which sees the capacity a pooled bytes.Buffer keeps"
	sb.Grow(16)
	for i, w := range words {
		if i > 0 {
			sb.WriteByte('-')
		}
		fmt.Fprint(&sb, strings.ToLower(w))
	}
	return sb.String(), sb.Cap() > 16
}
