// Package preview keeps the last gofmt'ed fragment for a live preview pane. go/format.Source returns src
// itself for a blank fragment: kept, that is the buffer's storage.
package preview

import (
	"bytes"
	"fmt"
	"go/format"
)

var last []byte

// Update formats the fragment and keeps it as the pane's text when it parses.
func Update(lines []string) error {
	var buf bytes.Buffer // want "moved to heap: buf" // declined "and that is held in src, which is assigned"
	for _, l := range lines {
		fmt.Fprintln(&buf, l)
	}
	src, err := format.Source(buf.Bytes())
	if err != nil {
		return err
	}
	last = src
	return nil
}

// Pane is the text the preview shows.
func Pane() string { return string(last) }
