// Package bufclosure returns closures over its buffer.
package bufclosure

import (
	"bytes"
	"fmt"
)

// Collector starts a list with a title; add appends to it and text reads it, after Collector returned.
func Collector(title string) (add func(string), text func() string) {
	buf := new(bytes.Buffer) // want "new\\(bytes.Buffer\\) escapes to heap" // declined "captured by a func literal"
	fmt.Fprintf(buf, "%s:", title)
	add = func(s string) { buf.WriteString(" " + s) }
	text = func() string { return buf.String() }
	return add, text
}
