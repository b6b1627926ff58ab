// Package tags renders HTML attribute lists.
package tags

import (
	"bytes"
	"fmt"
	"html"
)

// Attrs renders key="value" pairs, escaped, separated by spaces.
func Attrs(pairs [][2]string) string {
	out := new(bytes.Buffer) // want "new\\(bytes.Buffer\\) escapes to heap"
	for _, p := range pairs {
		fmt.Fprintf(out, " %s=\"%s\"", p[0], html.EscapeString(p[1]))
	}
	return out.String()
}
