package index

import (
	"errors"
	"strings"
)

// MaxQueryTerms is how many terms a query may hold.
const MaxQueryTerms = 16

var errQuery = errors.New("index: too many query terms")

// Query is a parsed query: terms, and which are required or excluded.
type Query struct {
	terms [MaxQueryTerms]string
	must  [MaxQueryTerms]bool
	not   [MaxQueryTerms]bool
	n     int
}

// ParseQuery splits on spaces; "+x" requires x and "-x" excludes it.
func ParseQuery(q string) (Query, error) {
	fields := strings.Fields(q)
	if len(fields) > MaxQueryTerms {
		return Query{}, errQuery
	}
	var out Query
	kinds := make([]byte, len(fields))
	for i, f := range fields {
		switch {
		case strings.HasPrefix(f, "+") && len(f) > 1:
			kinds[i] = '+'
			fields[i] = f[1:]
		case strings.HasPrefix(f, "-") && len(f) > 1:
			kinds[i] = '-'
			fields[i] = f[1:]
		}
	}
	for i, f := range fields {
		out.terms[i] = f
		out.must[i] = kinds[i] == '+'
		out.not[i] = kinds[i] == '-'
	}
	out.n = len(fields)
	return out, nil
}

// Len is the number of terms.
func (q *Query) Len() int { return q.n }

// Matches reports whether a document with the given terms satisfies the query.
func (q *Query) Matches(has func(term string) bool) bool {
	found := make([]bool, q.n)
	any := false
	for i := 0; i < q.n; i++ {
		found[i] = has(q.terms[i])
		if q.not[i] && found[i] {
			return false
		}
		if q.must[i] && !found[i] {
			return false
		}
		if found[i] && !q.not[i] {
			any = true
		}
	}
	return any
}

// TermsOf returns the positive terms; the caller keeps them for highlighting.
func TermsOf(q string) []string {
	fields := strings.Fields(q)
	out := make([]string, 0, len(fields))
	for _, f := range fields {
		if !strings.HasPrefix(f, "-") {
			out = append(out, strings.TrimPrefix(f, "+"))
		}
	}
	return out
}

// Phrase splits a quoted phrase into at most MaxQueryTerms words and hashes
// their positions into one key for the positional index.
func Phrase(p string) uint64 {
	words := strings.Fields(p)
	n := min(len(words), MaxQueryTerms)
	offs := make([]int, n)
	at := 0
	for i := 0; i < n; i++ {
		offs[i] = at
		at += len(words[i]) + 1
	}
	h := uint64(14695981039346656037)
	for i, o := range offs {
		h ^= uint64(o) ^ uint64(len(words[i]))<<32
		h *= 1099511628211
	}
	return h
}
