// Package query parses the search box: terms, quoted phrases, -exclusions and
// field:value filters.
package query

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"example.com/probes/mixed-search/limits"
	"example.com/probes/mixed-search/text"
)

// ErrTooManyTerms is returned for a query over MaxQueryTerms terms.
var ErrTooManyTerms = errors.New("query: too many terms")

// Clause is one parsed part of a query.
type Clause struct {
	Field   string
	Term    string
	Phrase  []string
	Exclude bool
}

// Query is a parsed query.
type Query struct {
	Clauses []Clause
	Raw     string
}

// Parse splits raw into clauses.
func Parse(raw string) (*Query, error) {
	q := &Query{Raw: raw}
	rest := strings.TrimSpace(raw)
	for rest != "" {
		var c Clause
		if rest[0] == '-' {
			c.Exclude = true
			rest = rest[1:]
		}
		if rest != "" && rest[0] == '"' {
			end := strings.IndexByte(rest[1:], '"')
			if end < 0 {
				return nil, fmt.Errorf("query: unterminated phrase in %q", raw)
			}
			c.Phrase = text.Analyze(rest[1 : end+1])
			rest = strings.TrimSpace(rest[end+2:])
		} else {
			word, tail, _ := strings.Cut(rest, " ")
			rest = strings.TrimSpace(tail)
			if f, v, ok := strings.Cut(word, ":"); ok {
				c.Field, word = f, v
			}
			c.Term = text.Lower(word)
			if c.Field == "" && text.IsStop(c.Term) {
				continue
			}
		}
		q.Clauses = append(q.Clauses, c)
		if len(q.Clauses) > limits.MaxQueryTerms {
			return nil, ErrTooManyTerms
		}
	}
	return q, nil
}

// Terms returns the positive single terms of q.
func (q *Query) Terms() []string {
	var out []string
	for _, c := range q.Clauses {
		if !c.Exclude && c.Term != "" && c.Field == "" {
			out = append(out, c.Term)
		}
	}
	return out
}

// HasExclusions reports whether q excludes anything.
func (q *Query) HasExclusions() bool {
	for i := range q.Clauses {
		if q.Clauses[i].Exclude {
			return true
		}
	}
	return false
}

// Key is the canonical cache key of q: clauses sorted, one per line.
func (q *Query) Key() string {
	parts := make([]string, 0, len(q.Clauses))
	for _, c := range q.Clauses {
		var b strings.Builder
		if c.Exclude {
			b.WriteByte('-')
		}
		if c.Field != "" {
			b.WriteString(c.Field)
			b.WriteByte(':')
		}
		b.WriteString(c.Term)
		if c.Phrase != nil {
			b.WriteString(`"` + strings.Join(c.Phrase, " ") + `"`)
		}
		parts = append(parts, b.String())
	}
	sort.Strings(parts)
	return strings.Join(parts, "\n")
}

// TermCount counts the positive terms without building the list; it sorts a
// bounded scratch of them to count distinct ones.
func (q *Query) TermCount() int {
	if len(q.Clauses) > limits.MaxQueryTerms {
		return -1
	}
	seen := make([]string, 0, len(q.Clauses))
	for _, c := range q.Clauses {
		if !c.Exclude && c.Term != "" {
			seen = append(seen, c.Term)
		}
	}
	sort.Strings(seen)
	n := 0
	for i := range seen {
		if i == 0 || seen[i] != seen[i-1] {
			n++
		}
	}
	return n
}

// Describe writes a human-readable rendering of q for the debug page.
func (q *Query) Describe() string {
	var b strings.Builder
	for i, c := range q.Clauses {
		if i > 0 {
			b.WriteString(" AND ")
		}
		switch {
		case c.Phrase != nil:
			fmt.Fprintf(&b, "phrase(%s)", strings.Join(c.Phrase, " "))
		case c.Field != "":
			fmt.Fprintf(&b, "%s=%s", c.Field, c.Term)
		default:
			b.WriteString(c.Term)
		}
		if c.Exclude {
			b.WriteString("!")
		}
	}
	return b.String()
}
