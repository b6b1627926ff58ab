// Package headers writes a message's headers in one Write: formatted into a buffer first, so a
// slow connection sees one write, not one per line.
package headers

import (
	"bytes"
	"fmt"
	"io"
	"sort"
)

// Write writes the headers sorted by key, one "Key: value" per line, and the blank line after them.
func Write(w io.Writer, h map[string]string) error {
	keys := make([]string, 0, 16)
	for k := range h {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var buf bytes.Buffer // want "moved to heap: buf"
	for _, k := range keys {
		fmt.Fprintf(&buf, "%s: %s\r\n", k, h[k])
	}
	buf.WriteString("\r\n")
	_, err := w.Write(buf.Bytes())
	return err
}
