// Package widths lays out a CSV header as a fixed-width table row.
package widths

import "strings"

// maxHeader is the longest header line the importer accepts.
const maxHeader = 64

// Layout returns the sum of the column widths a header gives, each column at least as wide as its name, or -1
// for a header too long to lay out.
func Layout(header string) int {
	if len(header) > maxHeader {
		return -1
	}
	names := strings.Split(header, ",")
	widths := make([]int, len(names)) // want(<go1.25) "make\\(\\[\\]int, len\\(names\\)\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]int, len\\(names\\)\\) does not escape"
	for i, name := range names {
		widths[i] = max(len(strings.TrimSpace(name)), 4)
	}
	total := 0
	for _, w := range widths {
		total += w + 1
	}
	return total
}
