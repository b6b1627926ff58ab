// Package snippets formats the statements an editor previews, one to a line. go/format.Source returns src
// itself when the formatted fragment is empty (blank statements): returned, that is the buffer's storage.
package snippets

import (
	"bytes"
	"fmt"
	"go/format"
)

// Format gofmt's the statements as one fragment.
func Format(stmts []string) ([]byte, error) {
	var buf bytes.Buffer // want "moved to heap: buf" // declined "which may return it, and that is returned"
	for _, s := range stmts {
		fmt.Fprintln(&buf, s)
	}
	return format.Source(buf.Bytes())
}
