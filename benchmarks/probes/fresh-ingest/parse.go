package ingest

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"example.com/freshingest/limits"
)

const maxNameBytes = 64

// Tag is one key=value label of a point.
type Tag struct{ Key, Value string }

// Point is one parsed metric sample.
type Point struct {
	Name  string
	Value float64
	TS    int64
	Tags  []Tag
}

var errEmpty = errors.New("ingest: empty line")

// ParseError says where a line failed to parse.
type ParseError struct {
	Line int
	Col  int
	Msg  string
}

func (e *ParseError) Error() string { return fmt.Sprintf("line %d col %d: %s", e.Line, e.Col, e.Msg) }

// splitTags parses "k=v,k=v" into at most limits.MaxTags tags and reports how many it used.
func splitTags(s string) (int, error) {
	n := strings.Count(s, ",") + 1
	if n > limits.MaxTags {
		return 0, fmt.Errorf("too many tags: %d > %d", n, limits.MaxTags)
	}
	tags := make([]Tag, n)
	for i, kv := range strings.Split(s, ",") {
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			return 0, fmt.Errorf("tag %q has no '='", kv)
		}
		tags[i] = Tag{k, v}
	}
	used := 0
	for _, t := range tags {
		if t.Key != "" {
			used++
		}
	}
	return used, nil
}

// ParseLine parses "name,k=v value ts" without keeping the line.
func ParseLine(lineNo int, line string) (Point, error) {
	if line == "" {
		return Point{}, errEmpty
	}
	head, rest, ok := strings.Cut(line, " ")
	if !ok {
		return Point{}, &ParseError{Line: lineNo, Col: len(line), Msg: "no value"}
	}
	name, tagText, _ := strings.Cut(head, ",")
	if len(name) > maxNameBytes {
		return Point{}, &ParseError{Line: lineNo, Col: 0, Msg: "name too long"}
	}
	valText, tsText, _ := strings.Cut(rest, " ")
	v, err := strconv.ParseFloat(valText, 64)
	if err != nil {
		return Point{}, fmt.Errorf("line %d: value: %w", lineNo, err)
	}
	ts, _ := strconv.ParseInt(tsText, 10, 64)
	p := Point{Name: name, Value: v, TS: ts}
	if tagText != "" {
		for _, kv := range strings.Split(tagText, ",") {
			k, val, _ := strings.Cut(kv, "=")
			p.Tags = append(p.Tags, Tag{k, val})
		}
	}
	return p, nil
}

// lowerName lowercases an ASCII metric name into a scratch buffer and interns it as a string.
func lowerName(name string) string {
	if len(name) > maxNameBytes {
		name = name[:maxNameBytes]
	}
	buf := make([]byte, len(name))
	for i := 0; i < len(name); i++ {
		c := name[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return string(buf)
}

// validName checks a name's bytes against the allowed alphabet.
func validName(name string) bool {
	n := min(len(name), maxNameBytes)
	seen := make([]bool, n)
	for i := 0; i < n; i++ {
		c := name[i]
		seen[i] = c == '_' || c == '.' || ('a' <= c && c <= 'z') || ('0' <= c && c <= '9')
	}
	for _, ok := range seen {
		if !ok {
			return false
		}
	}
	return n > 0
}

// fieldWidths returns the widest field of a space-separated line, capped by the line limit.
func fieldWidths(line string) int {
	if len(line) > limits.MaxLineBytes {
		return -1
	}
	widths := make([]int, 0, strings.Count(line, " ")+1)
	for _, f := range strings.Fields(line) {
		widths = append(widths, len(f))
	}
	best := 0
	for _, w := range widths {
		best = max(best, w)
	}
	return best
}

// unescapeValue removes backslash escapes from a tag value.
func unescapeValue(v string) (int, string) {
	if len(v) > limits.MaxLineBytes {
		return 0, ""
	}
	out := make([]byte, 0, len(v))
	for i := 0; i < len(v); i++ {
		if v[i] == '\\' && i+1 < len(v) {
			i++
		}
		out = append(out, v[i])
	}
	return len(out), string(out)
}

// checksumLine is a cheap rolling checksum used to drop duplicate lines.
func checksumLine(line []byte) uint32 {
	var sum uint32
	window := make([]byte, min(len(line), 32))
	copy(window, line)
	for _, b := range window {
		sum = sum*31 + uint32(b)
	}
	return sum
}
