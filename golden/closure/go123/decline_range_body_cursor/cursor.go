// Package cursor tags rows with the page a paging cursor is on.
package cursor

import (
	"fmt"
	"iter"
)

// Pages is a cursor over pages of rows that reports the page it is on through label.
type Pages struct {
	Rows  [][]string
	Label *string
}

// All yields every page's rows, updating the label before each page.
func (p Pages) All() iter.Seq[string] {
	return func(yield func(string) bool) {
		for i, rows := range p.Rows {
			*p.Label = fmt.Sprint("page", i)
			for _, r := range rows {
				if !yield(r) {
					return
				}
			}
		}
	}
}

// Tag prefixes every row with the page it came from. The cursor writes label through its
// pointer between pages, while the loop runs: a copy made before the loop would tag every row
// with "none".
func Tag(rows [][]string, open func([][]string, *string) interface{ All() iter.Seq[string] }) []string {
	label := "none" // declined "the address of label is taken"
	src := open(rows, &label)
	var out []string
	for r := range src.All() {
		out = append(out, label+":"+r)
	}
	label = "done"
	return append(out, label)
}
