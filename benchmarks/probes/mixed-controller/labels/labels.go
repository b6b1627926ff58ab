// Package labels parses and evaluates label selectors into fixed-size tables.
package labels

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"example.com/probes/mixed-controller/limits"
)

// Op is a requirement's operator.
type Op uint8

// The operators a selector understands.
const (
	Equals Op = iota
	NotEquals
	In
	NotIn
	Exists
	DoesNotExist
)

// Requirement is one clause of a selector.
type Requirement struct {
	Key    string
	Op     Op
	Values [limits.MaxValues]string
	N      int
}

// Selector is a parsed selector: every requirement must hold.
type Selector struct {
	Reqs [limits.MaxRequirements]Requirement
	N    int
}

var (
	errTooMany   = errors.New("labels: too many requirements")
	errTooManyIn = errors.New("labels: too many values")
)

// split splits a selector at the commas outside parentheses.
func split(s string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
		case ',':
			if depth == 0 {
				out = append(out, s[start:i])
				start = i + 1
			}
		}
	}
	return append(out, s[start:])
}

// Parse parses "app=web,tier!=db,env in (prod,stage),!legacy".
func Parse(s string) (Selector, error) {
	var sel Selector
	if strings.TrimSpace(s) == "" {
		return sel, nil
	}
	clauses := split(s)
	if len(clauses) > limits.MaxRequirements {
		return sel, errTooMany
	}
	for _, c := range clauses {
		r, err := parseRequirement(strings.TrimSpace(c))
		if err != nil {
			return sel, fmt.Errorf("labels: %q: %w", c, err)
		}
		sel.Reqs[sel.N] = r
		sel.N++
	}
	return sel, nil
}

func parseRequirement(c string) (Requirement, error) {
	var r Requirement
	switch {
	case strings.HasPrefix(c, "!"):
		r.Key, r.Op = c[1:], DoesNotExist
	case strings.Contains(c, " notin "):
		k, v, _ := strings.Cut(c, " notin ")
		r.Key, r.Op = strings.TrimSpace(k), NotIn
		return r, r.setValues(v)
	case strings.Contains(c, " in "):
		k, v, _ := strings.Cut(c, " in ")
		r.Key, r.Op = strings.TrimSpace(k), In
		return r, r.setValues(v)
	case strings.Contains(c, "!="):
		k, v, _ := strings.Cut(c, "!=")
		r.Key, r.Op, r.Values[0], r.N = k, NotEquals, v, 1
	case strings.Contains(c, "="):
		k, v, _ := strings.Cut(c, "=")
		r.Key, r.Op, r.Values[0], r.N = k, Equals, strings.TrimPrefix(v, "="), 1
	default:
		r.Key, r.Op = c, Exists
	}
	if r.Key == "" {
		return r, errors.New("empty key")
	}
	return r, nil
}

func (r *Requirement) setValues(list string) error {
	list = strings.TrimSpace(list)
	list = strings.TrimSuffix(strings.TrimPrefix(list, "("), ")")
	for _, v := range strings.Split(list, ",") {
		if r.N == limits.MaxValues {
			return errTooManyIn
		}
		r.Values[r.N] = strings.TrimSpace(v)
		r.N++
	}
	return nil
}

func (r *Requirement) has(v string) bool {
	for _, x := range r.Values[:r.N] {
		if x == v {
			return true
		}
	}
	return false
}

// Matches reports whether the labels satisfy the requirement.
func (r *Requirement) Matches(lbls map[string]string) bool {
	v, ok := lbls[r.Key]
	switch r.Op {
	case Equals, In:
		return ok && r.has(v)
	case NotEquals, NotIn:
		return !ok || !r.has(v)
	case Exists:
		return ok
	default:
		return !ok
	}
}

// Matches reports whether every requirement holds.
func (s *Selector) Matches(lbls map[string]string) bool {
	for i := range s.Reqs[:s.N] {
		if !s.Reqs[i].Matches(lbls) {
			return false
		}
	}
	return true
}

// String renders the selector back in canonical form.
func (s *Selector) String() string {
	parts := make([]string, 0, s.N)
	for _, r := range s.Reqs[:s.N] {
		switch r.Op {
		case Equals:
			parts = append(parts, r.Key+"="+r.Values[0])
		case NotEquals:
			parts = append(parts, r.Key+"!="+r.Values[0])
		case In, NotIn:
			op := " in "
			if r.Op == NotIn {
				op = " notin "
			}
			parts = append(parts, r.Key+op+"("+strings.Join(r.Values[:r.N], ",")+")")
		case Exists:
			parts = append(parts, r.Key)
		default:
			parts = append(parts, "!"+r.Key)
		}
	}
	return strings.Join(parts, ",")
}

// Keys returns the label keys, sorted.
func Keys(lbls map[string]string) []string {
	keys := make([]string, 0, len(lbls))
	for k := range lbls {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Canonical renders a label set as "k=v,..." sorted by key; sets wider than a selector are cut.
func Canonical(lbls map[string]string) string {
	n := min(len(lbls), limits.MaxRequirements)
	pairs := make([]string, 0, n)
	for k, v := range lbls {
		if len(pairs) == n {
			break
		}
		pairs = append(pairs, k+"="+v)
	}
	sort.Strings(pairs)
	return strings.Join(pairs, ",")
}

// Valid reports whether a label value is a DNS-1123 label, lower-cased into a scratch first.
func Valid(v string) bool {
	if len(v) == 0 || len(v) > limits.NameWidth {
		return false
	}
	low := make([]byte, len(v))
	for i := 0; i < len(v); i++ {
		c := v[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		low[i] = c
	}
	for i, c := range low {
		alnum := 'a' <= c && c <= 'z' || '0' <= c && c <= '9'
		if !alnum && (c != '-' || i == 0 || i == len(low)-1) {
			return false
		}
	}
	return true
}
