// Package labels formats and checks label sets.
package labels

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"example.com/probes/mixed-observability/limits"
)

// Label is one name/value pair.
type Label struct {
	Name, Value string
}

// Set is a label set.
type Set []Label

const keyLimit = limits.MaxLabels*2 + 1

// Valid reports whether a name is a valid label name, lowercasing a copy to check reserved prefixes.
func Valid(name string) bool {
	if len(name) == 0 || len(name) > limits.MaxLabelName {
		return false
	}
	lower := make([]byte, len(name))
	for i := 0; i < len(name); i++ {
		c := name[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[i] = c
	}
	return !bytes.HasPrefix(lower, []byte("__"))
}

// Names returns the set's names joined, at most MaxLabels of them.
func (s Set) Names() string {
	n := len(s)
	if n > limits.MaxLabels {
		n = limits.MaxLabels
	}
	names := make([]string, n)
	for i := range names {
		names[i] = s[i].Name
	}
	sort.Strings(names)
	return strings.Join(names, ",")
}

// Key builds the series key of a set: name and value of each label, separated, at most keyLimit parts.
func (s Set) Key() string {
	parts := make([]string, 0, min(2*len(s)+1, keyLimit))
	parts = append(parts, "{")
	for _, l := range s {
		if len(parts)+2 > keyLimit {
			break
		}
		parts = append(parts, l.Name, l.Value)
	}
	return strings.Join(parts, "\xff")
}

// Hash hashes a set with FNV-1a over a scratch buffer of its sorted pairs.
func (s Set) Hash() uint64 {
	if len(s) > limits.MaxLabels {
		return 0
	}
	idx := make([]int, len(s))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return s[idx[a]].Name < s[idx[b]].Name })
	h := uint64(14695981039346656037)
	for _, i := range idx {
		for _, c := range []byte(s[i].Name + "=" + s[i].Value) {
			h ^= uint64(c)
			h *= 1099511628211
		}
	}
	return h
}

// String renders {a="b",c="d"}.
func (s Set) String() string {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, l := range s {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "%s=%q", l.Name, l.Value)
	}
	b.WriteByte('}')
	return b.String()
}

// WriteTo writes the set in exposition form.
func (s Set) WriteTo(w io.Writer) (int64, error) {
	var b strings.Builder
	b.WriteByte('{')
	for i, l := range s {
		if i > 0 {
			b.WriteByte(',')
		}
		io.WriteString(&b, l.Name)
		b.WriteString(`="`)
		io.WriteString(&b, l.Value)
		b.WriteByte('"')
	}
	b.WriteByte('}')
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}

// Indexed renders the labels with their position: 0:name=value.
func (s Set) Indexed() string {
	buf := make([]byte, 0, 64)
	for i, l := range s {
		buf = strconv.AppendInt(buf, int64(i), 10)
		buf = append(buf, ':')
		buf = append(buf, l.Name...)
		buf = append(buf, '=')
		buf = append(buf, l.Value...)
		buf = append(buf, ' ')
	}
	return string(buf)
}

// Merge merges b into a, b winning, at most MaxLabels results; the result is returned.
func Merge(a, b Set) Set {
	out := make(Set, 0, min(len(a)+len(b), limits.MaxLabels))
	seen := map[string]bool{}
	for _, l := range b {
		if len(out) < cap(out) {
			out = append(out, l)
			seen[l.Name] = true
		}
	}
	for _, l := range a {
		if !seen[l.Name] && len(out) < cap(out) {
			out = append(out, l)
		}
	}
	return out
}

// Widths measures the column widths of a label table, one column per label up to MaxLabels.
func Widths(rows []Set) int {
	cols := 0
	for _, r := range rows {
		cols = max(cols, len(r))
	}
	cols = min(cols, limits.MaxLabels)
	w := make([]int, cols)
	for _, r := range rows {
		for i := 0; i < cols && i < len(r); i++ {
			w[i] = max(w[i], len(r[i].Name)+len(r[i].Value)+3)
		}
	}
	total := 0
	for _, x := range w {
		total += x
	}
	return total
}

// Truncated cuts every value to n bytes, n from the caller: no bound.
func Truncated(s Set, n int) int {
	buf := make([]byte, n)
	total := 0
	for _, l := range s {
		total += copy(buf, l.Value)
	}
	return total
}
