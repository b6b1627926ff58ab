// Package table renders key/value tables.
package table

import (
	"fmt"
	"sort"
	"strings"
)

func writeRow(sb *strings.Builder, k string, v int) {
	fmt.Fprintf(sb, "%-6s %d\n", k, v)
}

// Render passes the Builder to a helper that takes a *strings.Builder: a bytes.Buffer standing
// for it would not compile.
func Render(m map[string]int) string {
	var sb strings.Builder // want "moved to heap: sb" // declined "is passed to writeRow, which may need a strings.Builder"
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Fprintf(&sb, "%d rows\n", len(keys))
	for _, k := range keys {
		writeRow(&sb, k, m[k])
	}
	return sb.String()
}
