package tabkit

import (
	"iter"
	"maps"
	"slices"
	"strings"
)

// Table is an in-memory result set.
type Table struct {
	Cols []string
	Rows []Record
}

// All yields every row with its index.
func (t *Table) All() iter.Seq2[int, Record] {
	return func(yield func(int, Record) bool) {
		for i, r := range t.Rows {
			if !yield(i, r) {
				return
			}
		}
	}
}

// Filtered yields the rows p keeps.
func (t *Table) Filtered(p Pred) iter.Seq[Record] {
	return func(yield func(Record) bool) {
		for _, r := range t.Rows {
			if p(r) && !yield(r) {
				return
			}
		}
	}
}

// Lines yields the non-empty lines of s, trimmed.
func Lines(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for len(s) > 0 {
			line, rest, _ := strings.Cut(s, "\n")
			s = rest
			if line = strings.TrimSpace(line); line != "" && !yield(line) {
				return
			}
		}
	}
}

// TotalSize sums the sizes of the rows of a group.
func TotalSize(t *Table, group string) int64 {
	var sum int64
	for r := range t.Filtered(func(r Record) bool { return r.Group == group }) {
		sum += r.Size
	}
	return sum
}

// FirstLarge returns the index of the first row at least min large, or -1.
func FirstLarge(t *Table, min int64, unit string) int {
	if unit == "k" {
		min <<= 10
	}
	for i, r := range t.All() {
		if r.Size >= min {
			return i
		}
	}
	return -1
}

// Groups returns the distinct groups, sorted.
func Groups(t *Table) []string {
	seen := make(map[string]bool)
	for _, r := range t.All() {
		seen[r.Group] = true
	}
	return slices.Sorted(maps.Keys(seen))
}

// CountWords counts the words of the non-empty lines of text that start with
// prefix (case-folded when fold is set).
func CountWords(text, prefix string, fold bool) int {
	if fold {
		prefix = strings.ToLower(prefix)
	}
	n := 0
	for line := range Lines(text) {
		if fold {
			line = strings.ToLower(line)
		}
		if strings.HasPrefix(line, prefix) {
			n += len(strings.Fields(line))
		}
	}
	return n
}

// Chunks yields rows in slices of at most size rows.
func Chunks(rs []Record, size int) iter.Seq[[]Record] {
	if size < 1 {
		size = 1
	}
	return func(yield func([]Record) bool) {
		for len(rs) > 0 {
			n := min(size, len(rs))
			if !yield(rs[:n]) {
				return
			}
			rs = rs[n:]
		}
	}
}

// Batches returns the name lists of each chunk, joined with sep.
func Batches(rs []Record, size int, sep string) []string {
	var out []string
	for c := range Chunks(rs, size) {
		names := make([]string, len(c))
		for i, r := range c {
			names[i] = r.Name
		}
		out = append(out, strings.Join(names, sep))
	}
	return out
}
