// Package row pads a CSV row to its header's columns.
package row

import "strings"

// maxHeader is the longest header line the importer accepts; rows are not limited.
const maxHeader = 64

// Cells returns how many cells a row has beyond its header's columns: the header is bounded, but the cells
// are split from the row, which nothing bounds.
func Cells(header, line string) int {
	if len(header) > maxHeader {
		return -1
	}
	cells := strings.Split(line, ",")
	lens := make([]int, len(cells)) // want(<go1.25) "make\\(\\[\\]int, len\\(cells\\)\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]int, len\\(cells\\)\\) does not escape" // declined "speculative"
	for i, c := range cells {
		lens[i] = len(c)
	}
	return len(lens) - strings.Count(header, ",") - 1
}
