// Package sections renders a report of log sources, one section each.
package sections

import (
	"iter"
	"strings"
)

// Source yields a log's lines; a file, a journal cursor or a test slice: go cannot inline the
// iterator through the interface, so the loop's body becomes a func value that escapes.
type Source interface {
	Lines() iter.Seq[string]
}

// Render writes every source's lines that hold the level under the source's name, indented one
// step deeper per source. The body of the range-over-func loop reads indent only while its range
// statement runs (go panics on a call of yield after the loop has ended), so a copy made before
// the loop holds what it reads, and the write after the loop still reaches indent.
func Render(srcs []Source, names []string, level, indent string) string { // want "moved to heap: indent"
	var b strings.Builder // want "moved to heap: b"
	for i, src := range srcs {
		b.WriteString(indent + names[i] + ":\n")
		for line := range src.Lines() { // want "func literal escapes to heap"
			if strings.Contains(line, level) {
				b.WriteString(indent + "  " + line + "\n")
			}
		}
		indent += "  "
	}
	return b.String()
}
