// Package tabkit holds the record plumbing of a small command-line data tool:
// sorting, filtering and formatting rows read from CSV-ish files.
package tabkit

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// Record is one parsed row.
type Record struct {
	Name   string
	Group  string
	Size   int64
	Fields []string
}

// SortBy orders records by a named column; unknown columns sort by name.
func SortBy(rs []Record, col string, desc bool) {
	col = strings.ToLower(strings.TrimSpace(col))
	sort.SliceStable(rs, func(i, j int) bool {
		a, b := rs[i], rs[j]
		var less bool
		switch col {
		case "size":
			less = a.Size < b.Size
		case "group":
			less = a.Group < b.Group
		default:
			less = a.Name < b.Name
		}
		if desc {
			return !less && a.Name != b.Name
		}
		return less
	})
}

// SortKeys sorts by several comma-separated keys, ties broken left to right.
func SortKeys(rs []Record, spec string) {
	keys := strings.Split(spec, ",")
	slices.SortFunc(rs, func(a, b Record) int {
		for _, k := range keys {
			var c int
			switch k {
			case "size":
				c = cmp.Compare(a.Size, b.Size)
			case "-size":
				c = cmp.Compare(b.Size, a.Size)
			case "group":
				c = strings.Compare(a.Group, b.Group)
			default:
				c = strings.Compare(a.Name, b.Name)
			}
			if c != 0 {
				return c
			}
		}
		return 0
	})
}

// Pred is a row filter.
type Pred func(Record) bool

// MinSize keeps rows at least n units large ("k", "m" or bytes).
func MinSize(n int64, unit string) Pred {
	switch unit {
	case "k":
		n *= 1 << 10
	case "m":
		n *= 1 << 20
	}
	return func(r Record) bool { return r.Size >= n }
}

// InGroups keeps rows whose group is one of the comma-separated names; an
// empty list keeps everything.
func InGroups(list string, fold bool) Pred {
	names := strings.Split(list, ",")
	if list == "" {
		names = nil
	}
	return func(r Record) bool {
		if names == nil {
			return true
		}
		for _, n := range names {
			if n == r.Group || (fold && strings.EqualFold(n, r.Group)) {
				return true
			}
		}
		return false
	}
}

// Where returns the rows every predicate keeps.
func Where(rs []Record, preds ...Pred) []Record {
	var out []Record
next:
	for _, r := range rs {
		for _, p := range preds {
			if !p(r) {
				continue next
			}
		}
		out = append(out, r)
	}
	return out
}

// Extractors builds one formatter per requested column.
func Extractors(cols []string, pad bool) []func(Record) string {
	width := 0
	if pad {
		width = 12
	}
	out := make([]func(Record) string, 0, len(cols))
	for i, c := range cols {
		switch c {
		case "name":
			out = append(out, func(r Record) string { return fmt.Sprintf("%-*s", width, r.Name) })
		case "size":
			out = append(out, func(r Record) string { return fmt.Sprintf("%*d", width, r.Size) })
		default:
			out = append(out, func(r Record) string {
				if i < len(r.Fields) {
					return r.Fields[i]
				}
				return ""
			})
		}
	}
	return out
}

// SplitLine splits a line on the delimiter the user picked; "ws" splits on
// any run of white space.
func SplitLine(line, delim string) []string {
	sep := ','
	switch delim {
	case "tab":
		sep = '\t'
	case "semi":
		sep = ';'
	case "ws":
		return strings.FieldsFunc(line, unicode.IsSpace)
	}
	return strings.FieldsFunc(line, func(r rune) bool { return r == sep })
}

// Slug lower-cases s and maps anything but letters and digits to repl.
func Slug(s string, repl rune) string {
	if repl == 0 {
		repl = '-'
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return repl
	}, s)
}

// TopN returns the n largest rows by size, keeping the input order intact.
func TopN(rs []Record, n int) []Record {
	idx := make([]int, len(rs))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return rs[idx[a]].Size > rs[idx[b]].Size })
	if n > len(idx) {
		n = len(idx)
	}
	out := make([]Record, 0, n)
	for _, i := range idx[:n] {
		out = append(out, rs[i])
	}
	return out
}

// ParseSizes parses the size column of every row, reporting the first bad row.
func ParseSizes(rs []Record, col int) error {
	bad := -1
	for i := range rs {
		if col >= len(rs[i].Fields) {
			continue
		}
		n, err := strconv.ParseInt(rs[i].Fields[col], 10, 64)
		if err != nil {
			if bad < 0 {
				bad = i
			}
			continue
		}
		rs[i].Size = n
	}
	if bad >= 0 {
		return fmt.Errorf("row %d: bad size", bad)
	}
	return nil
}
