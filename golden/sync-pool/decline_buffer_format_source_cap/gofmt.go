// Package gofmt formats an editor's snippet and reports how many bytes its array holds past it, so the editor
// knows whether an insertion fits in place. go/format.Source returns src itself for a blank snippet: its capacity
// is then the buffer's, which a pooled Buffer grew in an earlier, longer call.
package gofmt

import (
	"bytes"
	"fmt"
	"go/format"
)

// Room formats the snippet and says how many more bytes the array of the formatted text holds.
func Room(snippet string) (int, error) {
	var buf bytes.Buffer // want "moved to heap: buf" // declined "which is passed to cap"
	fmt.Fprint(&buf, snippet)
	src, err := format.Source(buf.Bytes())
	if err != nil {
		return 0, err
	}
	return cap(src) - len(src), nil
}
