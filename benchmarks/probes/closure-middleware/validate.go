package mw

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"unicode"
)

// FieldRule checks one form field.
type FieldRule struct {
	Field string
	Check func(string) error
}

// Rules builds the validator table for a signup form.
func Rules(minPass, maxName int) []FieldRule {
	if maxName <= 0 {
		maxName = 64
	}
	return []FieldRule{
		{"name", func(s string) error {
			if len(s) == 0 || len(s) > maxName {
				return fmt.Errorf("name must be 1..%d bytes", maxName)
			}
			return nil
		}},
		{"password", func(s string) error {
			if len(s) < minPass {
				return fmt.Errorf("password shorter than %d", minPass)
			}
			return nil
		}},
	}
}

// Validate runs every rule over the form, collecting the failures.
func Validate(form url.Values, rules []FieldRule) error {
	var errs []error
	for _, r := range rules {
		if err := r.Check(form.Get(r.Field)); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", r.Field, err))
		}
	}
	return errors.Join(errs...)
}

// ValidSlug reports whether s is a lower-case slug of at most max runes.
func ValidSlug(s string, max int) bool {
	if max <= 0 {
		max = 40
	}
	n := 0
	bad := strings.ContainsFunc(s, func(r rune) bool {
		n++
		return n > max || !(unicode.IsLower(r) || unicode.IsDigit(r) || r == '-')
	})
	return s != "" && !bad
}

// Forbidden reports whether any segment of path is in the deny list, ignoring case.
func Forbidden(path string, deny []string) bool {
	segs := strings.Split(strings.Trim(path, "/"), "/")
	return slices.ContainsFunc(segs, func(seg string) bool {
		return slices.ContainsFunc(deny, func(d string) bool { return strings.EqualFold(seg, d) })
	})
}

// check is one table-driven header check.
type check struct {
	name string
	ok   func(string) bool
}

// HeaderProblems runs a table of header checks; limits come from the caller.
func HeaderProblems(h map[string]string, maxLen int, allowed []string) []string {
	if maxLen <= 0 {
		maxLen = 8192
	}
	checks := []check{
		{"length", func(v string) bool { return len(v) <= maxLen }},
		{"ascii", func(v string) bool {
			return !strings.ContainsFunc(v, func(r rune) bool { return r > unicode.MaxASCII })
		}},
		{"allowed", func(v string) bool { return len(allowed) == 0 || slices.Contains(allowed, v) }},
	}
	var out []string
	for k, v := range h {
		for _, c := range checks {
			if !c.ok(v) {
				out = append(out, k+": "+c.name)
			}
		}
	}
	slices.Sort(out)
	return out
}

// Registry keeps named validators for later requests.
type Registry struct {
	byName map[string]func(string) error
}

// AddLength registers a length validator under name; the limit is clamped after
// registration so the validator enforces the clamped one.
func (g *Registry) AddLength(name string, limit int) {
	if g.byName == nil {
		g.byName = map[string]func(string) error{}
	}
	g.byName[name] = func(s string) error {
		if len(s) > limit {
			return fmt.Errorf("%s longer than %d", name, limit)
		}
		return nil
	}
	limit = min(limit, 1024)
}

// AddPattern registers a validator for values with the given prefix, normalised first.
func (g *Registry) AddPattern(name, prefix string) {
	prefix = strings.ToLower(strings.TrimSpace(prefix))
	if g.byName == nil {
		g.byName = map[string]func(string) error{}
	}
	g.byName[name] = func(s string) error {
		if !strings.HasPrefix(strings.ToLower(s), prefix) {
			return fmt.Errorf("%s must start with %q", name, prefix)
		}
		return nil
	}
}
