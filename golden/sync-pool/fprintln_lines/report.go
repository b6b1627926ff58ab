// Package report prints a small table of counters.
package report

import (
	"bytes"
	"fmt"
	"sort"
)

// Table prints one "name: count" line per counter, sorted by name.
func Table(counts map[string]int) string {
	names := make([]string, 0, len(counts))
	for name := range counts {
		names = append(names, name)
	}
	sort.Strings(names)
	out := new(bytes.Buffer) // want "new\\(bytes.Buffer\\) escapes to heap"
	for _, name := range names {
		fmt.Fprintln(out, name+":", counts[name])
	}
	fmt.Fprint(out, "total ", len(names))
	return out.String()
}
