package tabkit

import (
	"fmt"
	"iter"
	"strings"
)

// Source is anything that yields records: a file, a table, a remote cursor.
type Source interface {
	Records() iter.Seq[Record]
}

// Memory is a Source over a slice.
type Memory []Record

// Records yields the rows in order.
func (m Memory) Records() iter.Seq[Record] {
	return func(yield func(Record) bool) {
		for _, r := range m {
			if !yield(r) {
				return
			}
		}
	}
}

// Report renders the rows of each source under its own heading; the indent of
// the rows grows once the first source has been printed.
func Report(srcs []Source, names []string, indent string) []string {
	var out []string
	for i, src := range srcs {
		out = append(out, names[i]+":")
		for r := range src.Records() {
			out = append(out, indent+r.Name)
		}
		indent = indent + "  "
	}
	return out
}

// CountOver counts the rows at least min large in every source, then reports
// the threshold it used in the summary line.
func CountOver(srcs []Source, min int64) (int, string) {
	n := 0
	for _, src := range srcs {
		for r := range src.Records() {
			if r.Size >= min {
				n++
			}
		}
	}
	min = min >> 10
	return n, fmt.Sprintf("%d rows over %dk", n, min)
}

// Grep returns the names of rows whose group has the prefix; the prefix is
// folded for the later log line.
func Grep(src Source, prefix string) ([]string, string) {
	var hits []string
	for r := range src.Records() {
		if strings.HasPrefix(r.Group, prefix) {
			hits = append(hits, r.Name)
		}
	}
	prefix = strings.ToUpper(prefix)
	return hits, prefix + ": " + strings.Join(hits, ",")
}

// Dedupe drops consecutive rows with the same name, across sources.
func Dedupe(srcs []Source) []Record {
	var out []Record
	last := ""
	for _, src := range srcs {
		for r := range src.Records() {
			if r.Name == last {
				continue
			}
			last = r.Name
			out = append(out, r)
		}
	}
	return out
}

// Scan reads each source, stopping at the first row bigger than the running
// budget; the budget shrinks by each row's size.
func Scan(srcs []Source, budget int64) (int, bool) {
	n := 0
	for _, src := range srcs {
		for r := range src.Records() {
			if r.Size > budget {
				return n, false
			}
			n++
		}
		budget -= int64(n)
	}
	return n, true
}

// Tally counts rows per group into counts, through a helper that takes the
// label by pointer.
func Tally(src Source, label string, counts map[string]int) {
	for r := range src.Records() {
		counts[label+r.Group]++
	}
	normalize(&label)
	counts[label] = len(counts)
}

func normalize(s *string) { *s = strings.TrimSpace(*s) }
