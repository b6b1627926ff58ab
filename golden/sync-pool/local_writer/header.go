// Package header renders HTTP-like header blocks with a helper of its own.
package header

import (
	"bytes"
	"fmt"
	"sort"
)

// writeField appends one "Key: value" line; it keeps nothing of b.
func writeField(b *bytes.Buffer, key, value string) {
	b.WriteString(key)
	b.WriteString(": ")
	b.WriteString(value)
	b.WriteString("\r\n")
}

// Block renders the fields sorted by key, their count, then a blank line.
func Block(fields map[string]string) string {
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	b := new(bytes.Buffer) // want "new\\(bytes.Buffer\\) escapes to heap"
	for _, k := range keys {
		writeField(b, k, fields[k])
	}
	fmt.Fprintf(b, "X-Fields: %d\r\n\r\n", len(keys))
	return b.String()
}
